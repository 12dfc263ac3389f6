/// One part of a large CSV table, readable on its own thread: the records of a
/// byte range that starts and ends at line boundaries. Record line numbers are
/// relative to the part's first line (add `lineOffset` of the reading order:
/// the lines of all earlier parts) — the caller fixes them up after reading,
/// since counting lines first would read the file twice.
public struct TablePartition: Sendable {
    let path: String
    let fileName: String
    let offset: Int
    let end: Int
    /// Bytes to skip at the start (a BOM) and rows to skip (header and rows above it; first part only).
    let skipBytes: Int
    let skipRows: Int
    let columnMap: [Int]
    let valueMaps: [ValueMap?]?
    let headerCount: Int

    /// Streams the part's non-blank records; returns (records, physical lines consumed).
    public func read(_ body: (Record) throws -> Void) throws -> (records: Int, lines: Int) {
        let input = try FileRangeInput(path: path, fileName: fileName, offset: offset, end: end)
        let parser = CSVParser(source: input, fileName: fileName, skip: skipBytes)
        var ordinal = 0
        var delivered = 0
        try ValueMap.withBuffer(valueMaps) { maps in
            try columnMap.withUnsafeBufferPointer { map in
                while try parser.next() {
                    ordinal += 1
                    let row = parser.row
                    if ordinal <= skipRows || row.isBlank { continue }
                    try body(Record(line: row.line, fieldCount: row.count, headerCount: headerCount,
                                    fields: row.fields, numeric: nil, columnMap: map, valueMaps: maps))
                    delivered += 1
                }
            }
        }
        return (delivered, parser.currentLine - 1)
    }
}
