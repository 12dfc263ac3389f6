/// Writes one table — title row, header row, data rows — as one or more
/// worksheets: when a sheet is full (`maxRowsPerSheet`, title and header
/// included) the table continues on `name(2)`, `name(3)` … with the same
/// title, header, widths rules, filter and print set-up.
///
/// Rows are written strictly in order, as constant-memory mode requires;
/// everything that is not a cell (widths, filter, conditional format) is
/// sheet metadata that libxlsxwriter keeps until `close()`, so it is set when
/// a sheet is finished, once its last row is known.
final class TableSheetWriter {
    struct Column {
        var header: String
        /// Widest a column may become (long 单位 names wrap past this).
        var maximumWidth: Int = 40
        init(_ header: String, maximumWidth: Int = 40) { self.header = header; self.maximumWidth = maximumWidth }
    }

    private let workbook: any WorkbookSink
    private let styles: RosterStyles
    let baseName: String
    private let title: String
    private let footer: String
    private let columns: [Column]
    private let maxDataRows: Int
    /// Columns left of this stay visible when scrolling right.
    private let frozenColumns: Int
    /// The column whose value 不合格 highlights the row.
    private let highlightColumn: Int?
    private let failedText: String

    private var sheet: (any SheetSink)?
    private var sheetCount = 0
    private var rowsInSheet = 0
    private var widths: [Int]
    /// Names of the sheets written, in order.
    private(set) var sheetNames: [String] = []

    init(workbook: any WorkbookSink, styles: RosterStyles, name: String, title: String, columns: [Column],
         maxRowsPerSheet: Int, frozenColumns: Int = 0, highlightColumn: Int? = nil,
         failedText: String = "不合格") {
        self.workbook = workbook; self.styles = styles; self.baseName = name; self.title = title
        self.columns = columns
        self.maxDataRows = maxRowsPerSheet - RosterOptions.headerRows
        self.frozenColumns = frozenColumns; self.highlightColumn = highlightColumn; self.failedText = failedText
        // Excel allows 255 characters in a footer: a very long title is shortened there.
        let footerTitle = title.count > 120 ? String(title.prefix(119)) + "…" : title
        self.footer = "&L\(TableSheetWriter.escapeFooter(footerTitle))&R第 &P 页，共 &N 页"
        self.widths = Array(repeating: 0, count: columns.count)
    }

    /// `&` starts a code in Excel headers and footers.
    static func escapeFooter(_ s: String) -> String { s.replacingOccurrences(of: "&", with: "&&") }

    /// Appends one data row (`values.count` must equal the column count).
    func append(_ values: [CellValue]) throws(XlsxError) {
        precondition(values.count == columns.count, "row of \(values.count) cells for \(columns.count) columns")
        if sheet == nil || rowsInSheet == maxDataRows {
            try finishSheet()
            try startSheet()
        }
        guard let sheet else { return }
        let row = RosterOptions.headerRows + rowsInSheet
        for (column, value) in values.enumerated() {
            try write(value, to: sheet, row: row, column: column)
        }
        rowsInSheet += 1
    }

    /// Finishes the last sheet; a table with no rows still gets its sheet
    /// (title and header), so the workbook always shows every sheet.
    func finish() throws(XlsxError) {
        if sheet == nil { try startSheet() }
        try finishSheet()
    }

    @inline(__always)
    private func write(_ value: CellValue, to sheet: any SheetSink, row: Int, column: Int) throws(XlsxError) {
        let width: Int
        switch value {
        case .text(let s):
            try sheet.write(s, row: row, column: column, style: styles.text)
            width = TextWidth.of(s)
        case .code(let s):
            try sheet.write(s, row: row, column: column, style: styles.code)
            width = s.utf8.count
        case .decimal(let d):
            try sheet.write(d, row: row, column: column, style: styles.decimal)
            width = TextWidth.digits(d) + 3
        case .integer(let i):
            try sheet.write(i, row: row, column: column, style: styles.integer)
            width = TextWidth.digits(Double(i))
        case .percent(let d):
            try sheet.write(d, row: row, column: column, style: styles.percent)
            width = TextWidth.digits(d * 100) + 4
        case .date(let date):
            try sheet.write(date, row: row, column: column, style: styles.date)
            width = 10
        case .blank:
            try sheet.writeBlank(row: row, column: column, style: styles.blank)
            width = 0
        }
        if width > widths[column] { widths[column] = width }
    }

    private func startSheet() throws(XlsxError) {
        sheetCount += 1
        let name = sheetCount == 1 ? baseName : "\(baseName)(\(sheetCount))"
        let sheet = try workbook.addSheet(named: name)
        sheetNames.append(name)
        self.sheet = sheet
        rowsInSheet = 0
        widths = Array(repeating: 0, count: columns.count)

        // Row 0: the title, merged over the table's width. Its height must be
        // set now (constant memory flushes row 0 once row 1 starts), before the
        // data widths are known; the header widths are a lower bound of the
        // table's width, so a narrow table gets enough lines for a long title.
        try sheet.setRow(0, height: 9 + 21 * Double(titleLines), style: nil)
        let lastColumn = max(columns.count - 1, 0)
        let titleText = sheetCount == 1 ? title : "\(title)（续\(sheetCount - 1)）"
        if lastColumn > 0 {
            try sheet.merge(rows: 0...0, columns: 0...lastColumn, text: titleText, style: styles.title)
        } else {
            try sheet.write(titleText, row: 0, column: 0, style: styles.title)
        }
        // Row 1: the header, two lines high so long scheme names wrap.
        try sheet.setRow(1, height: 33, style: nil)
        for (i, column) in columns.enumerated() {
            try sheet.write(column.header, row: 1, column: i, style: styles.header)
        }

        try sheet.freezePanes(row: RosterOptions.headerRows, column: frozenColumns)
        try sheet.setLandscape()
        try sheet.setPaper(.a4)
        try sheet.fitToPages(wide: 1, tall: 0)
        try sheet.repeatRows(0...(RosterOptions.headerRows - 1))
        try sheet.setMargins(left: 0.4, right: 0.4, top: 0.5, bottom: 0.6)
        try sheet.centerHorizontally()
        try sheet.setFooter(footer)
    }

    /// Lines the wrapped title needs over the narrowest the table can be.
    private var titleLines: Int {
        let minimumTableWidth = columns.reduce(0) { $0 + Self.headerWidth($1) + 2 }
        // 16 pt bold against the 11 pt the width unit is measured in.
        let titleWidth = (TextWidth.of(title) + 4) * 3 / 2
        return min(max(1, (titleWidth + minimumTableWidth - 1) / max(minimumTableWidth, 1)), 4)
    }

    /// The header may wrap onto two lines: it needs about half its width.
    private static func headerWidth(_ column: Column) -> Int {
        max((TextWidth.of(column.header) + 1) / 2 + 1, 4)
    }

    private func finishSheet() throws(XlsxError) {
        guard let sheet else { return }
        let lastColumn = columns.count - 1
        let lastRow = RosterOptions.headerRows - 1 + rowsInSheet
        for (i, column) in columns.enumerated() {
            let fitted = min(max(widths[i], Self.headerWidth(column)), column.maximumWidth) + 2
            try sheet.setColumn(i, width: Double(fitted), style: nil)
        }
        try sheet.autofilter(rows: (RosterOptions.headerRows - 1)...lastRow, columns: 0...lastColumn)
        if let highlightColumn, rowsInSheet > 0 {
            let firstExcelRow = RosterOptions.headerRows + 1
            let formula = "=$\(TableSheetWriter.columnName(highlightColumn))\(firstExcelRow)=\"\(failedText)\""
            try sheet.conditionalFormat(rows: RosterOptions.headerRows...lastRow, columns: 0...lastColumn,
                                        formula: formula, style: styles.failed)
        }
        self.sheet = nil
    }

    /// `0` → `A`, `26` → `AA`.
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }
}
