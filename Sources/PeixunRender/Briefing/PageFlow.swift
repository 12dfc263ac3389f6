import PeixunCore

/// A document that flows top to bottom over A4 portrait pages: blocks are
/// placed at a cursor, and a block that does not fit starts a new page. Every
/// page gets a footer (the document's name and the page number).
final class PageFlow {
    let document: PDFDocument
    var canvas: Canvas { document.canvas }
    let page = SizeMM.a4Portrait
    let left = 15.0, right = 195.0, top = 15.0, bottom = 280.0
    var width: Double { right - left }
    /// The cursor: where the next block starts, mm from the top.
    var y: Double
    private(set) var pageNumber = 1
    private let footer: String

    init(path: String, metadata: PDFMetadata, footer: String) throws {
        document = try PDFDocument(path: path, pageSize: .a4Portrait, metadata: metadata)
        self.footer = footer
        y = top
    }

    var remaining: Double { bottom - y }

    /// Starts a new page unless `height` mm still fit below the cursor.
    /// Returns true when it started a page.
    @discardableResult
    func ensure(_ height: Double) throws -> Bool {
        guard y + height > bottom, y > top + 0.01 else { return false }
        try newPage()
        return true
    }

    func newPage() throws {
        try drawFooter()
        try document.endPage()
        pageNumber += 1
        y = top
    }

    func finish() throws {
        try drawFooter()
        try document.endPage()
        try document.finish()
    }

    private func drawFooter() throws {
        let line = bottom + 4
        canvas.strokeLine(from: PointMM(x: left, y: line), to: PointMM(x: right, y: line),
                          color: BriefingStyle.rule, width: 0.2)
        try canvas.drawText(footer, in: BoxMM(x: left, y: line + 1.2, width: width - 25, height: 7),
                            style: BriefingStyle.small, shrinkToFit: true, minSize: 6)
        try canvas.drawText("第 \(pageNumber) 页", in: BoxMM(x: right - 25, y: line + 1.2, width: 25, height: 5),
                            style: BriefingStyle.text(8, color: BriefingStyle.muted, alignment: .right))
    }

    /// True when `text` surely fits one line of `width` mm: every character
    /// counted as a full em (narrow ASCII as 0.6 em, wide as 0.9), with 8 % to spare. Saves a
    /// Pango layout per table cell; anything in doubt is measured.
    func surelyOneLine(_ text: String, width: Double, style: TextStyle) -> Bool {
        var ems = 0.0
        for u in text.unicodeScalars {
            if u == "\n" { return false }
            if !u.isASCII {
                ems += 1.0
            } else if (u.value >= 0x41 && u.value <= 0x5A) || u == "m" || u == "w" || u == "@" || u == "%" {
                ems += 0.9
            } else {
                ems += 0.6
            }
        }
        ems += Double(text.unicodeScalars.count) * style.letterSpacing / max(style.size, 0.1)
        return Units.mm(pt: ems * style.size) <= width * 0.92
    }

    /// Height `text` takes wrapped to `width` mm.
    func measure(_ text: String, width: Double, style: TextStyle) throws -> Double {
        try canvas.measureText(text, in: BoxMM(x: 0, y: 0, width: width, height: 2000), style: style).extents.height
    }

    /// A wrapped paragraph across the full width; starts a page if needed.
    func paragraph(_ text: String, style: TextStyle = BriefingStyle.body, after: Double = 1.5) throws {
        let h = try measure(text, width: width, style: style)
        try ensure(h)
        try canvas.drawText(text, in: BoxMM(x: left, y: y, width: width, height: h + 0.5), style: style)
        y += h + after
    }

    /// A section heading with a rule; keeps `keep` mm of what follows with it.
    func section(_ title: String, keep: Double = 25) throws {
        y += 3
        try ensure(8 + keep)
        try canvas.drawText(title, in: BoxMM(x: left, y: y, width: width, height: 7), style: BriefingStyle.section,
                            shrinkToFit: true, minSize: 8)
        y += 6.5
        canvas.strokeLine(from: PointMM(x: left, y: y), to: PointMM(x: right, y: y), color: BriefingStyle.accent, width: 0.35)
        y += 2
    }
}
