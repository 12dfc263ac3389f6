import Foundation

/// Reads one export table (.csv or .xlsx): checks the header on opening, then streams the
/// records through the table's columns (CONTRACT §3, §6 "Reading").
public struct TableReader {
    /// Rows tried, after blank ones, when looking for the header (a title row may precede it).
    static let headerSearchRows = 10

    public let path: String
    public let table: ExportTable
    /// The header cells as found (trimmed), in file order.
    public let header: [String]
    /// The row where the header was found (CSV line or xlsx row number).
    public let headerLine: Int

    private let source: RowSource
    /// For each of `table.columns`, the field index in the file, or -1.
    private let columnMap: [Int]
    /// The header's position among all rows of the source, blank ones included.
    private let headerOrdinal: Int

    /// Opens and checks the header. Throws FatalError (file, reason) for: unreadable file, undecodable
    /// CSV (neither UTF-8 nor GB18030), bad xlsx, empty file / no header, a missing required column (name it).
    public init(path: String, table: ExportTable) throws {
        self.path = path
        self.table = table
        let fileName = (path as NSString).lastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw FatalError(file: fileName, reason: "unreadable file: not found")
        }
        if (fileName as NSString).pathExtension.lowercased() == "xlsx" {
            source = try XLSXRowSource(path: path, fileName: fileName)
        } else {
            let encoding = try TextEncodingDetector.detect(path: path, fileName: fileName)
            source = CSVRowSource(path: path, fileName: fileName, encoding: encoding)
        }
        let found = try Self.findHeader(in: source, table: table, fileName: fileName)
        header = found.cells
        headerLine = found.line
        headerOrdinal = found.ordinal
        columnMap = table.columns.map { found.cells.firstIndex(of: $0) ?? -1 }
    }

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
        try columnMap.withUnsafeBufferPointer { map in
            try source.forEachRow { row in
                ordinal += 1
                if ordinal <= skip + 1 || row.isBlank { return true }
                try body(Record(line: row.line, fieldCount: row.count, headerCount: headerCount,
                                fields: row.fields, numeric: row.numeric, columnMap: map))
                delivered += 1
                return true
            }
        }
        return delivered
    }

    private struct Header {
        var ordinal: Int
        var line: Int
        var cells: [String]
    }

    /// The header is the first non-blank row that has every required column; when none of the
    /// first rows has them all, the error names the columns missing from the closest row.
    private static func findHeader(in source: RowSource, table: ExportTable, fileName: String) throws -> Header {
        var candidates: [Header] = []
        var found: Header?
        var ordinal = 0
        try source.forEachRow { row in
            defer { ordinal += 1 }
            if row.isBlank { return true }
            let cells = (0..<row.count).map { String(decoding: row.field($0), as: UTF8.self) }
            let header = Header(ordinal: ordinal, line: row.line, cells: cells)
            if table.requiredColumns.allSatisfy(cells.contains) {
                found = header
                return false
            }
            candidates.append(header)
            return candidates.count < headerSearchRows
        }
        guard let header = found else {
            guard let closest = candidates.max(by: { matches($0, table) < matches($1, table) }) else {
                throw FatalError(file: fileName, reason: "empty file: no header row")
            }
            let missing = table.requiredColumns.filter { !closest.cells.contains($0) }
            throw FatalError(
                file: fileName, line: closest.line,
                reason: "missing required column" + (missing.count > 1 ? "s " : " ") + missing.joined(separator: ", "))
        }
        for column in table.columns where header.cells.filter({ $0 == column }).count > 1 {
            throw FatalError(file: fileName, line: header.line, reason: "duplicate column \(column) in the header")
        }
        return header
    }

    private static func matches(_ header: Header, _ table: ExportTable) -> Int {
        table.requiredColumns.filter(header.cells.contains).count
    }
}
