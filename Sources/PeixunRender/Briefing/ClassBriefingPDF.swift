import PeixunCore

/// 坊简报 as a PDF: A4 portrait, one to three pages for a 坊 of normal size;
/// the chase list flows over further pages with its header repeated.
public enum ClassBriefingPDF {
    /// Writes the briefing of `facts` to `path`.
    public static func write(_ f: ClassBriefingFacts, issuer: String, to path: String) throws {
        let flow = try PageFlow(path: path,
                                metadata: PDFMetadata(title: "\(f.className) 研修简报", author: issuer,
                                                      subject: f.programme, created: f.dataDate),
                                footer: "\(f.className) · 研修简报")
        try header(flow, f)
        try keyFigures(flow, f)
        try charts(flow, f)
        try modules(flow, f)
        try tutors(flow, f)
        try honours(flow, f)
        try chaseList(flow, f)
        try flow.finish()
    }

    static func header(_ flow: PageFlow, _ f: ClassBriefingFacts) throws {
        try flow.paragraph(f.programme, style: BriefingStyle.text(9, color: BriefingStyle.muted), after: 1)
        try flow.paragraph("研修简报 · \(f.className)", style: BriefingStyle.title, after: 1.5)
        var meta = [f.county, f.stage + f.subject].filter { !$0.isEmpty }
        meta.append(f.tutorNames.isEmpty ? "本坊无坊主" : "坊主 " + f.tutorNames.joined(separator: "、"))
        meta.append("数据截至 \(f.dataDate.chinese)")
        try flow.paragraph(meta.joined(separator: "　·　"), style: BriefingStyle.text(9.5, color: BriefingStyle.muted), after: 1)
        if f.isMidTerm, let days = f.remainingDays {
            try flow.paragraph("期中数据：距培训结束（\(f.periodEnd.chinese)）还有 \(days) 天，请督促未合格学员按下表补齐。",
                               style: BriefingStyle.text(9.5, weight: .bold, color: BriefingStyle.alert), after: 1)
        }
        flow.y += 2
    }

    /// Five tiles: 学员, 参训率, 合格率, 平均分, 作业.
    static func keyFigures(_ flow: PageFlow, _ f: ClassBriefingFacts) throws {
        let c = f.counts
        let tiles: [(String, String, String)] = [
            ("学员", "\(c.trainees)", "人"),
            ("参训率", BriefingFormat.percent(c.participationRate), "参训 \(c.participated) 人"),
            ("合格率", BriefingFormat.percent(c.passRate), "合格 \(c.passed) 人"),
            ("平均分", f.scores.average.map(BriefingFormat.score) ?? "—",
             f.scores.median.map { "中位数 \(BriefingFormat.score($0))" } ?? "暂无成绩"),
            ("作业提交", "\(f.homework.submitted)", "批阅 \(f.homework.graded) · 推优 \(f.homework.recommended)"),
        ]
        try tileRow(flow, tiles)
    }

    static func tileRow(_ flow: PageFlow, _ tiles: [(String, String, String)]) throws {
        let gap = 2.5, h = 20.0
        try flow.ensure(h + 2)
        let w = (flow.width - gap * Double(tiles.count - 1)) / Double(tiles.count)
        for (i, t) in tiles.enumerated() {
            let x = flow.left + Double(i) * (w + gap)
            let box = BoxMM(x: x, y: flow.y, width: w, height: h)
            flow.canvas.fillRect(box, color: BriefingStyle.accentLight, radius: 1.5)
            try flow.canvas.drawText(t.0, in: BoxMM(x: x + 2.5, y: flow.y + 1.8, width: w - 5, height: 4),
                                     style: BriefingStyle.text(8, color: BriefingStyle.muted), shrinkToFit: true, minSize: 5)
            try flow.canvas.drawText(t.1, in: BoxMM(x: x + 2.5, y: flow.y + 6, width: w - 5, height: 8),
                                     style: BriefingStyle.text(16, weight: .bold, color: BriefingStyle.accent),
                                     shrinkToFit: true, minSize: 8)
            try flow.canvas.drawText(t.2, in: BoxMM(x: x + 2.5, y: flow.y + 14.5, width: w - 5, height: 4),
                                     style: BriefingStyle.text(7.5, color: BriefingStyle.muted), shrinkToFit: true, minSize: 5)
        }
        flow.y += h + 2
    }

    static func charts(_ flow: PageFlow, _ f: ClassBriefingFacts) throws {
        try flow.section("成绩分布与作业情况", keep: 52)
        let top = flow.y
        let leftW = 116.0
        try BriefingCharts.histogram(flow.canvas, in: BoxMM(x: flow.left, y: top, width: leftW, height: 50), scores: f.scores)
        let rx = flow.left + leftW + 8
        try flow.canvas.drawText("作业（\(f.homework.trainees) 人）", in: BoxMM(x: rx, y: top, width: flow.right - rx, height: 5),
                                 style: BriefingStyle.text(8.5, weight: .bold), shrinkToFit: true, minSize: 5)
        try BriefingCharts.homeworkStatus(flow.canvas, in: BoxMM(x: rx, y: top + 5, width: flow.right - rx,
                                                                 height: BriefingCharts.homeworkStatusHeight),
                                          homework: f.homework)
        flow.y = top + 52
    }

    static func modules(_ flow: PageFlow, _ f: ClassBriefingFacts) throws {
        let rows = f.modules.map { m in
            BriefingCharts.ReferenceBar(
                label: m.module, value: m.average?.plotValue ?? 0, reference: m.required.fraction.plotValue,
                caption: "平均 \(m.average.map(BriefingFormat.hours) ?? "—") / \(BriefingFormat.hours(m.required)) 学时，"
                    + "达标 \(m.reached)/\(f.counts.trainees)")
        }
        let h = BriefingCharts.referenceBarsHeight(rows: rows.count)
        try flow.section("各模块学时（平均 / 要求）", keep: h)
        try BriefingCharts.referenceBars(flow.canvas, in: BoxMM(x: flow.left, y: flow.y, width: flow.width, height: h),
                                         rows: rows, legend: ("平均已计学时", "要求学时"))
        flow.y += h + 1.5
        if !f.activities.isEmpty {
            let text = "研修活动完成：" + f.activities.map { "\($0.activity) \($0.completed)/\(f.counts.trainees) 人" }
                .joined(separator: "；")
            try flow.paragraph(text, style: BriefingStyle.text(8.5))
        }
    }

    static func tutors(_ flow: PageFlow, _ f: ClassBriefingFacts) throws {
        if f.tutors.isEmpty {
            try flow.section("坊主考核", keep: 8)
            try flow.paragraph("本坊在名单中没有坊主（已列入数据异常）。", style: BriefingStyle.text(9, color: BriefingStyle.alert))
            return
        }
        for t in f.tutors {
            try flow.section("坊主考核（\(t.name)）", keep: 40)
            var status = "总分 \(t.total.short)，合格线 \(BriefingFormat.score(t.passScore))："
            if t.passed {
                status += "已合格，全项目第 \(t.rank)/\(t.tutorCount) 名" + (t.excellent ? "，优秀辅导教师" : "") + "。"
            } else {
                status += "还差 \(BriefingFormat.pointsNeeded(t.gap)) 分，可从下表「满分还需」一栏补足。"
            }
            try flow.paragraph(status, style: BriefingStyle.text(9.5, weight: .bold,
                                                                 color: t.passed ? BriefingStyle.pass : BriefingStyle.alert))
            let columns = [TableColumn(title: "考核项", width: 26), TableColumn(title: "得分", width: 22, alignment: .right),
                           TableColumn(title: "现状", width: 58, wraps: true),
                           TableColumn(title: "满分还需", width: 74, wraps: true)]
            let rows = t.items.map { i in
                [i.label, "\(i.points.short) / \(i.maximum.short)", i.have, i.missing ?? "—（已满分）"]
            }
            try flow.table(columns, rows: rows)
        }
    }

    static func honours(_ flow: PageFlow, _ f: ClassBriefingFacts) throws {
        try flow.section("优秀学员（\(f.excellent.count) 人）", keep: 12)
        if f.excellent.isEmpty {
            try flow.paragraph(f.isMidTerm ? "期中数据暂不评定。" : "本坊暂无优秀学员。", style: BriefingStyle.text(9, color: BriefingStyle.muted))
        } else {
            try flow.table([TableColumn(title: "名次", width: 22), TableColumn(title: "姓名", width: 34, wraps: true),
                            TableColumn(title: "单位", width: 100, wraps: true),
                            TableColumn(title: "总分", width: 24, alignment: .right)],
                           rows: f.excellent.map { [$0.note, $0.name, $0.school, $0.total.short] },
                           continuation: "优秀学员（续）")
        }
        try flow.section("推优作业（\(f.recommendedHomework.count) 份，供成果汇编）", keep: 12)
        if f.recommendedHomework.isEmpty {
            try flow.paragraph("暂无推优作业。", style: BriefingStyle.text(9, color: BriefingStyle.muted))
        } else {
            try flow.table([TableColumn(title: "姓名", width: 34, wraps: true), TableColumn(title: "单位", width: 100, wraps: true),
                            TableColumn(title: "批阅等级", width: 24), TableColumn(title: "总分", width: 22, alignment: .right)],
                           rows: f.recommendedHomework.map { [$0.name, $0.school, $0.note, $0.total.short] },
                           continuation: "推优作业（续）")
        }
    }

    static func chaseList(_ flow: PageFlow, _ f: ClassBriefingFacts) throws {
        let verb = f.isMidTerm ? "尚未合格" : "未合格"
        try flow.section("\(verb)学员及所缺项目（\(f.lacks.count) 人，差距小的在前）", keep: 16)
        if f.lacks.isEmpty {
            try flow.paragraph(f.counts.trainees == 0 ? "本坊暂无学员。" : "全部学员已合格。",
                               style: BriefingStyle.text(9.5, color: BriefingStyle.pass))
            return
        }
        try flow.paragraph("差距 = 合格线 − 当前总分；补齐所缺项目中的一部分即可能达到合格线。",
                           style: BriefingStyle.text(8, color: BriefingStyle.muted))
        let columns = [TableColumn(title: "序", width: 9, alignment: .right), TableColumn(title: "姓名", width: 20, wraps: true),
                       TableColumn(title: "单位", width: 36, wraps: true), TableColumn(title: "总分", width: 13, alignment: .right),
                       TableColumn(title: "差距", width: 13, alignment: .right),
                       TableColumn(title: "还缺什么", width: 89, wraps: true)]
        let rows = f.lacks.enumerated().map { i, l -> [String] in
            var name = l.name
            if l.role == .tutorTrainee { name += "（坊主兼学员）" }
            var what = l.summary
            if !l.canStillPass { what += "（所缺各项补齐仍不足合格线）" }
            return ["\(i + 1)", name, l.school, l.total.short, BriefingFormat.pointsNeeded(l.gap), what]
        }
        try flow.table(columns, rows: rows, continuation: "\(verb)学员（续）")
    }
}
