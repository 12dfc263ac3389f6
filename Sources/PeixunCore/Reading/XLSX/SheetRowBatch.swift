/// Finished rows of a sheet, held until they are delivered: the cell texts of all rows in one
/// byte arena, each cell a range of it. A batch holds the rows of one chunk or segment of the
/// sheet, so memory stays bounded by the chunk size.
struct SheetRowBatch {
    private struct Cell {
        var column: Int
        var from: Int
        var to: Int
        var numeric: Bool
    }

    private struct Row {
        var line: Int
        var width: Int
        var cellsEnd: Int
    }

    private var bytes: [UInt8] = []
    private var cells: [Cell] = []
    private var rows: [Row] = []
    private var fields: [UnsafeBufferPointer<UInt8>] = []
    private var flags: [Bool] = []

    var count: Int { rows.count }
    var isEmpty: Bool { rows.isEmpty }

    /// Appends a row: its cells are ranges of `rowBytes`.
    mutating func append(line: Int, rowBytes: [UInt8], cells rowCells: [(column: Int, from: Int, to: Int, numeric: Bool)]) {
        let base = bytes.count
        bytes.append(contentsOf: rowBytes)
        var width = 0
        for cell in rowCells {
            if cell.column + 1 > width { width = cell.column + 1 }
            cells.append(Cell(column: cell.column, from: base + cell.from, to: base + cell.to, numeric: cell.numeric))
        }
        rows.append(Row(line: line, width: width, cellsEnd: cells.count))
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        cells.removeAll(keepingCapacity: true)
        rows.removeAll(keepingCapacity: true)
    }

    /// Gives every row to `body` in order, then empties the batch; false when `body` asked to stop.
    mutating func deliver(to body: (RawRow) throws -> Bool) rethrows -> Bool {
        defer { removeAll() }
        var fields: [UnsafeBufferPointer<UInt8>] = []
        var flags: [Bool] = []
        swap(&fields, &self.fields)
        swap(&flags, &self.flags)
        defer {
            swap(&fields, &self.fields)
            swap(&flags, &self.flags)
        }
        var cellStart = 0
        return try bytes.withUnsafeBufferPointer { all -> Bool in
            for row in rows {
                let slots = max(row.width, 1)
                fields.removeAll(keepingCapacity: true)
                flags.removeAll(keepingCapacity: true)
                fields.append(contentsOf: repeatElement(UnsafeBufferPointer(start: nil, count: 0), count: slots))
                flags.append(contentsOf: repeatElement(false, count: slots))
                for cell in cells[cellStart..<row.cellsEnd] {
                    fields[cell.column] = UnsafeBufferPointer(rebasing: all[cell.from..<cell.to])
                    flags[cell.column] = cell.numeric
                }
                cellStart = row.cellsEnd
                let proceed = try fields.withUnsafeBufferPointer { fieldPointers in
                    try flags.withUnsafeBufferPointer { flagPointers in
                        // Both arrays hold at least one element, so their base addresses exist.
                        guard let fieldBase = fieldPointers.baseAddress else { return true }
                        return try body(RawRow(line: row.line, fields: fieldBase, count: row.width,
                                               numeric: flagPointers.baseAddress))
                    }
                }
                if !proceed { return false }
            }
            return true
        }
    }
}
