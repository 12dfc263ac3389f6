/// One row as a row source delivers it: untrimmed UTF-8 cells, valid only during the callback.
struct RawRow {
    /// CSV: the physical line where the record starts; xlsx: the sheet's row number.
    var line: Int
    var fields: UnsafePointer<UnsafeBufferPointer<UInt8>>
    var count: Int
    /// xlsx only: whether each cell is numeric.
    var numeric: UnsafePointer<Bool>?

    /// The trimmed cell `index`, empty past the end of the row.
    @inline(__always)
    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        guard index >= 0, index < count else { return UnsafeBufferPointer(start: nil, count: 0) }
        return CellTrimming.trim(fields[index])
    }

    /// True when every cell is empty after trimming.
    var isBlank: Bool {
        for index in 0..<count where field(index).count > 0 { return false }
        return true
    }
}

/// Something that yields the rows of one table file in order.
protocol RowSource {
    /// Calls `body` for every row (blank ones included) until it returns false.
    func forEachRow(_ body: (RawRow) throws -> Bool) throws
}
