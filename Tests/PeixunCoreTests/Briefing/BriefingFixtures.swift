import PeixunCore

/// Hand-made `Results` for the briefing tests, graded by the seed's formulas
/// (written out here so the expectations stay hand-checkable).
enum BriefingFixtures {
    static let repoRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)  // Briefing/, PeixunCoreTests/, Tests/ and the file
        return parts.joined(separator: "/")
    }()

    static func seedScheme() throws -> Scheme {
        try SchemeLoader.load(path: repoRoot + "/seeds/xuchang-2021-1/scheme.toml")
    }

    static var idCounter = 0

    /// A valid 18-character ID, distinct per call.
    static func makeID(_ n: Int) -> String {
        let body = "4110021980010" + String(1000 + n % 9000)
        let digits = Array(body.utf8)
        let check = IDNumber.checkCharacter(for: digits)
        return body + String(UnicodeScalar(check))
    }

    static func person(_ name: String, n: Int, className: String = "魏都区初中数学一坊", county: String = "魏都区",
                       school: String = "许昌市第一中学", stage: String = "初中", subject: String = "数学",
                       role: Role = .trainee) -> Person {
        Person(id: makeID(n), name: name, gender: "女", county: county, school: school, stage: stage,
               subject: subject, className: className, role: role, line: n + 1)
    }

    /// A trainee graded like the seed: module points = points × min(h, req) / req.
    static func trainee(_ scheme: Scheme, _ person: Person, hours: [Int], activities: [Bool],
                        homework: HomeworkStatus, grade: String? = nil, recommended: Bool = false,
                        rank: Int? = nil, excellent: Bool = false) -> TraineeResult {
        let h = hours.map { Hours(whole: $0) }
        let modulePoints = zip(scheme.modules, h).map { m, x in
            Points(rounding: m.points * min(x, m.requiredHours).fraction / m.requiredHours.fraction)
        }
        let activityPoints = zip(scheme.activities, activities).map { a, done in done ? Points(rounding: a.points) : .zero }
        let hwPoints = grade.flatMap { scheme.homework.grade(named: $0) }.map { Points(rounding: $0.points) } ?? .zero
        let hw = HomeworkOutcome(status: homework, grade: grade, recommended: recommended, points: hwPoints,
                                 submittedAt: homework == .missing ? nil : Timestamp(date: CivilDate(year: 2021, month: 11, day: 1)!))
        let total = modulePoints.reduce(.zero, +) + activityPoints.reduce(.zero, +) + hwPoints
        let participated = h.contains { $0 > .zero } || activities.contains(true) || homework != .missing
        let passed = total.fraction >= scheme.trainee.passScore
        return TraineeResult(person: person, hours: h, modulePoints: modulePoints, activitiesCompleted: activities,
                             activityPoints: activityPoints, homework: hw, total: total, passed: passed,
                             passBasis: passed ? .score : nil, rank: rank, scopeSize: nil, quota: nil,
                             excellent: excellent, participated: participated, certificates: [])
    }

    /// 坊 一坊 of five 学员 (totals 100, 92, 74, 88, 0) and its tutor 周老师.
    static func oneClass(dataDate: CivilDate? = nil) throws -> Results {
        let s = try seedScheme()
        let trainees = [
            trainee(s, person("甲一", n: 1), hours: [15, 15, 10, 20], activities: [true, true], homework: .graded,
                    grade: "优秀", recommended: true, rank: 1, excellent: true),
            trainee(s, person("乙二", n: 2), hours: [15, 15, 10, 14], activities: [true, true], homework: .graded,
                    grade: "良好", rank: 2),
            trainee(s, person("丙三", n: 3), hours: [15, 15, 10, 14], activities: [true, false], homework: .missing, rank: 4),
            trainee(s, person("丁四", n: 4), hours: [15, 15, 10, 18], activities: [true, true], homework: .pending, rank: 3),
            trainee(s, person("戊五", n: 5), hours: [0, 0, 0, 0], activities: [false, false], homework: .missing, rank: 5),
        ]
        let tutorPerson = person("周老师", n: 9, role: .tutor)
        let counts = ClassCounts(of: trainees)
        let points = TutorPoints(participation: Points(hundredths: 1600), pass: .zero, announcement: Points(hundredths: 500),
                                 briefing: Points(hundredths: 1000), review: .zero, recommendation: Points(hundredths: 2000))
        let tutor = TutorResult(person: tutorPerson, classes: ["魏都区初中数学一坊"], counts: counts, announcements: 1,
                                briefings: 2, points: points, total: points.total, passed: false, rank: 1,
                                excellent: false, certificates: [])
        let klass = ClassResult(name: "魏都区初中数学一坊", county: "魏都区", stage: "初中", subject: "数学",
                                tutorIDs: [tutorPerson.id], traineeIndices: [0, 1, 2, 3, 4], counts: counts)
        let end = s.programme.periodEnd
        let date = dataDate ?? end
        return Results(scheme: s, dataDate: date, isMidTerm: date < end, trainees: trainees, tutors: [tutor],
                       classes: [klass], anomalies: [], inputs: [])
    }
}
