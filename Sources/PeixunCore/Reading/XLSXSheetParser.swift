/// Builds the rows of a worksheet from its XML tokens: cells placed by their references (missing
/// cells are empty, cells without `r` take the next column), shared and inline strings, numbers
/// in shortest decimal form (marked numeric), booleans as TRUE/FALSE, ISO dates as
/// `YYYY-MM-DD HH:MM:SS`, and row numbers from the rows' `r` (rows without one count on).
/// Refuses rows beyond Excel's grid and cells or rows over the limits.
struct SheetRowBuilder: XMLScanHandler {
    /// Thrown by a builder that starts mid-sheet (`resuming`) when a row's number would depend
    /// on the rows before its part of the sheet: that part must be read in sequence instead.
    struct Dependent: Error {}

    private enum CellType { case number, shared, inline, boolean, date, other }

    let part: String
    let limits: XLSXLimits
    let sharedStrings: SharedStrings

    /// The current (or last) row number, for messages.
    private(set) var rowNumber = 0
    /// False for a builder that starts mid-sheet until it has seen a row with its number.
    private(set) var rowNumberKnown = true
    /// Whether `</sheetData>` was seen: a truncated stream could otherwise pass for a short sheet.
    private(set) var complete = false
    /// The rows finished and not yet taken.
    var rows = SheetRowBatch()

    private var rowBytes: [UInt8] = []
    private var cells: [(column: Int, from: Int, to: Int, numeric: Bool)] = []
    private var scratch: [UInt8] = []

    private var inCell = false
    private var cellColumn = 0
    private var cellType = CellType.number
    private var valueStart = 0
    private var inValue = false
    private var inInlineString = false
    private var inInlineText = false
    private var phoneticDepth = 0

    /// `resuming`: the builder starts between two rows in the middle of the sheet, the row
    /// number before it unknown.
    init(part: String, limits: XLSXLimits, sharedStrings: SharedStrings, resuming: Bool = false) {
        self.part = part
        self.limits = limits
        self.sharedStrings = sharedStrings
        rowNumberKnown = !resuming
    }

    /// Whether the builder is between rows with nothing pending: the state a `resuming` one starts in.
    var isBetweenRows: Bool {
        !inCell && !inValue && !inInlineString && !inInlineText && phoneticDepth == 0 && !complete
            && cells.isEmpty && rowBytes.isEmpty
    }

    /// A `resuming` builder that never met a row takes the row number of the one before it.
    mutating func continueNumbering(from previous: SheetRowBuilder) {
        if !rowNumberKnown {
            rowNumber = previous.rowNumber
            rowNumberKnown = previous.rowNumberKnown
        }
    }

    var wantsText: Bool { inValue || inInlineText }

    mutating func startElement(_ tag: XMLTag) throws {
        let name = tag.localName
        switch name.count {
        case 1 where name[0] == UInt8(ascii: "c"):
            try startCell(tag)
        case 1 where name[0] == UInt8(ascii: "v"):
            inValue = inCell
        case 1 where name[0] == UInt8(ascii: "t"):
            inInlineText = inInlineString && phoneticDepth == 0
        case 2 where name.equals("is"):
            inInlineString = inCell
        case 3 where name.equals("row"):
            try startRow(tag)
        case 3 where name.equals("rPh"):
            phoneticDepth += 1
        default:
            break
        }
    }

    mutating func endElement(_ name: UnsafeBufferPointer<UInt8>) throws {
        switch name.count {
        case 1 where name[0] == UInt8(ascii: "c"):
            if inCell { try finishCell() }
        case 1 where name[0] == UInt8(ascii: "v"):
            inValue = false
        case 1 where name[0] == UInt8(ascii: "t"):
            inInlineText = false
        case 2 where name.equals("is"):
            inInlineString = false
        case 3 where name.equals("row"):
            try deliverRow()
        case 3 where name.equals("rPh"):
            phoneticDepth -= 1
        case 9 where name.equals("sheetData"):
            complete = true
        default:
            break
        }
    }

    mutating func text(_ raw: UnsafeBufferPointer<UInt8>) throws {
        try XMLText.appendDecoded(raw, to: &rowBytes, part: part)
        try checkCellSize()
    }

    mutating func literalText(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        rowBytes.append(contentsOf: bytes)
        try checkCellSize()
    }

    private func checkCellSize() throws {
        if rowBytes.count - valueStart > limits.maxCellBytes {
            throw XLSXProblem.refused("a cell of \(part) holds more than \(limits.maxCellBytes) bytes of text")
        }
        if rowBytes.count > limits.maxRowBytes {
            throw XLSXProblem.refused("a row of \(part) holds more than \(limits.maxRowBytes) bytes of text")
        }
    }

    private mutating func startRow(_ tag: XMLTag) throws {
        if let reference = tag.attribute(UInt8(ascii: "r")), let number = Self.decimal(reference) {
            rowNumber = number
            rowNumberKnown = true
        } else {
            guard rowNumberKnown else { throw Dependent() }
            rowNumber += 1
        }
        guard rowNumber >= 1, rowNumber <= limits.maxRows else {
            throw XLSXProblem.refused("\(part) has a row numbered beyond \(limits.maxRows), Excel's last row")
        }
        rowBytes.removeAll(keepingCapacity: true)
        cells.removeAll(keepingCapacity: true)
    }

    private mutating func startCell(_ tag: XMLTag) throws {
        var reference: UnsafeBufferPointer<UInt8>?
        var type: UnsafeBufferPointer<UInt8>?
        tag.forEachAttribute { key, value in
            if key.count == 1 {
                if key[0] == UInt8(ascii: "r") { reference = value } else if key[0] == UInt8(ascii: "t") { type = value }
            }
            return reference == nil || type == nil
        }
        let column = reference.flatMap(Self.column) ?? (cells.last?.column ?? -1) + 1
        guard column < limits.maxColumns else {
            let shown = reference.map { String(decoding: $0, as: UTF8.self) } ?? "after XFD"
            throw XLSXProblem.refused("\(part) has a cell \(shown) beyond column XFD, Excel's last")
        }
        guard cells.count < limits.maxColumns else {
            throw XLSXProblem.refused("a row of \(part) has more than \(limits.maxColumns) cells")
        }
        cellColumn = column
        cellType = .number
        if let type, type.count > 0 {
            if type.count == 1, type[0] == UInt8(ascii: "s") {
                cellType = .shared
            } else if type.equals("inlineStr") {
                cellType = .inline
            } else if type.count == 1, type[0] == UInt8(ascii: "b") {
                cellType = .boolean
            } else if type.count == 1, type[0] == UInt8(ascii: "d") {
                cellType = .date
            } else if !type.equals("n") {
                cellType = .other  // "str" (formula text), "e" (error such as #N/A)
            }
        }
        inCell = true
        valueStart = rowBytes.count
    }

    private mutating func finishCell() throws {
        inCell = false
        inValue = false
        inInlineString = false
        inInlineText = false
        var numeric = false
        let start = valueStart
        switch cellType {
        case .shared:
            let text = trimmedValue()
            if !text.isEmpty {
                guard let index = rowBytes.withUnsafeBufferPointer({ Self.decimal($0[text]) }) else {
                    throw XLSXProblem.malformed("\(part) refers to a shared string by a non-number")
                }
                rowBytes.removeSubrange(start...)
                guard sharedStrings.copy(index, into: &rowBytes) else {
                    throw XLSXProblem.malformed("shared string \(index) does not exist")
                }
            } else {
                rowBytes.removeSubrange(start...)
            }
        case .inline:
            ExcelNumber.unescapeOOXML(in: &rowBytes, from: start)
        case .boolean:
            let text = trimmedValue()
            let isFalse = text.count == 1 && rowBytes[text.lowerBound] == UInt8(ascii: "0")
            let value: StaticString? = text.isEmpty ? nil : (isFalse ? "FALSE" : "TRUE")
            rowBytes.removeSubrange(start...)
            if let value { rowBytes.append(contentsOf: UnsafeBufferPointer(start: value.utf8Start, count: value.utf8CodeUnitCount)) }
        case .date:
            // An ISO 8601 date cell: shown the way the export's time columns are written.
            var text = String(decoding: rowBytes[trimmedValue()], as: UTF8.self)
            if text.hasSuffix("Z") { text.removeLast() }
            if let dot = text.lastIndex(of: "."), text.contains("T") { text = String(text[..<dot]) }
            rowBytes.removeSubrange(start...)
            rowBytes.append(contentsOf: text.replacingOccurrences(of: "T", with: " ").utf8)
        case .number:
            let text = trimmedValue()
            if !text.isEmpty {
                var decimal: [UInt8] = []
                swap(&decimal, &scratch)
                decimal.removeAll(keepingCapacity: true)
                let converted = rowBytes.withUnsafeBufferPointer {
                    ExcelNumber.appendShortestDecimal(UnsafeBufferPointer(rebasing: $0[text]), to: &decimal)
                }
                if converted {
                    rowBytes.removeSubrange(start...)
                    rowBytes.append(contentsOf: decimal)
                    numeric = true
                }
                swap(&decimal, &scratch)
            }
        case .other:
            break
        }
        cells.append((cellColumn, start, rowBytes.count, numeric))
        try checkCellSize()
    }

    /// The current cell's text without surrounding spaces, as a range of `rowBytes`.
    private func trimmedValue() -> Range<Int> {
        var from = valueStart
        var to = rowBytes.count
        while from < to, XMLTag.isSpace(rowBytes[from]) { from += 1 }
        while to > from, XMLTag.isSpace(rowBytes[to - 1]) { to -= 1 }
        return from..<to
    }

    /// Moves the finished row to `rows`; the builder is then between rows again.
    private mutating func deliverRow() throws {
        guard rowNumberKnown else { throw Dependent() }
        rows.append(line: rowNumber, rowBytes: rowBytes, cells: cells)
        rowBytes.removeAll(keepingCapacity: true)
        cells.removeAll(keepingCapacity: true)
    }

    /// A decimal number (row numbers, string indexes): Int.max past 18 digits, nil if not digits.
    static func decimal<C: Collection>(_ bytes: C) -> Int? where C.Element == UInt8 {
        var value = 0
        var digits = 0
        for byte in bytes {
            guard byte &- UInt8(ascii: "0") < 10 else { return nil }
            if digits == 18 { return Int.max }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
        }
        return digits == 0 ? nil : value
    }

    /// The 0-based column of a reference such as `AB12`; nil if it has no letters or too many.
    static func column(_ reference: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        var letters = 0
        for byte in reference {
            let upper = byte & ~0x20
            guard upper >= 0x41, upper <= 0x5A else { break }
            guard letters < 4 else { return Int.max }
            index = index * 26 + Int(upper - 0x41) + 1
            letters += 1
        }
        return letters == 0 ? nil : index - 1
    }
}
