import PeixunCore

/// A `WorkbookSink` that makes every call on a real `Workbook` and on a
/// `WorkbookDigest` at once: the roster's cells are built once, and the
/// digest ends with the same content key a digest-only pass over the same
/// calls gives (each style handed out carries the digest's number and the
/// workbook's format).
final class WorkbookTee: WorkbookSink {
    private let workbook: Workbook
    private let digest: WorkbookDigest

    init(_ workbook: Workbook, _ digest: WorkbookDigest) {
        self.workbook = workbook
        self.digest = digest
    }

    func addSheet(named name: String) throws(XlsxError) -> any SheetSink {
        let sheet = try workbook.addSheet(named: name)
        return SheetTee(sheet, try digest.addSheet(named: name))
    }

    func style(_ format: Format) throws(XlsxError) -> CellStyle {
        let written = try workbook.style(format)
        // The digest numbers every call (a repeated format too); the workbook shares equal ones.
        return CellStyle(pointer: written.pointer, owner: written.owner, number: try digest.style(format).number)
    }

    func setProperties(_ properties: DocumentProperties) throws(XlsxError) {
        try workbook.setProperties(properties)
        try digest.setProperties(properties)
    }
}

/// One sheet's calls, on the workbook's sheet and into the digest.
final class SheetTee: SheetSink {
    private let sheet: any SheetSink
    private let digest: any SheetSink
    init(_ sheet: any SheetSink, _ digest: any SheetSink) { self.sheet = sheet; self.digest = digest }

    /// Makes `call` on the sheet, then on the digest.
    @inline(__always)
    private func both(_ call: (any SheetSink) throws(XlsxError) -> Void) throws(XlsxError) {
        try call(sheet)
        try call(digest)
    }

    func write(_ text: String, row: Int, column: Int, style: CellStyle?) throws(XlsxError) {
        try both { sink throws(XlsxError) in try sink.write(text, row: row, column: column, style: style) }
    }
    func write(_ number: Double, row: Int, column: Int, style: CellStyle?) throws(XlsxError) {
        try both { sink throws(XlsxError) in try sink.write(number, row: row, column: column, style: style) }
    }
    func write(_ number: Int, row: Int, column: Int, style: CellStyle?) throws(XlsxError) {
        try both { sink throws(XlsxError) in try sink.write(number, row: row, column: column, style: style) }
    }
    func write(_ date: CivilDate, row: Int, column: Int, style: CellStyle?) throws(XlsxError) {
        try both { sink throws(XlsxError) in try sink.write(date, row: row, column: column, style: style) }
    }
    func writeBlank(row: Int, column: Int, style: CellStyle?) throws(XlsxError) {
        try both { sink throws(XlsxError) in try sink.writeBlank(row: row, column: column, style: style) }
    }
    func merge(rows: ClosedRange<Int>, columns: ClosedRange<Int>, text: String, style: CellStyle?) throws(XlsxError) {
        try both { sink throws(XlsxError) in try sink.merge(rows: rows, columns: columns, text: text, style: style) }
    }
    func setColumn(_ column: Int, width: Double, style: CellStyle?) throws(XlsxError) {
        try both { sink throws(XlsxError) in try sink.setColumn(column, width: width, style: style) }
    }
    func setRow(_ row: Int, height: Double, style: CellStyle?) throws(XlsxError) {
        try both { sink throws(XlsxError) in try sink.setRow(row, height: height, style: style) }
    }
    func freezePanes(row: Int, column: Int) throws(XlsxError) {
        try both { sink throws(XlsxError) in try sink.freezePanes(row: row, column: column) }
    }
    func autofilter(rows: ClosedRange<Int>, columns: ClosedRange<Int>) throws(XlsxError) {
        try both { sink throws(XlsxError) in try sink.autofilter(rows: rows, columns: columns) }
    }
    func conditionalFormat(rows: ClosedRange<Int>, columns: ClosedRange<Int>, formula: String,
                           style: CellStyle) throws(XlsxError) {
        try both { sink throws(XlsxError) in try sink.conditionalFormat(rows: rows, columns: columns, formula: formula, style: style) }
    }
    func setLandscape() throws(XlsxError) { try both { sink throws(XlsxError) in try sink.setLandscape() } }
    func setPaper(_ paper: Worksheet.Paper) throws(XlsxError) { try both { sink throws(XlsxError) in try sink.setPaper(paper) } }
    func fitToPages(wide: Int, tall: Int) throws(XlsxError) {
        try both { sink throws(XlsxError) in try sink.fitToPages(wide: wide, tall: tall) }
    }
    func repeatRows(_ rows: ClosedRange<Int>) throws(XlsxError) { try both { sink throws(XlsxError) in try sink.repeatRows(rows) } }
    func setFooter(_ text: String) throws(XlsxError) { try both { sink throws(XlsxError) in try sink.setFooter(text) } }
    func setMargins(left: Double, right: Double, top: Double, bottom: Double) throws(XlsxError) {
        try both { sink throws(XlsxError) in try sink.setMargins(left: left, right: right, top: top, bottom: bottom) }
    }
    func centerHorizontally() throws(XlsxError) { try both { sink throws(XlsxError) in try sink.centerHorizontally() } }
}
