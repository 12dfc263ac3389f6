import Foundation
internal import CXlsxWriter
import PeixunCore

/// One sheet of a `Workbook` (libxlsxwriter's `lxw_worksheet`, owned by the
/// workbook). Rows and columns are 0-based. Every call throws `XlsxError`
/// when libxlsxwriter refuses it, or when the workbook is already closed.
public final class Worksheet {
    private let pointer: UnsafeMutablePointer<lxw_worksheet>
    /// Keeps the owning workbook (and so `pointer`) alive.
    public let workbook: Workbook
    public let name: String

    init(pointer: UnsafeMutablePointer<lxw_worksheet>, workbook: Workbook, name: String) {
        self.pointer = pointer; self.workbook = workbook; self.name = name
    }

    // MARK: Checks

    @inline(__always)
    private func sheet(_ operation: @autoclosure () -> String) throws(XlsxError) -> UnsafeMutablePointer<lxw_worksheet> {
        guard workbook.isOpen else {
            throw XlsxError(code: .featureNotSupported, operation: operation(), message: "the workbook is already closed")
        }
        return pointer
    }

    @inline(__always)
    private func cell(_ row: Int, _ column: Int, _ operation: @autoclosure () -> String) throws(XlsxError)
        -> (lxw_row_t, lxw_col_t) {
        guard row >= 0, row < Workbook.maximumRows, column >= 0, column < Workbook.maximumColumns else {
            throw makeError(LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE, "\(operation()) at row \(row), column \(column)")
        }
        return (lxw_row_t(truncatingIfNeeded: row), lxw_col_t(truncatingIfNeeded: column))
    }

    @inline(__always)
    private func format(_ style: CellStyle?) throws(XlsxError) -> UnsafeMutablePointer<lxw_format>? {
        guard let style else { return nil }
        guard style.owner == ObjectIdentifier(workbook) else {
            throw XlsxError(code: .parameterValidation, operation: "style", message: "a CellStyle of another workbook")
        }
        return style.pointer
    }

    // MARK: Cells

    /// Writes text; always stored as a string, never converted to a number.
    public func write(_ text: String, row: Int, column: Int, style: CellStyle? = nil) throws(XlsxError) {
        let ws = try sheet("write(text:)")
        let (r, c) = try cell(row, column, "write(text:)")
        let f = try format(style)
        let status = text.withCString { worksheet_write_string(ws, r, c, $0, f) }
        try check(status, "write(text:) at row \(row), column \(column)")
    }

    public func write(_ number: Double, row: Int, column: Int, style: CellStyle? = nil) throws(XlsxError) {
        let ws = try sheet("write(number:)")
        let (r, c) = try cell(row, column, "write(number:)")
        try check(worksheet_write_number(ws, r, c, number, try format(style)), "write(number:) at row \(row), column \(column)")
    }

    public func write(_ number: Int, row: Int, column: Int, style: CellStyle? = nil) throws(XlsxError) {
        try write(Double(number), row: row, column: column, style: style)
    }

    /// Writes a real Excel date (a serial number); give the style a date
    /// number format such as `yyyy-mm-dd`.
    public func write(_ date: CivilDate, row: Int, column: Int, style: CellStyle? = nil) throws(XlsxError) {
        try writeDateTime(year: date.year, month: date.month, day: date.day, hour: 0, minute: 0, second: 0,
                          row: row, column: column, style: style)
    }

    /// Writes a real Excel date-time.
    public func write(_ time: Timestamp, row: Int, column: Int, style: CellStyle? = nil) throws(XlsxError) {
        let date = time.date
        let secs = Int(time.seconds - Timestamp(date: date).seconds)
        try writeDateTime(year: date.year, month: date.month, day: date.day, hour: secs / 3600,
                          minute: secs / 60 % 60, second: secs % 60, row: row, column: column, style: style)
    }

    private func writeDateTime(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int,
                               row: Int, column: Int, style: CellStyle?) throws(XlsxError) {
        let ws = try sheet("write(date:)")
        let (r, c) = try cell(row, column, "write(date:)")
        guard (1900...9999).contains(year) else {
            throw makeError(LXW_ERROR_PARAMETER_VALIDATION, "write(date:) year \(year) outside 1900…9999")
        }
        var dt = lxw_datetime(year: Int32(year), month: Int32(month), day: Int32(day), hour: Int32(hour),
                              min: Int32(minute), sec: Double(second))
        try check(worksheet_write_datetime(ws, r, c, &dt, try format(style)), "write(date:) at row \(row), column \(column)")
    }

    /// An empty cell that still carries a format (borders, fill).
    public func writeBlank(row: Int, column: Int, style: CellStyle?) throws(XlsxError) {
        let ws = try sheet("writeBlank")
        let (r, c) = try cell(row, column, "writeBlank")
        try check(worksheet_write_blank(ws, r, c, try format(style)), "writeBlank at row \(row), column \(column)")
    }

    /// Merges a rectangle and writes `text` into it.
    public func merge(rows: ClosedRange<Int>, columns: ClosedRange<Int>, text: String,
                      style: CellStyle? = nil) throws(XlsxError) {
        let ws = try sheet("merge")
        let (r0, c0) = try cell(rows.lowerBound, columns.lowerBound, "merge")
        let (r1, c1) = try cell(rows.upperBound, columns.upperBound, "merge")
        let f = try format(style)
        let status = text.withCString { worksheet_merge_range(ws, r0, c0, r1, c1, $0, f) }
        try check(status, "merge rows \(rows) columns \(columns)")
    }

    // MARK: Layout

    /// Column width in Excel's character units (the width of '0' in the default font).
    public func setColumn(_ column: Int, width: Double, style: CellStyle? = nil) throws(XlsxError) {
        try setColumns(column...column, width: width, style: style)
    }

    public func setColumns(_ columns: ClosedRange<Int>, width: Double, style: CellStyle? = nil) throws(XlsxError) {
        let ws = try sheet("setColumns")
        let (_, c0) = try cell(0, columns.lowerBound, "setColumns")
        let (_, c1) = try cell(0, columns.upperBound, "setColumns")
        try check(worksheet_set_column(ws, c0, c1, width, try format(style)), "setColumns \(columns)")
    }

    /// Row height in points. In constant-memory mode call it before writing the row.
    public func setRow(_ row: Int, height: Double, style: CellStyle? = nil) throws(XlsxError) {
        let ws = try sheet("setRow")
        let (r, _) = try cell(row, 0, "setRow")
        try check(worksheet_set_row(ws, r, height, try format(style)), "setRow \(row)")
    }

    /// Freezes the rows above `row` and the columns left of `column`.
    public func freezePanes(row: Int, column: Int) throws(XlsxError) {
        let ws = try sheet("freezePanes")
        let (r, c) = try cell(row, column, "freezePanes")
        worksheet_freeze_panes(ws, r, c)
    }

    public func autofilter(rows: ClosedRange<Int>, columns: ClosedRange<Int>) throws(XlsxError) {
        let ws = try sheet("autofilter")
        let (r0, c0) = try cell(rows.lowerBound, columns.lowerBound, "autofilter")
        let (r1, c1) = try cell(rows.upperBound, columns.upperBound, "autofilter")
        try check(worksheet_autofilter(ws, r0, c0, r1, c1), "autofilter rows \(rows) columns \(columns)")
    }

    /// Applies `style` to every cell of the range for which `formula` (written
    /// for the range's top-left cell, e.g. `=$X3="不合格"`) is true.
    public func conditionalFormat(rows: ClosedRange<Int>, columns: ClosedRange<Int>, formula: String,
                                  style: CellStyle) throws(XlsxError) {
        let ws = try sheet("conditionalFormat")
        let (r0, c0) = try cell(rows.lowerBound, columns.lowerBound, "conditionalFormat")
        let (r1, c1) = try cell(rows.upperBound, columns.upperBound, "conditionalFormat")
        let f = try format(style)
        let status = formula.withCString { cFormula -> lxw_error in
            var cf = lxw_conditional_format()
            cf.type = UInt8(LXW_CONDITIONAL_TYPE_FORMULA.rawValue)
            cf.value_string = UnsafeMutablePointer(mutating: cFormula)
            cf.format = f
            return worksheet_conditional_format_range(ws, r0, c0, r1, c1, &cf)
        }
        try check(status, "conditionalFormat \(formula)")
    }

    // MARK: Printing

    public enum Paper: UInt8, Sendable { case a4 = 9, a3 = 8, letter = 1 }

    public func setLandscape() throws(XlsxError) { worksheet_set_landscape(try sheet("setLandscape")) }
    public func setPaper(_ paper: Paper) throws(XlsxError) { worksheet_set_paper(try sheet("setPaper"), paper.rawValue) }

    /// Fit the print-out to `wide` pages across and `tall` pages down (0 = as many as needed).
    public func fitToPages(wide: Int, tall: Int) throws(XlsxError) {
        worksheet_fit_to_pages(try sheet("fitToPages"), UInt16(clamping: wide), UInt16(clamping: tall))
    }

    /// Rows printed at the top of every page.
    public func repeatRows(_ rows: ClosedRange<Int>) throws(XlsxError) {
        let ws = try sheet("repeatRows")
        let (r0, _) = try cell(rows.lowerBound, 0, "repeatRows")
        let (r1, _) = try cell(rows.upperBound, 0, "repeatRows")
        try check(worksheet_repeat_rows(ws, r0, r1), "repeatRows \(rows)")
    }

    /// Page header text with Excel's codes (`&C` centre, `&P` page, `&N` pages).
    public func setHeader(_ text: String) throws(XlsxError) {
        let ws = try sheet("setHeader")
        try check(text.withCString { worksheet_set_header(ws, $0) }, "setHeader")
    }

    public func setFooter(_ text: String) throws(XlsxError) {
        let ws = try sheet("setFooter")
        try check(text.withCString { worksheet_set_footer(ws, $0) }, "setFooter")
    }

    /// Margins in inches.
    public func setMargins(left: Double, right: Double, top: Double, bottom: Double) throws(XlsxError) {
        worksheet_set_margins(try sheet("setMargins"), left, right, top, bottom)
    }

    public func centerHorizontally() throws(XlsxError) { worksheet_center_horizontally(try sheet("centerHorizontally")) }

    /// Makes this the sheet shown when the file opens.
    public func activate() throws(XlsxError) { worksheet_activate(try sheet("activate")) }
}
