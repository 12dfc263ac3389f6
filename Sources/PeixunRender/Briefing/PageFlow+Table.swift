import PeixunCore

/// A column of a flowing table.
struct TableColumn {
    var title: String
    /// Width in mm (the widths of a table add up to the page's width or less).
    var width: Double
    var alignment: TextStyle.Alignment = .left
    /// Wrap long text onto more lines (otherwise shrink to one line).
    var wraps: Bool = false
}

extension PageFlow {
    /// Draws a table whose rows flow over pages; the header row is repeated
    /// at the top of every page the table continues on. A row never splits.
    func table(_ columns: [TableColumn], rows: [[String]], style: TextStyle = BriefingStyle.cell,
               headerStyle: TextStyle = BriefingStyle.cellHeader, continuation: String? = nil) throws {
        let padX = 1.4, padY = 1.1
        let lineHeight = try measure("国", width: 100, style: style)
        let headerHeight = max(try columns.map { c in
            try measure(c.title, width: c.width - 2 * padX, style: headerStyle)
        }.max() ?? lineHeight, lineHeight) + 2 * padY

        func drawHeader(continued: Bool) throws {
            if continued, let note = continuation {
                try canvas.drawText(note, in: BoxMM(x: left, y: y, width: width, height: 5), style: BriefingStyle.small,
                                    shrinkToFit: true, minSize: 5)
                y += 5
            }
            var x = left
            let total = columns.reduce(0) { $0 + $1.width }
            canvas.fillRect(BoxMM(x: left, y: y, width: total, height: headerHeight), color: BriefingStyle.headerFill)
            for c in columns {
                var s = headerStyle
                s.alignment = c.alignment
                s.verticalAlignment = .middle
                try canvas.drawText(c.title, in: BoxMM(x: x + padX, y: y, width: c.width - 2 * padX, height: headerHeight),
                                    style: s)
                x += c.width
            }
            y += headerHeight
        }

        // Room for the header and at least one row on this page.
        try ensure(headerHeight + lineHeight + 2 * padY)
        try drawHeader(continued: false)
        let total = columns.reduce(0) { $0 + $1.width }
        for (r, row) in rows.enumerated() {
            var height = lineHeight
            for (c, column) in columns.enumerated() where column.wraps && c < row.count {
                let w = column.width - 2 * padX
                if surelyOneLine(row[c], width: w, style: style) { continue }
                height = max(height, try measure(row[c], width: w, style: style))
            }
            height += 2 * padY
            if y + height > bottom {
                try newPage()
                try drawHeader(continued: true)
            }
            if r % 2 == 1 {
                canvas.fillRect(BoxMM(x: left, y: y, width: total, height: height), color: BriefingStyle.stripe)
            }
            var x = left
            for (c, column) in columns.enumerated() {
                let text = c < row.count ? row[c] : ""
                if !text.isEmpty {
                    var s = style
                    s.alignment = column.alignment
                    let box = BoxMM(x: x + padX, y: y + padY, width: column.width - 2 * padX, height: height - 2 * padY)
                    if column.wraps {
                        try canvas.drawText(text, in: box, style: s)
                    } else {
                        try canvas.drawText(text, in: box, style: s, shrinkToFit: true, minSize: style.size * 0.7)
                    }
                }
                x += column.width
            }
            y += height
            canvas.strokeLine(from: PointMM(x: left, y: y), to: PointMM(x: left + total, y: y),
                              color: BriefingStyle.rule, width: 0.15)
        }
        y += 2
    }
}
