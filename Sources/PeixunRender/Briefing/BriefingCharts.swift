import PeixunCore

/// Vector charts of the briefings, drawn with Cairo paths (no bitmaps):
/// the score histogram with its pass line, hours against the required
/// hours, homework status, and rates per group.
enum BriefingCharts {
    /// A step for `maximum` that gives at most five gridlines: 1, 2, 5, 10, 20, 50 …
    static func tickStep(maximum: Int) -> Int {
        var step = 1
        while maximum / step > 5 {
            let s = String(step)
            step = s.hasPrefix("1") ? step * 2 : s.hasPrefix("2") ? step * 5 / 2 : step * 2
        }
        return step
    }

    /// 成绩分布: bars per bin, the pass line dashed at the pass score.
    static func histogram(_ canvas: Canvas, in box: BoxMM, scores: ScoreStatistics) throws {
        let plot = BoxMM(x: box.x + 9, y: box.y + 6, width: box.width - 11, height: box.height - 13)
        let maxCount = max(1, scores.bins.map(\.count).max() ?? 1)
        let step = tickStep(maximum: maxCount)
        let top = ((maxCount + step - 1) / step) * step
        // Headroom above the tallest bar keeps its count clear of the pass-line label.
        let scaleMax = max(Double(top), Double(maxCount) * 1.15)
        func yFor(_ v: Int) -> Double { plot.maxY - plot.height * Double(v) / scaleMax }
        let axisStyle = BriefingStyle.text(6.5, color: BriefingStyle.muted, alignment: .right, vertical: .middle)
        var v = 0
        while v <= top {
            let yy = yFor(v)
            canvas.strokeLine(from: PointMM(x: plot.x, y: yy), to: PointMM(x: plot.maxX, y: yy),
                              color: v == 0 ? BriefingStyle.muted : BriefingStyle.rule, width: v == 0 ? 0.3 : 0.15)
            try canvas.drawText("\(v)", in: BoxMM(x: box.x, y: yy - 2, width: 7.5, height: 4), style: axisStyle)
            v += step
        }
        try canvas.drawText("人数", in: BoxMM(x: box.x, y: box.y, width: 12, height: 4),
                            style: BriefingStyle.text(6.5, color: BriefingStyle.muted))
        let n = max(1, scores.bins.count)
        let slot = plot.width / Double(n)
        let lo = scores.bins.first?.lower ?? .zero
        let hi = scores.bins.last?.upper ?? Fraction(100)
        let span = max((hi - lo).plotValue, 0.0001)
        func xFor(_ f: Fraction) -> Double { plot.x + plot.width * ((f - lo).plotValue / span) }
        let labelStyle = BriefingStyle.text(6.5, color: BriefingStyle.muted, alignment: .center)
        let countStyle = BriefingStyle.text(7, weight: .bold, alignment: .center)
        for b in scores.bins {
            let x0 = xFor(b.lower), x1 = xFor(b.upper)
            let w = (x1 - x0) * 0.78
            let bx = x0 + ((x1 - x0) - w) / 2
            if b.count > 0 {
                let yy = yFor(b.count)
                canvas.fillRect(BoxMM(x: bx, y: yy, width: w, height: plot.maxY - yy),
                                color: b.passing ? BriefingStyle.pass : BriefingStyle.accent)
                try canvas.drawText("\(b.count)", in: BoxMM(x: x0 - 2, y: yy - 4, width: x1 - x0 + 4, height: 3.8),
                                    style: countStyle, shrinkToFit: true, minSize: 4.5)
            }
        }
        // Edge labels under the axis.
        var edges = scores.bins.map(\.lower)
        if let last = scores.bins.last { edges.append(last.upper) }
        let minGap = slot * 0.55
        var lastX = -Double.infinity
        for e in edges {
            let x = xFor(e)
            guard x - lastX >= minGap || e == scores.passScore else { continue }
            lastX = x
            try canvas.drawText(BriefingFormat.score(e), in: BoxMM(x: x - 6, y: plot.maxY + 0.8, width: 12, height: 3.5),
                                style: labelStyle, shrinkToFit: true, minSize: 4.5)
        }
        // The pass line.
        if scores.passScore > lo && scores.passScore <= hi {
            let px = xFor(scores.passScore)
            canvas.strokeLine(from: PointMM(x: px, y: plot.y - 3), to: PointMM(x: px, y: plot.maxY),
                              color: BriefingStyle.alert, width: 0.4, dash: [1.2, 0.8])
            let label = "合格线 \(BriefingFormat.score(scores.passScore))"
            let lw = 18.0
            let lx = px - lw - 0.8 >= plot.x ? px - lw - 0.8 : px + 0.8
            try canvas.drawText(label, in: BoxMM(x: lx, y: plot.y - 5.5, width: lw, height: 3.8),
                                style: BriefingStyle.text(6.5, color: BriefingStyle.alert,
                                                          alignment: lx < px ? .right : .left),
                                shrinkToFit: true, minSize: 4.5)
        }
        try canvas.drawText("分数", in: BoxMM(x: plot.maxX - 12, y: plot.maxY + 4.5, width: 12, height: 3.5),
                            style: BriefingStyle.text(6.5, color: BriefingStyle.muted, alignment: .right))
    }

    /// A row of a horizontal bar chart measured against a reference.
    struct ReferenceBar {
        var label: String
        var value: Double
        var reference: Double
        var caption: String
    }

    /// Bars in a common unit with a reference mark each (hours against the
    /// required hours). Rows are 7 mm high.
    static func referenceBars(_ canvas: Canvas, in box: BoxMM, rows: [ReferenceBar], legend: (String, String)) throws {
        let labelW = 30.0, captionW = 52.0
        let barX = box.x + labelW + 2, barW = box.width - labelW - captionW - 4
        let scale = max(rows.map { max($0.value, $0.reference) }.max() ?? 1, 0.0001)
        let rowH = 7.0
        for (i, r) in rows.enumerated() {
            let y = box.y + Double(i) * rowH
            try canvas.drawText(r.label, in: BoxMM(x: box.x, y: y, width: labelW, height: rowH - 1),
                                style: BriefingStyle.text(8, alignment: .right, vertical: .middle),
                                shrinkToFit: true, minSize: 5)
            let refW = barW * r.reference / scale
            canvas.fillRect(BoxMM(x: barX, y: y + 1.2, width: refW, height: rowH - 3.4), color: BriefingStyle.accentLight)
            let valW = barW * min(r.value, scale) / scale
            canvas.fillRect(BoxMM(x: barX, y: y + 2.0, width: valW, height: rowH - 5.0),
                            color: r.value >= r.reference ? BriefingStyle.pass : BriefingStyle.accent)
            canvas.strokeLine(from: PointMM(x: barX + refW, y: y + 0.6), to: PointMM(x: barX + refW, y: y + rowH - 1.6),
                              color: BriefingStyle.ink, width: 0.45)
            try canvas.drawText(r.caption, in: BoxMM(x: barX + barW + 2, y: y, width: captionW, height: rowH - 1),
                                style: BriefingStyle.text(7.5, vertical: .middle), shrinkToFit: true, minSize: 5)
        }
        let ly = box.y + Double(rows.count) * rowH + 0.5
        canvas.fillRect(BoxMM(x: barX, y: ly + 0.8, width: 5, height: 2.4), color: BriefingStyle.accent)
        try canvas.drawText(legend.0, in: BoxMM(x: barX + 6, y: ly, width: 40, height: 4), style: BriefingStyle.small,
                            shrinkToFit: true, minSize: 5)
        canvas.fillRect(BoxMM(x: barX + 48, y: ly + 0.8, width: 5, height: 2.4), color: BriefingStyle.accentLight)
        canvas.strokeLine(from: PointMM(x: barX + 53, y: ly + 0.3), to: PointMM(x: barX + 53, y: ly + 3.7),
                          color: BriefingStyle.ink, width: 0.45)
        try canvas.drawText(legend.1, in: BoxMM(x: barX + 55, y: ly, width: 40, height: 4), style: BriefingStyle.small,
                            shrinkToFit: true, minSize: 5)
    }

    static func referenceBarsHeight(rows: Int) -> Double { Double(rows) * 7 + 5 }

    /// 作业情况: one stacked bar (已批阅 / 待批阅 / 未提交) with a legend.
    static func homeworkStatus(_ canvas: Canvas, in box: BoxMM, homework h: HomeworkFigures) throws {
        let barBox = BoxMM(x: box.x, y: box.y + 1, width: box.width, height: 8)
        let parts: [(String, Int, Color)] = [("已批阅", h.graded, BriefingStyle.pass),
                                             ("待批阅", h.pending, BriefingStyle.warn),
                                             ("未提交", h.missing, BriefingStyle.rule)]
        let total = h.graded + h.pending + h.missing
        if total == 0 {
            canvas.strokeRect(barBox, color: BriefingStyle.rule, width: 0.3, dash: [1, 1])
            try canvas.drawText("暂无学员", in: barBox, style: BriefingStyle.text(8, color: BriefingStyle.muted,
                                                                            alignment: .center, vertical: .middle))
        } else {
            var x = barBox.x
            for (_, count, color) in parts where count > 0 {
                let w = barBox.width * Double(count) / Double(total)
                canvas.fillRect(BoxMM(x: x, y: barBox.y, width: w, height: barBox.height), color: color)
                if w >= 7 {
                    try canvas.drawText("\(count)", in: BoxMM(x: x, y: barBox.y, width: w, height: barBox.height),
                                        style: BriefingStyle.text(7.5, weight: .bold,
                                                                  color: color == BriefingStyle.rule ? BriefingStyle.ink : .white,
                                                                  alignment: .center, vertical: .middle),
                                        shrinkToFit: true, minSize: 5)
                }
                x += w
            }
        }
        // Legend: one line per status, with counts, then 推优.
        var ly = barBox.maxY + 2
        for (label, count, color) in parts {
            canvas.fillRect(BoxMM(x: box.x, y: ly + 0.9, width: 3, height: 3), color: color)
            try canvas.drawText("\(label) \(count)", in: BoxMM(x: box.x + 4.5, y: ly, width: box.width - 4.5, height: 4.5),
                                style: BriefingStyle.text(8), shrinkToFit: true, minSize: 5)
            ly += 4.8
        }
        try canvas.drawText("推优 \(h.recommended) 份" + (h.submitted == 0 ? "（尚无作业提交）" : ""),
                            in: BoxMM(x: box.x + 4.5, y: ly, width: box.width - 4.5, height: 4.5),
                            style: BriefingStyle.text(8, weight: .bold), shrinkToFit: true, minSize: 5)
    }

    static let homeworkStatusHeight = 34.0

    /// Rates per group (参训率 and 合格率), two thin bars a row, 0–100 %.
    static func rates(_ canvas: Canvas, in box: BoxMM, groups: [ProgrammeSummaryFacts.Group]) throws {
        let labelW = 34.0, captionW = 36.0
        let barX = box.x + labelW + 2, barW = box.width - labelW - captionW - 4
        let rowH = 7.0
        for (i, g) in groups.enumerated() {
            let y = box.y + Double(i) * rowH
            try canvas.drawText(g.name, in: BoxMM(x: box.x, y: y, width: labelW, height: rowH - 1),
                                style: BriefingStyle.text(8, alignment: .right, vertical: .middle),
                                shrinkToFit: true, minSize: 5)
            canvas.fillRect(BoxMM(x: barX, y: y + 0.8, width: barW, height: rowH - 2.2), color: BriefingStyle.stripe)
            canvas.fillRect(BoxMM(x: barX, y: y + 1.0, width: barW * g.participationRate.plotValue, height: 2.2),
                            color: BriefingStyle.accent)
            canvas.fillRect(BoxMM(x: barX, y: y + 3.4, width: barW * g.passRate.plotValue, height: 2.2),
                            color: BriefingStyle.pass)
            try canvas.drawText("\(BriefingFormat.percent(g.participationRate)) / \(BriefingFormat.percent(g.passRate))",
                                in: BoxMM(x: barX + barW + 2, y: y, width: captionW, height: rowH - 1),
                                style: BriefingStyle.text(7.5, vertical: .middle), shrinkToFit: true, minSize: 5)
        }
        let ly = box.y + Double(groups.count) * rowH + 0.5
        canvas.fillRect(BoxMM(x: barX, y: ly + 0.8, width: 5, height: 2.4), color: BriefingStyle.accent)
        try canvas.drawText("参训率", in: BoxMM(x: barX + 6, y: ly, width: 20, height: 4), style: BriefingStyle.small)
        canvas.fillRect(BoxMM(x: barX + 28, y: ly + 0.8, width: 5, height: 2.4), color: BriefingStyle.pass)
        try canvas.drawText("合格率", in: BoxMM(x: barX + 34, y: ly, width: 20, height: 4), style: BriefingStyle.small)
    }

    static func ratesHeight(rows: Int) -> Double { Double(rows) * 7 + 5 }
}

extension Fraction {
    /// For drawing only: never for a decision.
    var plotValue: Double { Double(numerator) / Double(denominator) }
}
