import Foundation

/// Where a reshaped table's rows go: one file at a time, rows of text cells.
/// `number` marks cells a spreadsheet would hold as numbers (学时, minutes).
public protocol ReshapedFileWriter {
    func begin(path: String, header: [String]) throws
    func row(_ cells: [String], numeric: [Bool]) throws
    func finish() throws
}

/// Rewrites a contract-shape export (CONTRACT §3, as `peixun sample` writes it) in a platform's
/// shape, as its profile describes it (§7): its file names (the first pattern made concrete, a
/// table split over several files when asked), its headers (each column's first alternative),
/// its spellings (each value's first), study time in minutes, and the first time format that
/// can hold each time. Values the contract does not read (the sample's deliberate faults) are
/// written as they are, so the reshaped export grades exactly like the original.
public struct ExportReshaper {
    public var profile: ExportProfile
    /// Rows per file for tables whose first pattern has a `*` (nil: one file unless a table
    /// has more rows than `largeTable`).
    public var splitRows: Int?
    /// A table with more rows than this is split even when not asked (an xlsx sheet holds 1 048 576 rows).
    public var largeTable = 1_000_000
    /// "csv" or "xlsx": the extension of the files written when the pattern names none.
    public var fileExtension = "csv"
    /// Keep, per table, where each source line went (tests compare anomalies through it).
    public var recordLines = false

    /// A source row's new place.
    public struct Place: Hashable, Sendable {
        public var file: String
        public var line: Int
    }

    public struct Report: Sendable {
        /// Per table: the files written, in name order.
        public var files: [ExportTable: [String]] = [:]
        /// Per source file name (e.g. `courses.csv`): source line → new place (with `recordLines`).
        public var lines: [String: [Int: Place]] = [:]
    }

    public init(profile: ExportProfile, splitRows: Int? = nil) {
        self.profile = profile
        self.splitRows = splitRows
    }

    /// Reshapes the tables found in `source` (contract names) into `destination`, with `writer` for the files.
    public func reshape(source: String, destination: String, writer: ReshapedFileWriter) throws -> Report {
        let export = try ExportFiles.locate(in: source)
        var report = Report()
        for table in ExportTable.allCases {
            guard let path = export.paths[table] else { continue }
            try reshape(table, path: path, destination: destination, writer: writer, report: &report)
        }
        return report
    }

    func reshape(_ table: ExportTable, path: String, destination: String, writer: ReshapedFileWriter,
                 report: inout Report) throws {
        let layout = profile.layout(table)
        let sourceName = (path as NSString).lastPathComponent
        let facts = try TextEncodingDetector.facts(path: path, fileName: sourceName)
        let source = CSVRowSource(path: path, fileName: sourceName, encoding: facts.encoding)
        var header: [String] = []
        var rows = 0
        try source.forEachRow { row in
            if header.isEmpty {
                if row.isBlank { return true }
                header = (0..<row.count).map { String(decoding: row.field($0), as: UTF8.self) }
            } else if !row.isBlank {
                rows += 1
            }
            return true
        }
        let names = fileNames(table, layout, rows: rows)
        let perFile = names.count > 1 ? rowsPerFile : max(rows, 1)
        let converters = header.map { column in CellConverter(table: table, column: column, layout: layout) }
        let newHeader = header.map { layout.headers(for: $0)[0] }
        var written = 0, fileIndex = -1, line = 0
        var places: [Int: Place] = [:]
        var seenHeader = false
        func open(_ k: Int) throws {
            if fileIndex >= 0 { try writer.finish() }
            fileIndex = k
            try writer.begin(path: (destination as NSString).appendingPathComponent(names[k]), header: newHeader)
            line = 1
        }
        try open(0)
        try source.forEachRow { row in
            if row.isBlank { return true }
            if !seenHeader { seenHeader = true; return true }
            if written > 0, written % perFile == 0, fileIndex + 1 < names.count { try open(fileIndex + 1) }
            var cells: [String] = []
            var numeric: [Bool] = []
            for k in 0..<max(row.count, header.count) {
                let text = String(decoding: row.field(k), as: UTF8.self)
                let (value, isNumber) = k < converters.count ? converters[k].convert(text) : (text, false)
                cells.append(value)
                numeric.append(isNumber)
            }
            try writer.row(cells, numeric: numeric)
            line += 1
            written += 1
            if recordLines { places[row.line] = Place(file: names[fileIndex], line: line) }
            return true
        }
        try writer.finish()
        report.files[table] = names
        if recordLines { report.lines[sourceName] = places }
    }

    /// Rows in each part of a split table (the last part may hold fewer).
    var rowsPerFile: Int { max(1, splitRows ?? largeTable) }

    /// The files of a table: the first pattern with `*` made empty (one file) or `_01`, `_02` …
    /// (parts, zero-padded so that name order is reading order); `?` becomes `1`.
    func fileNames(_ table: ExportTable, _ layout: TableLayout, rows: Int) -> [String] {
        guard let pattern = layout.files.first else { return ["\(table.rawValue).\(fileExtension)"] }
        let ext = (pattern as NSString).pathExtension.lowercased()
        let hasExtension = ExportFiles.extensions.contains(ext)
        let suffix = hasExtension ? "" : ".\(fileExtension)"
        let concrete = pattern.replacingOccurrences(of: "?", with: "1")
        let parts = concrete.contains("*") && rows > rowsPerFile ? (rows + rowsPerFile - 1) / rowsPerFile : 1
        guard parts > 1 else { return [concrete.replacingOccurrences(of: "*", with: "") + suffix] }
        let width = max(2, String(parts).count)
        return (1...parts).map { k in
            let number = String(repeating: "0", count: width - String(k).count) + String(k)
            return replacingFirstStar(concrete, with: "_\(number)").replacingOccurrences(of: "*", with: "") + suffix
        }
    }

    func replacingFirstStar(_ s: String, with text: String) -> String {
        guard let r = s.range(of: "*") else { return s }
        return s.replacingCharacters(in: r, with: text)
    }
}

/// One column's conversion from the contract's shape to the platform's.
struct CellConverter {
    /// §3 value → the platform's first spelling.
    let spellings: [String: String]
    let minutesPerHour: Int?
    let isHours: Bool
    let isTime: Bool
    let formats: [TimeFormat]

    init(table: ExportTable, column: String, layout: TableLayout) {
        var spellings: [String: String] = [:]
        for (spelling, value) in layout.values[column]?.pairs ?? [] where spellings[value] == nil { spellings[value] = spelling }
        self.spellings = spellings
        isHours = table == .courses && column == "学时"
        minutesPerHour = isHours ? layout.minutesPerHour : nil
        isTime = ["完成时间", "提交时间", "发布时间"].contains(column)
        formats = layout.timeFormats
    }

    func convert(_ text: String) -> (String, Bool) {
        if isHours, let h = Hours.parse(text) {
            guard let m = minutesPerHour else { return (text, true) }
            return (h.minutes(perHour: m).description, true)
        }
        if isTime, !formats.isEmpty, let t = Timestamp.parse(text) {
            for f in formats { if let s = f.format(t) { return (s, false) } }
            return (text, false)
        }
        if let s = spellings[text] { return (s, false) }
        return (text, false)
    }
}
