/// The briefings as plain text (Markdown that reads well unrendered): short
/// enough to paste into a QQ or WeChat group. Names only, never ID numbers.
public enum BriefingMarkdown {
    /// `<坊>.md`: a few lines of key figures, then who lacks what.
    public static func classBriefing(_ f: ClassBriefingFacts) -> String {
        var out = "## 研修简报｜\(f.className)\n"
        var head = [f.county, f.stage + f.subject].filter { !$0.isEmpty }
        head.append(f.tutorNames.isEmpty ? "（本坊无坊主）" : "坊主 " + f.tutorNames.joined(separator: "、"))
        out += head.joined(separator: " · ") + "\n"
        out += dataLine(date: f.dataDate, isMidTerm: f.isMidTerm, remaining: f.remainingDays) + "\n\n"
        let c = f.counts
        out += "- 学员 \(c.trainees) 人，参训 \(c.participated) 人（\(BriefingFormat.percent(c.participationRate))），"
            + "合格 \(c.passed) 人（\(BriefingFormat.percent(c.passRate))）\n"
        if let avg = f.scores.average, let med = f.scores.median {
            out += "- 平均分 \(BriefingFormat.score(avg))，中位数 \(BriefingFormat.score(med))\n"
        }
        let h = f.homework
        out += "- 作业 已提交 \(h.submitted) 份（已批阅 \(h.graded)，待批阅 \(h.pending)），未提交 \(h.missing) 人，推优 \(h.recommended) 份\n"
        if !f.excellent.isEmpty {
            out += "- 优秀学员：" + f.excellent.map(\.name).joined(separator: "、") + "\n"
        }
        if !f.recommendedHomework.isEmpty {
            out += "- 推优作业：" + f.recommendedHomework.map { "\($0.name)（\($0.note)）" }.joined(separator: "、") + "\n"
        }
        out += "\n"
        if f.lacks.isEmpty {
            out += c.trainees == 0 ? "本坊暂无学员。\n" : "全部学员已合格。\n"
        } else {
            let verb = f.isMidTerm ? "尚未合格" : "未合格"
            out += "### \(verb) \(f.lacks.count) 人（差距小的在前）\n"
            let names = chaseNames(f.lacks)
            for (i, l) in f.lacks.enumerated() {
                let who = names[i] + (l.role == .tutorTrainee ? "（坊主兼学员）" : "")
                let note = l.canStillPass ? "" : "（补齐仍不足合格线）"
                out += "\(i + 1). \(who) \(l.total.short) 分，\(l.gapText)：\(l.summary)\(note)\n"
            }
        }
        return out
    }

    /// `summary.md`: the 培训总结's figures as tables.
    public static func summary(_ f: ProgrammeSummaryFacts) -> String {
        var out = "# \(f.programme) 培训总结\n\n"
        out += "\(f.issuer) · 培训周期 \(f.periodStart) 至 \(f.periodEnd) · "
            + dataLine(date: f.dataDate, isMidTerm: f.isMidTerm, remaining: f.remainingDays) + "\n\n"
        out += "## 总体\n\n"
        out += groupTable(title: "范围", [f.total])
        var notes = "\n坊 \(f.classCount) 个"
        if let avg = f.scores.average, let med = f.scores.median {
            notes += "；平均分 \(BriefingFormat.score(avg))，中位数 \(BriefingFormat.score(med))"
        }
        if f.tutorTrainees > 0 { notes += "；坊主兼学员 \(f.tutorTrainees) 人，合格 \(f.tutorTraineesPassed) 人" }
        out += notes + "。\n\n"
        out += "## 按区县\n\n" + groupTable(title: "区县", f.byCounty) + "\n"
        out += "## 按学段\n\n" + groupTable(title: "学段", f.byStage) + "\n"
        out += "## 按学科\n\n" + groupTable(title: "学科", f.bySubject) + "\n"
        out += "## 成绩分布\n\n| 分数段 | 人数 | 占比 |\n|---|---:|---:|\n"
        for b in f.scores.bins {
            let share = f.scores.count == 0 ? "—" : BriefingFormat.percent(Fraction(b.count) / Fraction(f.scores.count))
            out += "| \(b.label)\(b.passing ? "（合格）" : "") | \(b.count) | \(share) |\n"
        }
        let h = f.homework
        out += "\n## 研修作业\n\n已提交 \(h.submitted) 份（已批阅 \(h.graded)，待批阅 \(h.pending)），未提交 \(h.missing) 人，推优 \(h.recommended) 份；"
            + h.byGrade.map { "\($0.grade) \($0.count)" }.joined(separator: "，") + "。\n\n"
        let t = f.tutors
        out += "## 坊主考核\n\n辅导教师 \(t.tutors) 人，合格 \(t.passed) 人"
        if t.tutors > 0 { out += "（\(BriefingFormat.percent(Fraction(t.passed) / Fraction(t.tutors)))）" }
        out += "，优秀辅导教师 \(t.excellent) 人"
        if let avg = t.average { out += "，平均分 \(BriefingFormat.score(avg))" }
        out += "。\n\n| 考核项 | 平均得分 | 满分 |\n|---|---:|---:|\n"
        for item in t.items { out += "| \(item.label) | \(BriefingFormat.score(item.average)) | \(item.maximum.short) |\n" }
        out += "\n## 优秀学员与优秀辅导教师\n\n| 区县 | 优秀学员 | 优秀辅导教师 |\n|---|---:|---:|\n"
        for r in f.honours { out += "| \(r.county) | \(r.excellentTrainees) | \(r.excellentTutors) |\n" }
        out += "\n## 数据异常\n\n"
        if f.anomalies.isEmpty {
            out += "无。\n"
        } else {
            out += "共 \(f.anomalyTotal) 条。\n\n| 类型 | 条数 |\n|---|---:|\n"
            for a in f.anomalies { out += "| \(a.label) | \(a.count) |\n" }
        }
        return out
    }

    /// `数据截至 2021-12-10（期中，距培训结束还有 10 天）`.
    public static func dataLine(date: CivilDate, isMidTerm: Bool, remaining: Int?) -> String {
        var s = "数据截至 \(date)"
        if isMidTerm, let r = remaining { s += "（期中，距培训结束还有 \(r) 天）" }
        return s
    }

    static func groupTable(title: String, _ groups: [ProgrammeSummaryFacts.Group]) -> String {
        var out = "| \(title) | 学员 | 参训 | 参训率 | 合格 | 合格率 | 优秀学员 | 平均分 |\n|---|---:|---:|---:|---:|---:|---:|---:|\n"
        for g in groups {
            out += "| \(cell(g.name)) | \(g.trainees) | \(g.participated) | \(BriefingFormat.percent(g.participationRate)) | "
                + "\(g.passed) | \(BriefingFormat.percent(g.passRate)) | \(g.excellent) | "
                + "\(g.average.map(BriefingFormat.score) ?? "—") |\n"
        }
        return out
    }

    /// A table cell: `|` would split it.
    static func cell(_ s: String) -> String { String(s.map { $0 == "|" ? "／" : $0 }) }

    /// Names for the chase list; a name shared within the list gets its school.
    public static func chaseNames(_ lacks: [TraineeLacks]) -> [String] {
        var seen = [String: Int]()
        for l in lacks { seen[l.name, default: 0] += 1 }
        return lacks.map { (seen[$0.name] ?? 0) > 1 && !$0.school.isEmpty ? "\($0.name)（\($0.school)）" : $0.name }
    }
}
