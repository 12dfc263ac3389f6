/// The formats of a roster workbook, registered once per workbook.
struct RosterStyles {
    let title: CellStyle
    let header: CellStyle
    let text: CellStyle
    let code: CellStyle
    let decimal: CellStyle
    let integer: CellStyle
    let percent: CellStyle
    let date: CellStyle
    let blank: CellStyle
    /// Light red fill, dark red text: Excel's own "bad" highlight.
    let failed: CellStyle

    init(workbook: any WorkbookSink) throws(XlsxError) {
        title = try workbook.style(Format(bold: true, fontSize: 16, horizontal: .center, vertical: .center, wrapText: true))
        header = try workbook.style(Format(bold: true, fillColor: 0xD9E1F2, horizontal: .center, vertical: .center,
                                           wrapText: true, thinBorder: true))
        text = try workbook.style(Format(thinBorder: true))
        code = try workbook.style(Format(numberFormat: "@", thinBorder: true))
        decimal = try workbook.style(Format(numberFormat: "0.00", thinBorder: true))
        integer = try workbook.style(Format(numberFormat: "0", thinBorder: true))
        percent = try workbook.style(Format(numberFormat: "0.00%", thinBorder: true))
        date = try workbook.style(Format(numberFormat: "yyyy-mm-dd", horizontal: .left, thinBorder: true))
        blank = try workbook.style(Format(thinBorder: true))
        failed = try workbook.style(Format(fontColor: 0x9C0006, fillColor: 0xFFC7CE))
    }
}
