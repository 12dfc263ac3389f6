import Foundation
import PeixunCore

/// What the roster writer calls on a workbook: a real `Workbook`, or a
/// `WorkbookDigest` that turns the same calls into a content key. Writing
/// through this protocol only means that every call that shapes the file's
/// bytes is seen by the digest too, so nothing can be left out of the key.
protocol WorkbookSink: AnyObject {
    func addSheet(named name: String) throws(XlsxError) -> any SheetSink
    func style(_ format: Format) throws(XlsxError) -> CellStyle
    func setProperties(_ properties: DocumentProperties) throws(XlsxError)
}

/// The calls on one worksheet (see `Worksheet` for what each does).
protocol SheetSink: AnyObject {
    func write(_ text: String, row: Int, column: Int, style: CellStyle?) throws(XlsxError)
    func write(_ number: Double, row: Int, column: Int, style: CellStyle?) throws(XlsxError)
    func write(_ number: Int, row: Int, column: Int, style: CellStyle?) throws(XlsxError)
    func write(_ date: CivilDate, row: Int, column: Int, style: CellStyle?) throws(XlsxError)
    func writeBlank(row: Int, column: Int, style: CellStyle?) throws(XlsxError)
    func merge(rows: ClosedRange<Int>, columns: ClosedRange<Int>, text: String, style: CellStyle?) throws(XlsxError)
    func setColumn(_ column: Int, width: Double, style: CellStyle?) throws(XlsxError)
    func setRow(_ row: Int, height: Double, style: CellStyle?) throws(XlsxError)
    func freezePanes(row: Int, column: Int) throws(XlsxError)
    func autofilter(rows: ClosedRange<Int>, columns: ClosedRange<Int>) throws(XlsxError)
    func conditionalFormat(rows: ClosedRange<Int>, columns: ClosedRange<Int>, formula: String,
                           style: CellStyle) throws(XlsxError)
    func setLandscape() throws(XlsxError)
    func setPaper(_ paper: Worksheet.Paper) throws(XlsxError)
    func fitToPages(wide: Int, tall: Int) throws(XlsxError)
    func repeatRows(_ rows: ClosedRange<Int>) throws(XlsxError)
    func setFooter(_ text: String) throws(XlsxError)
    func setMargins(left: Double, right: Double, top: Double, bottom: Double) throws(XlsxError)
    func centerHorizontally() throws(XlsxError)
}

extension Workbook: WorkbookSink {
    func addSheet(named name: String) throws(XlsxError) -> any SheetSink { try addWorksheet(named: name) }
}

extension Worksheet: SheetSink {}
