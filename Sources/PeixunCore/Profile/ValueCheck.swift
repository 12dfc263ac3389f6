/// Looks at one column's values for `inspect`: keeps a few examples and counts the values
/// that §3 (through the profile's spellings, formats and units) would not recognise.
struct ValueCheck {
    enum Kind {
        /// One of a closed set (角色, 状态, 推优 …); `emptyAllowed` when an empty cell means something.
        case closed([String], emptyAllowed: Bool)
        case time(emptyAllowed: Bool)
        case hours
        case id
        case free
    }

    static let exampleCount = 3
    static let unrecognisedShown = 8

    let kind: Kind
    let map: ValueMap?
    let layout: TableLayout
    private(set) var examples: [String] = []
    private var counts: [String: Int] = [:]
    private var order: [String] = []

    init(table: ExportTable, column: String, layout: TableLayout) {
        self.layout = layout
        map = layout.values[column]
        kind = Self.kind(table, column)
    }

    static func kind(_ table: ExportTable, _ column: String) -> Kind {
        if let closed = ProfileLoader.closedValues(table, column) {
            return .closed(closed, emptyAllowed: column == "推优")
        }
        switch (table, column) {
        case (_, "身份证号"): return .id
        case (.homework, "批阅等级"): return .closed(["优秀", "良好", "中等"], emptyAllowed: true)
        case (.courses, "学时"): return .hours
        case (.courses, "完成时间"): return .time(emptyAllowed: true)
        case (_, "完成时间"), (_, "提交时间"), (_, "发布时间"): return .time(emptyAllowed: false)
        default: return .free
        }
    }

    mutating func see(_ cell: UnsafeBufferPointer<UInt8>, numeric: Bool) {
        let bytes = map?.map(cell) ?? cell
        let known: Bool
        switch kind {
        case .closed(let values, let emptyAllowed):
            known = bytes.isEmpty ? emptyAllowed : values.contains { bytes.equals(Array($0.utf8)) }
        case .time(let emptyAllowed):
            known = bytes.isEmpty ? emptyAllowed : (numeric || layout.time(utf8: bytes) != nil)
        case .hours:
            known = Hours.parse(utf8: bytes) != nil
        case .id:
            known = IDNumber.key(utf8: bytes) != nil
        case .free:
            known = true
        }
        if examples.count < Self.exampleCount, !(bytes.isEmpty && cell.isEmpty) {
            // As the file has it, and what it is read as when a spelling maps it: 参训教师→学员.
            var text = String(decoding: cell, as: UTF8.self)
            if case .id = kind { text = IDNumber.mask(text) }
            if bytes.baseAddress != cell.baseAddress || bytes.count != cell.count {
                text = (cell.isEmpty ? "(empty)" : text) + "→" + String(decoding: bytes, as: UTF8.self)
            }
            if !examples.contains(text) { examples.append(text) }
        }
        guard !known else { return }
        let text = String(decoding: bytes, as: UTF8.self)
        // Times and numbers are counted by their shape (digits as 0): one entry per way of writing them.
        let key: String
        switch kind {
        case .time, .hours: key = String(text.map { $0.isASCII && $0.isNumber ? "0" : $0 })
        default: key = text
        }
        if counts[key] == nil { order.append(key); firstOf[key] = text }
        counts[key, default: 0] += 1
    }

    private var firstOf: [String: String] = [:]

    /// Unrecognised values, most frequent first (first seen first among equals). Invalid IDs are
    /// shown masked: inspect's output is a log, not the roster.
    var unrecognised: [(value: String, count: Int)] {
        let list = order.enumerated().sorted { a, b in
            let ca = counts[a.element] ?? 0, cb = counts[b.element] ?? 0
            return ca != cb ? ca > cb : a.offset < b.offset
        }.prefix(Self.unrecognisedShown).map { (value: firstOf[$0.element] ?? $0.element, count: counts[$0.element] ?? 0) }
        if case .id = kind { return list.map { (IDNumber.mask($0.value), $0.count) } }
        return list
    }
}
