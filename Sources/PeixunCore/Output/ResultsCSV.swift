/// `peixun grade --format csv`: one row per trainee, then a blank line and one
/// row per tutor, with the scheme's module and activity names as headers.
public enum ResultsCSV {
    public static func write(_ results: Results, to out: BufferedOutput) throws {
        let s = results.scheme
        var header = ["身份证号", "姓名", "角色", "区县", "单位", "学段", "学科", "坊"]
        header += s.modules.flatMap { ["\($0.name)学时", "\($0.name)得分"] }
        header += s.activities.map { "\($0.name)得分" }
        header += ["作业状态", "作业等级", "推优", "作业得分", "总分", "是否合格", "合格依据", "排名", "优秀学员"]
        out.write(CSVText.row(header.map(CSVText.field)))
        for t in results.trainees {
            let p = t.person
            var row = [p.id, p.name, p.role.rawValue, p.county, p.school, p.stage, p.subject, p.className].map(CSVText.field)
            for (h, pts) in zip(t.hours, t.modulePoints) { row += [h.twoPlaces, pts.description] }
            row += t.activityPoints.map(\.description)
            row += [t.homework.status.label, CSVText.field(t.homework.grade ?? ""), t.homework.recommended ? "是" : "否",
                    t.homework.points.description, t.total.description, t.passed ? "合格" : "不合格",
                    t.passBasis?.rawValue ?? "", t.rank.map(String.init) ?? "", t.excellent ? "是" : "否"]
            out.write(CSVText.row(row))
        }
        out.write("\r\n")
        var tutorHeader = ["身份证号", "姓名", "坊", "学员数", "参训率", "合格率"]
        tutorHeader += TutorPoints(participation: .zero, pass: .zero, announcement: .zero, briefing: .zero, review: .zero,
                                   recommendation: .zero).items.map { "\($0.label)得分" }
        tutorHeader += ["总分", "是否合格", "排名", "优秀辅导教师"]
        out.write(CSVText.row(tutorHeader.map(CSVText.field)))
        for t in results.tutors {
            var row = [t.person.id, t.person.name, t.classes.joined(separator: ";")].map(CSVText.field)
            row += [String(t.counts.trainees), t.participationRate.decimalString(places: 4), t.passRate.decimalString(places: 4)]
            row += t.points.items.map(\.points.description)
            row += [t.total.description, t.passed ? "合格" : "不合格", String(t.rank), t.excellent ? "是" : "否"]
            out.write(CSVText.row(row))
        }
    }
}
