import PeixunCore

/// Lays out each sheet of a roster workbook: its columns (names from the
/// scheme where the scheme names things) and its rows.
struct RosterSheetBuilder {
    let workbook: any WorkbookSink
    let styles: RosterStyles
    let content: RosterContent
    let maxRowsPerSheet: Int

    init(workbook: any WorkbookSink, content: RosterContent, maxRowsPerSheet: Int) throws(XlsxError) {
        self.workbook = workbook; self.content = content; self.maxRowsPerSheet = maxRowsPerSheet
        styles = try RosterStyles(workbook: workbook)
    }

    static func workbookTitle(_ content: RosterContent) -> String {
        let base = "\(content.scheme.programme.name)培训名册"
        return content.county.map { "\(base)（\($0)）" } ?? base
    }

    /// `<programme>　<sheet>`, with the 区县 and a mid-term note where they apply.
    func title(_ sheet: String) -> String {
        var t = "\(content.scheme.programme.name)　\(sheet)"
        if let county = content.county { t += "（\(county)）" }
        if content.results.isMidTerm { t += "　数据截至\(content.results.dataDate)" }
        return t
    }

    func table(_ sheet: RosterSheet, _ columns: [TableSheetWriter.Column], frozenColumns: Int = 0,
               highlightColumn: Int? = nil) -> TableSheetWriter {
        TableSheetWriter(workbook: workbook, styles: styles, name: sheet.rawValue, title: title(sheet.rawValue),
                         columns: columns, maxRowsPerSheet: maxRowsPerSheet, frozenColumns: frozenColumns,
                         highlightColumn: highlightColumn)
    }

    func write(_ sheet: RosterSheet) throws(XlsxError) {
        switch sheet {
        case .roster: try writeRoster()
        case .passed: try writePassed()
        case .excellent: try writeExcellent()
        case .tutors: try writeTutors()
        case .classes: try writeClasses()
        case .counties: try writeCounties()
        case .anomalies: try writeAnomalies()
        case .information: try writeInformation()
        }
    }

    // MARK: Persons

    static let personColumns: [TableSheetWriter.Column] = [
        .init("序号"), .init("区县", maximumWidth: 16), .init("单位", maximumWidth: 30), .init("姓名"),
        .init("性别"), .init("身份证号"), .init("学段"), .init("学科"), .init("坊", maximumWidth: 24),
    ]
    /// 序号 … 姓名 stay visible when scrolling right.
    static let frozenPersonColumns = 4

    @inline(__always)
    static func personCells(_ number: Int, _ p: Person) -> [CellValue] {
        [.integer(number), .text(p.county), .text(p.school), .text(p.name), .text(p.gender), .code(p.id),
         .text(p.stage), .text(p.subject), .text(p.className)]
    }

    static func passLabel(_ passed: Bool) -> CellValue { .text(passed ? "合格" : "不合格") }

    /// 名册 — every trainee with every score item.
    func writeRoster() throws(XlsxError) {
        let scheme = content.scheme
        var columns = Self.personColumns
        for module in scheme.modules {
            columns.append(.init("\(module.name)学时"))
            columns.append(.init("\(module.name)得分"))
        }
        for activity in scheme.activities { columns.append(.init("\(activity.name)得分")) }
        columns += [.init("作业等级"), .init("作业得分"), .init("总分"), .init("是否合格"), .init("排名"),
                    .init("优秀学员"), .init("证书编号"), .init("荣誉证书编号")]
        let passColumn = columns.count - 5
        let table = table(.roster, columns, frozenColumns: Self.frozenPersonColumns, highlightColumn: passColumn)
        var row: [CellValue] = []
        row.reserveCapacity(columns.count)
        for (i, t) in content.trainees.enumerated() {
            row.removeAll(keepingCapacity: true)
            row += Self.personCells(i + 1, t.person)
            for m in scheme.modules.indices {
                row.append(m < t.hours.count ? .hours(t.hours[m]) : .blank)
                row.append(m < t.modulePoints.count ? .points(t.modulePoints[m]) : .blank)
            }
            for a in scheme.activities.indices {
                row.append(a < t.activityPoints.count ? .points(t.activityPoints[a]) : .blank)
            }
            row.append(.text(t.homework.status == .graded ? (t.homework.grade ?? t.homework.status.label)
                                                          : t.homework.status.label))
            row.append(.points(t.homework.points))
            row.append(.points(t.total))
            row.append(Self.passLabel(t.passed))
            row.append(t.rank.map { .integer($0) } ?? .blank)
            row.append(.yesNo(t.excellent))
            row.append(t.certificateNumber(.completion))
            row.append(t.certificateNumber(.excellentTrainee))
            try table.append(row)
        }
        try table.finish()
    }

    func passBasisLabel(_ basis: PassBasis?) -> CellValue {
        let rules = content.scheme.tutorTrainee
        switch basis {
        case .score: return .text("总分达标")
        case .tutorHours40: return .text("坊主兼学员，学时≥\(rules.hoursToPass)")
        case .tutorHours30: return .text("坊主兼学员（优秀辅导教师），学时≥\(rules.hoursToPassIfExcellentTutor)")
        case nil: return .blank
        }
    }

    /// 合格名单 — the passed trainees, roster order.
    func writePassed() throws(XlsxError) {
        let columns = Self.personColumns + [.init("总分"), .init("合格依据", maximumWidth: 30), .init("证书编号")]
        let table = table(.passed, columns, frozenColumns: Self.frozenPersonColumns)
        var number = 0
        for t in content.trainees where t.passed {
            number += 1
            try table.append(Self.personCells(number, t.person)
                + [.points(t.total), passBasisLabel(t.passBasis), t.certificateNumber(.completion)])
        }
        try table.finish()
    }

    /// 优秀学员 — the bureau's honour list.
    func writeExcellent() throws(XlsxError) {
        let columns = Self.personColumns + [.init("总分"), .init("排名"), .init("排名范围人数"), .init("证书编号")]
        let table = table(.excellent, columns, frozenColumns: Self.frozenPersonColumns)
        var number = 0
        for t in content.trainees where t.excellent {
            number += 1
            try table.append(Self.personCells(number, t.person)
                + [.points(t.total), t.rank.map { .integer($0) } ?? .blank,
                   t.scopeSize.map { .integer($0) } ?? .blank, t.certificateNumber(.excellentTrainee)])
        }
        try table.finish()
    }

    // MARK: Tutors and 坊

    /// 坊主考核 — every tutor's rates, six item points, total and standing.
    func writeTutors() throws(XlsxError) {
        let itemLabels = TutorPoints(participation: .zero, pass: .zero, announcement: .zero, briefing: .zero,
                                     review: .zero, recommendation: .zero).items.map(\.label)
        var columns: [TableSheetWriter.Column] = [
            .init("序号"), .init("区县", maximumWidth: 16), .init("单位", maximumWidth: 30), .init("姓名"),
            .init("性别"), .init("身份证号"), .init("所带坊", maximumWidth: 30), .init("学员数"),
            .init("参训率"), .init("合格率"), .init("作业批阅率"), .init("作业推优率"),
            .init("研修公告数"), .init("研修简报数"),
        ]
        columns += itemLabels.map { .init("\($0)得分") }
        columns += [.init("总分"), .init("是否合格"), .init("排名"), .init("优秀辅导教师"), .init("证书编号")]
        let passColumn = columns.count - 4
        let table = table(.tutors, columns, frozenColumns: Self.frozenPersonColumns, highlightColumn: passColumn)
        for (i, tutor) in content.tutors.enumerated() {
            let p = tutor.person
            var row: [CellValue] = [.integer(i + 1), .text(p.county), .text(p.school), .text(p.name),
                                    .text(p.gender), .code(p.id), .text(tutor.classes.joined(separator: "、")),
                                    .integer(tutor.counts.trainees), .rate(tutor.counts.participationRate),
                                    .rate(tutor.counts.passRate), .rate(tutor.counts.reviewRate),
                                    .rate(tutor.counts.recommendationRate), .integer(tutor.announcements),
                                    .integer(tutor.briefings)]
            row += tutor.points.items.map { .points($0.points) }
            row += [.points(tutor.total), Self.passLabel(tutor.passed), .integer(tutor.rank),
                    .yesNo(tutor.excellent), tutor.certificateNumber(.excellentTutor)]
            try table.append(row)
        }
        try table.finish()
    }

    /// 坊统计 — per 坊: trainees, participation and pass, scores, homework.
    func writeClasses() throws(XlsxError) {
        let columns: [TableSheetWriter.Column] = [
            .init("序号"), .init("坊", maximumWidth: 24), .init("区县", maximumWidth: 16), .init("学段"),
            .init("学科"), .init("坊主"), .init("学员数"), .init("参训人数"), .init("参训率"), .init("合格人数"),
            .init("合格率"), .init("平均分"), .init("中位数"), .init("作业提交"), .init("作业批阅"),
            .init("作业推优"), .init("优秀学员"),
        ]
        let table = table(.classes, columns, frozenColumns: 2)
        var tutorNames: [String: String] = [:]
        for tutor in content.results.tutors { tutorNames[tutor.id] = tutor.person.name }
        let all = content.results.trainees
        for (i, c) in content.classes.enumerated() {
            let totals = c.traineeIndices.compactMap { all.indices.contains($0) ? all[$0].total : nil }
            let counts = c.counts
            let tutors = c.tutorIDs.map { tutorNames[$0] ?? IDNumber.mask($0) }.joined(separator: "、")
            try table.append([
                .integer(i + 1), .text(c.name), .text(c.county), .text(c.stage), .text(c.subject),
                tutors.isEmpty ? .text("（无坊主）") : .text(tutors),
                .integer(counts.trainees), .integer(counts.participated), .rate(counts.participationRate),
                .integer(counts.passed), .rate(counts.passRate),
                ScoreStatistics.average(totals).map { .points($0) } ?? .blank,
                ScoreStatistics.median(totals).map { .points($0) } ?? .blank,
                .integer(counts.submitted), .integer(counts.graded), .integer(counts.recommended),
                .integer(counts.excellent),
            ])
        }
        try table.finish()
    }

    /// 区县统计 — per 区县 and 学段, a 小计 per 区县 and a 合计.
    func writeCounties() throws(XlsxError) {
        let columns: [TableSheetWriter.Column] = [
            .init("区县", maximumWidth: 16), .init("学段"), .init("人数"), .init("合格人数"), .init("合格率"),
            .init("优秀学员"), .init("平均分"),
        ]
        let table = table(.counties, columns, frozenColumns: 1)
        func cells(_ r: CountyStageRow) -> [CellValue] {
            [.text(r.county), .text(r.stage), .integer(r.persons), .integer(r.passed), .rate(r.passRate),
             .integer(r.excellent), ScoreStatistics.average(r.totals).map { .points($0) } ?? .blank]
        }
        var grand = CountyStageRow(county: "合计", stage: "")
        for group in CountyStageRow.rows(for: content.trainees) {
            var subtotal = CountyStageRow(county: group.county, stage: "小计")
            for row in group.stages {
                try table.append(cells(row))
                subtotal.add(row)
            }
            if group.stages.count > 1 { try table.append(cells(subtotal)) }
            grand.add(subtotal)
        }
        try table.append(cells(grand))
        try table.finish()
    }

    // MARK: Anomalies and programme

    /// 异常记录 — every anomaly, in the order found.
    func writeAnomalies() throws(XlsxError) {
        let columns: [TableSheetWriter.Column] = [
            .init("序号"), .init("文件", maximumWidth: 24), .init("行号"), .init("类型", maximumWidth: 20),
            .init("说明", maximumWidth: 80),
        ]
        let table = table(.anomalies, columns, frozenColumns: 0)
        for (i, a) in content.anomalies.enumerated() {
            try table.append([.integer(i + 1), .text(a.file), a.line.map { .integer($0) } ?? .blank,
                              .text(a.kind.label), .text(a.message)])
        }
        for (i, a) in content.notices.enumerated() {
            try table.append([.integer(content.anomalies.count + i + 1), .text(a.file),
                              a.line.map { .integer($0) } ?? .blank, .text("提示：" + a.kind.label), .text(a.message)])
        }
        try table.finish()
    }

    /// 项目信息 — the programme, its period (as Excel dates) and head counts.
    func writeInformation() throws(XlsxError) {
        let table = table(.information, [.init("项目", maximumWidth: 30), .init("内容", maximumWidth: 60)])
        let programme = content.scheme.programme
        let results = content.results
        let trainees = content.trainees
        let passed = trainees.filter(\.passed).count
        var rows: [(String, CellValue)] = [
            ("项目名称", .text(programme.name)), ("发证单位", .text(programme.issuer)),
            ("项目代码", .code(programme.code)),
            ("培训开始日期", .date(programme.periodStart)), ("培训结束日期", .date(programme.periodEnd)),
            ("数据截止日期", .date(results.dataDate)), ("数据类型", .text(results.isMidTerm ? "期中" : "期末")),
            ("发证日期", .date(programme.issueDate)),
        ]
        if let county = content.county { rows.append(("区县", .text(county))) }
        rows += [
            ("学员人数", .integer(trainees.count)), ("合格人数", .integer(passed)),
            ("合格率", .rate(trainees.isEmpty ? .zero : Fraction(passed) / Fraction(trainees.count))),
            ("优秀学员人数", .integer(trainees.filter(\.excellent).count)),
            ("坊主人数", .integer(content.tutors.count)),
            ("优秀辅导教师人数", .integer(content.tutors.filter(\.excellent).count)),
            ("坊数", .integer(content.classes.count)),
        ]
        if content.county == nil {
            rows.append(("异常记录条数", .integer(content.anomalies.count)))
            for input in results.inputs { rows.append(("输入文件 \(input.file) 行数", .integer(input.rows))) }
        }
        for (key, value) in rows { try table.append([.text(key), value]) }
        try table.finish()
    }
}
