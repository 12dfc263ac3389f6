import PeixunCore

/// 培训总结 as a PDF: the programme's figures by 区县, 学段 and 学科 (tables
/// and bar charts), the score distribution, tutors, honours and anomalies.
public enum ProgrammeSummaryPDF {
    /// Groups beyond this many are shown in the table only, not charted.
    static let maximumChartRows = 30

    public static func write(_ f: ProgrammeSummaryFacts, to path: String) throws {
        let flow = try PageFlow(path: path,
                                metadata: PDFMetadata(title: "\(f.programme) 培训总结", author: f.issuer,
                                                      subject: f.programme, created: f.dataDate),
                                footer: "\(f.programme) · 培训总结")
        try flow.paragraph(f.issuer, style: BriefingStyle.text(9, color: BriefingStyle.muted), after: 1)
        try flow.paragraph(f.programme, style: BriefingStyle.text(13, weight: .bold), after: 1)
        try flow.paragraph("培训总结", style: BriefingStyle.title, after: 1.5)
        try flow.paragraph("培训周期 \(f.periodStart.chinese) 至 \(f.periodEnd.chinese)　·　数据截至 \(f.dataDate.chinese)",
                           style: BriefingStyle.text(9.5, color: BriefingStyle.muted), after: 1)
        if f.isMidTerm, let days = f.remainingDays {
            try flow.paragraph("期中数据：距培训结束还有 \(days) 天，以下为阶段性统计。",
                               style: BriefingStyle.text(9.5, weight: .bold, color: BriefingStyle.alert), after: 1)
        }
        flow.y += 2
        let t = f.total
        try ClassBriefingPDF.tileRow(flow, [
            ("学员", "\(t.trainees)", "\(f.classCount) 个坊"),
            ("参训率", BriefingFormat.percent(t.participationRate), "参训 \(t.participated) 人"),
            ("合格率", BriefingFormat.percent(t.passRate), "合格 \(t.passed) 人"),
            ("平均分", f.scores.average.map(BriefingFormat.score) ?? "—",
             f.scores.median.map { "中位数 \(BriefingFormat.score($0))" } ?? "暂无成绩"),
            ("优秀学员", "\(t.excellent)", "优秀辅导教师 \(f.tutors.excellent)"),
        ])
        if f.tutorTrainees > 0 {
            try flow.paragraph("另有坊主兼学员 \(f.tutorTrainees) 人（不计入上表），其中合格 \(f.tutorTraineesPassed) 人。",
                               style: BriefingStyle.text(8.5, color: BriefingStyle.muted))
        }

        try flow.section("成绩分布与作业情况", keep: 52)
        let top = flow.y
        try BriefingCharts.histogram(flow.canvas, in: BoxMM(x: flow.left, y: top, width: 116, height: 50), scores: f.scores)
        let rx = flow.left + 124
        try flow.canvas.drawText("作业（\(f.homework.trainees) 人）", in: BoxMM(x: rx, y: top, width: flow.right - rx, height: 5),
                                 style: BriefingStyle.text(8.5, weight: .bold), shrinkToFit: true, minSize: 5)
        try BriefingCharts.homeworkStatus(flow.canvas, in: BoxMM(x: rx, y: top + 5, width: flow.right - rx,
                                                                 height: BriefingCharts.homeworkStatusHeight),
                                          homework: f.homework)
        flow.y = top + 52
        let grades = f.homework.byGrade.map { "\($0.grade) \($0.count)" }.joined(separator: "，")
        if !grades.isEmpty { try flow.paragraph("已批阅作业等级：\(grades)。", style: BriefingStyle.text(8.5)) }

        try groups(flow, "按区县", "区县", f.byCounty)
        try groups(flow, "按学段", "学段", f.byStage)
        try groups(flow, "按学科", "学科", f.bySubject)

        let tf = f.tutors
        try flow.section("坊主考核（\(tf.tutors) 人）", keep: 45)
        var line = "合格 \(tf.passed) 人"
        if tf.tutors > 0 { line += "（\(BriefingFormat.percent(Fraction(tf.passed) / Fraction(tf.tutors)))）" }
        line += "，优秀辅导教师 \(tf.excellent) 人"
        if let avg = tf.average { line += "，平均分 \(BriefingFormat.score(avg))" }
        try flow.paragraph(line + "。")
        let bars = tf.items.map { i in
            BriefingCharts.ReferenceBar(label: i.label, value: i.average.plotValue, reference: i.maximum.fraction.plotValue,
                                        caption: "平均 \(BriefingFormat.score(i.average)) / 满分 \(i.maximum.short)")
        }
        let bh = BriefingCharts.referenceBarsHeight(rows: bars.count)
        try flow.ensure(bh)
        try BriefingCharts.referenceBars(flow.canvas, in: BoxMM(x: flow.left, y: flow.y, width: flow.width, height: bh),
                                         rows: bars, legend: ("平均得分", "满分"))
        flow.y += bh + 2

        try flow.section("优秀学员与优秀辅导教师（按区县）", keep: 20)
        try flow.table([TableColumn(title: "区县", width: 80, wraps: true),
                        TableColumn(title: "优秀学员", width: 50, alignment: .right),
                        TableColumn(title: "优秀辅导教师", width: 50, alignment: .right)],
                       rows: f.honours.map { [$0.county, "\($0.excellentTrainees)", "\($0.excellentTutors)"] },
                       continuation: "优秀学员与优秀辅导教师（续）")

        try flow.section("数据异常（\(f.anomalyTotal) 条）", keep: 15)
        if f.anomalies.isEmpty {
            try flow.paragraph("导出数据未发现异常。", style: BriefingStyle.text(9, color: BriefingStyle.pass))
        } else {
            try flow.table([TableColumn(title: "类型", width: 120, wraps: true),
                            TableColumn(title: "条数", width: 60, alignment: .right)],
                           rows: f.anomalies.map { [$0.label, "\($0.count)"] }, continuation: "数据异常（续）")
            try flow.paragraph("明细见 results.json 与名册的异常表。", style: BriefingStyle.small)
        }
        try flow.finish()
    }

    static func groups(_ flow: PageFlow, _ title: String, _ column: String,
                       _ groups: [ProgrammeSummaryFacts.Group]) throws {
        try flow.section("\(title)（\(groups.count)）", keep: 30)
        let columns = [TableColumn(title: column, width: 44, wraps: true),
                       TableColumn(title: "学员", width: 18, alignment: .right),
                       TableColumn(title: "参训", width: 18, alignment: .right),
                       TableColumn(title: "参训率", width: 20, alignment: .right),
                       TableColumn(title: "合格", width: 18, alignment: .right),
                       TableColumn(title: "合格率", width: 20, alignment: .right),
                       TableColumn(title: "优秀", width: 20, alignment: .right),
                       TableColumn(title: "平均分", width: 22, alignment: .right)]
        let rows = groups.map { g in
            [g.name, "\(g.trainees)", "\(g.participated)", BriefingFormat.percent(g.participationRate), "\(g.passed)",
             BriefingFormat.percent(g.passRate), "\(g.excellent)", g.average.map(BriefingFormat.score) ?? "—"]
        }
        try flow.table(columns, rows: rows, continuation: "\(title)（续）")
        if !groups.isEmpty && groups.count <= maximumChartRows {
            let h = BriefingCharts.ratesHeight(rows: groups.count)
            try flow.ensure(h)
            try BriefingCharts.rates(flow.canvas, in: BoxMM(x: flow.left, y: flow.y, width: flow.width, height: h), groups: groups)
            flow.y += h + 2
        }
    }
}
