/// One non-blank row of a table, seen through the table's columns (`ExportTable.columns`).
/// The record and the buffers it points into are valid only during the `TableReader.read` callback.
public struct Record {
    /// CSV: 1-based physical line where the record starts (header = line 1); xlsx: sheet row number.
    public var line: Int
    /// Fields in this row.
    public var fieldCount: Int
    /// Fields in the header row.
    public var headerCount: Int

    let fields: UnsafePointer<UnsafeBufferPointer<UInt8>>
    let numeric: UnsafePointer<Bool>?
    /// For each table column, the field index in the file, or -1.
    let columnMap: UnsafeBufferPointer<Int>
    /// For each table column, the platform's spellings (CONTRACT §7 `values`); nil when no column has any.
    let valueMaps: UnsafeBufferPointer<ValueMap?>?

    init(line: Int, fieldCount: Int, headerCount: Int, fields: UnsafePointer<UnsafeBufferPointer<UInt8>>,
         numeric: UnsafePointer<Bool>?, columnMap: UnsafeBufferPointer<Int>, valueMaps: UnsafeBufferPointer<ValueMap?>? = nil) {
        self.line = line; self.fieldCount = fieldCount; self.headerCount = headerCount
        self.fields = fields; self.numeric = numeric; self.columnMap = columnMap; self.valueMaps = valueMaps
    }

    @inline(__always)
    private func fieldIndex(_ column: Int) -> Int? {
        guard column >= 0, column < columnMap.count else { return nil }
        let index = columnMap[column]
        guard index >= 0, index < fieldCount else { return nil }
        return index
    }

    /// The trimmed UTF-8 cell of `table.columns[column]`, through the profile's spellings when the
    /// column has any; empty if the column is absent or the row is short.
    @inline(__always)
    public func bytes(_ column: Int) -> UnsafeBufferPointer<UInt8> {
        let cell = raw(column)
        if let valueMaps, column >= 0, column < valueMaps.count, let map = valueMaps[column] { return map.map(cell) }
        return cell
    }

    /// The trimmed cell as the file has it (no spelling mapped).
    @inline(__always)
    public func raw(_ column: Int) -> UnsafeBufferPointer<UInt8> {
        guard let index = fieldIndex(column) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return CellTrimming.trim(fields[index])
    }

    /// The trimmed cell as the file has it, as a String (messages).
    public func rawString(_ column: Int) -> String {
        String(decoding: raw(column), as: UTF8.self)
    }

    /// The trimmed cell as a String.
    public func string(_ column: Int) -> String {
        String(decoding: bytes(column), as: UTF8.self)
    }

    /// True when the trimmed cell is empty (or absent).
    @inline(__always)
    public func isEmpty(_ column: Int) -> Bool {
        bytes(column).isEmpty
    }

    /// The column exists in the file and this row reaches it.
    public func isPresent(_ column: Int) -> Bool {
        fieldIndex(column) != nil
    }

    /// An xlsx numeric cell (its text is then its shortest decimal form, e.g. "44470.5", "1.5").
    @inline(__always)
    public func isNumeric(_ column: Int) -> Bool {
        guard let numeric, let index = fieldIndex(column) else { return false }
        return numeric[index]
    }
}
