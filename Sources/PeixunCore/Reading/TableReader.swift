import Foundation

/// Reads one export table (.csv or .xlsx): checks the header on opening, then streams the
/// records through the table's columns (CONTRACT §3, §6 "Reading").
public struct TableReader {
    /// Rows tried, after blank ones, when looking for the header (a title row may precede it).
    static let headerSearchRows = 10

    public let path: String
    public let table: ExportTable
    /// How the platform writes this table (the contract's layout unless a profile says otherwise).
    public let layout: TableLayout
    /// The header cells as found (trimmed), in file order.
    public let header: [String]
    /// The row where the header was found (CSV line or xlsx row number).
    public let headerLine: Int

    private let source: RowSource
    /// For each of `table.columns`, the field index in the file, or -1.
    private let columnMap: [Int]
    /// For each of `table.columns`, the platform's spellings of its values; nil when none has any.
    private let valueMaps: [ValueMap?]?
    /// CSV in UTF-8 without any `"`: may be split into parts (`partitions`).
    private let splittable: (bomBytes: Int, size: Int)?
    /// The header's position among all rows of the source, blank ones included.
    private let headerOrdinal: Int

    /// Opens and checks the header. Throws FatalError (file, reason) for: unreadable file, undecodable
    /// CSV (neither UTF-8 nor GB18030), bad xlsx, empty file / no header, a missing required column (name it).
    public init(path: String, table: ExportTable, layout: TableLayout = TableLayout()) throws {
        self.path = path
        self.table = table
        self.layout = layout
        let fileName = (path as NSString).lastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw FatalError(file: fileName, reason: "unreadable file: not found")
        }
        if (fileName as NSString).pathExtension.lowercased() == "xlsx" {
            source = try XLSXRowSource(path: path, fileName: fileName)
            splittable = nil
            encodingName = "xlsx"
        } else {
            let facts = try TextEncodingDetector.facts(path: path, fileName: fileName)
            source = CSVRowSource(path: path, fileName: fileName, encoding: facts.encoding)
            encodingName = Self.name(of: facts.encoding)
            if case .utf8(let skip) = facts.encoding, facts.quoteFree,
               let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int {
                splittable = (skip, size)
            } else {
                splittable = nil
            }
        }
        let found = try Self.findHeader(in: source, table: table, layout: layout, fileName: fileName)
        header = found.cells
        headerLine = found.line
        headerOrdinal = found.ordinal
        columnMap = table.columns.map { Self.fieldIndex(of: $0, in: found.cells, layout: layout) ?? -1 }
        valueMaps = layout.values.isEmpty ? nil : table.columns.map { layout.values[$0] }
    }

    /// The field of a §3 column: the first of its header alternatives the row has.
    static func fieldIndex(of column: String, in cells: [String], layout: TableLayout) -> Int? {
        for h in layout.headers(for: column) { if let i = cells.firstIndex(of: h) { return i } }
        return nil
    }

    /// The header cell each §3 column was read from (nil: absent).
    public var columnHeaders: [(column: String, header: String?)] {
        zip(table.columns, columnMap).map { ($0, $1 >= 0 ? header[$1] : nil) }
    }

    /// The encoding the file was read in ("UTF-8", "UTF-8 with BOM", "GB18030", "xlsx").
    public let encodingName: String

    /// The last path component, e.g. "courses.csv".
    public var fileName: String { (path as NSString).lastPathComponent }

    /// Streams every non-blank record in file order; returns the number of records given to `body`.
    /// The Record and its buffers are only valid during the call.
    @discardableResult
    public func read(_ body: (Record) throws -> Void) throws -> Int {
        var delivered = 0
        var ordinal = 0
        let skip = headerOrdinal
        let headerCount = header.count
        try ValueMap.withBuffer(valueMaps) { maps in
            try columnMap.withUnsafeBufferPointer { map in
                try source.forEachRow { row in
                    ordinal += 1
                    if ordinal <= skip + 1 || row.isBlank { return true }
                    try body(Record(line: row.line, fieldCount: row.count, headerCount: headerCount,
                                    fields: row.fields, numeric: row.numeric, columnMap: map, valueMaps: maps))
                    delivered += 1
                    return true
                }
            }
        }
        return delivered
    }

    /// Splits the table into up to `maxCount` parts of about equal size, to be read on
    /// separate threads, in order. Only a UTF-8 CSV without any quote character is split
    /// (then every line end is a record boundary), and only when it is at least `minimumBytes`;
    /// otherwise the result is nil and `read` is the way.
    public func partitions(maxCount: Int, minimumBytes: Int = 32 << 20) throws -> [TablePartition]? {
        guard let (bom, size) = splittable, maxCount > 1, size >= minimumBytes else { return nil }
        var bounds = [0]
        for k in 1..<maxCount {
            let cut = try FileRangeInput.lineStart(path: path, fileName: fileName, after: size * k / maxCount, size: size)
            if let last = bounds.last, cut > last, cut < size { bounds.append(cut) }
        }
        bounds.append(size)
        guard bounds.count > 2 else { return nil }
        return (0..<(bounds.count - 1)).map { k in
            TablePartition(path: path, fileName: fileName, offset: bounds[k], end: bounds[k + 1],
                           skipBytes: k == 0 ? bom : 0, skipRows: k == 0 ? headerOrdinal + 1 : 0,
                           columnMap: columnMap, valueMaps: valueMaps, headerCount: header.count)
        }
    }

    private struct Header {
        var ordinal: Int
        var line: Int
        var cells: [String]
    }

    /// The header is the first non-blank row that has every required column; when none of the
    /// first rows has them all, the error names the columns missing from the closest row.
    private static func findHeader(in source: RowSource, table: ExportTable, layout: TableLayout,
                                   fileName: String) throws -> Header {
        let has = { (cells: [String], column: String) in fieldIndex(of: column, in: cells, layout: layout) != nil }
        var candidates: [Header] = []
        var found: Header?
        var ordinal = 0
        try source.forEachRow { row in
            defer { ordinal += 1 }
            if row.isBlank { return true }
            let cells = (0..<row.count).map { String(decoding: row.field($0), as: UTF8.self) }
            let header = Header(ordinal: ordinal, line: row.line, cells: cells)
            if table.requiredColumns.allSatisfy({ has(cells, $0) }) {
                found = header
                return false
            }
            candidates.append(header)
            return candidates.count < headerSearchRows
        }
        guard let header = found else {
            let matches = { (h: Header) in table.requiredColumns.filter { has(h.cells, $0) }.count }
            guard let closest = candidates.max(by: { matches($0) < matches($1) }) else {
                throw FatalError(file: fileName, reason: "empty file: no header row")
            }
            let missing = table.requiredColumns.filter { !has(closest.cells, $0) }.map { column in
                let headers = layout.headers(for: column)
                return headers == [column] ? column : "\(column) (\(headers.joined(separator: " / ")))"
            }
            throw FatalError(
                file: fileName, line: closest.line,
                reason: "missing required column" + (missing.count > 1 ? "s " : " ") + missing.joined(separator: ", "))
        }
        for column in table.columns {
            guard let i = fieldIndex(of: column, in: header.cells, layout: layout) else { continue }
            if header.cells.filter({ $0 == header.cells[i] }).count > 1 {
                throw FatalError(file: fileName, line: header.line, reason: "duplicate column \(header.cells[i]) in the header")
            }
        }
        return header
    }

    static func name(of encoding: CSVEncoding) -> String {
        switch encoding {
        case .utf8(let skip): return skip > 0 ? "UTF-8 with BOM" : "UTF-8"
        case .gb18030: return "GB18030"
        }
    }
}
