import Foundation
import PeixunCore

/// Graded `Results` made up for the briefing render tests and the benchmark:
/// deterministic (a seeded LCG), graded with the seed scheme's formulas.
enum SyntheticResults {
    static let repoRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)
        return parts.joined(separator: "/")
    }()

    static func seedScheme() throws -> Scheme {
        try SchemeLoader.load(path: repoRoot + "/seeds/xuchang-2021-1/scheme.toml")
    }

    struct LCG {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    }

    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
    static let given = Array("伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华玉兰红梅建国志文辉玲燕鹏飞雪琳晓慧婷颖")
    static let counties = ["魏都区", "建安区", "东城区", "禹州市", "长葛市", "鄢陵县", "襄城县"]
    static let stages = ["小学", "初中", "高中"]
    static let subjects = ["语文", "数学", "英语", "物理", "化学", "道德与法治", "信息技术", "音乐"]

    static func id(_ n: Int) -> String {
        var s = "41100219800101"
        let tail = String(n % 1000)
        s += String(repeating: "0", count: 3 - tail.count) + tail
        let check = IDNumber.checkCharacter(for: Array(s.utf8))
        return s + String(UnicodeScalar(check))
    }

    /// `classes` 坊 of `perClass` 学员 each and one 坊主 each.
    static func make(classes: Int, perClass: Int, seed: UInt64 = 1, asOf: CivilDate? = nil,
                     longNames: Bool = false, noSubmissions: Bool = false) throws -> Results {
        let s = try seedScheme()
        var rng = LCG(state: seed)
        var trainees: [TraineeResult] = []
        var tutors: [TutorResult] = []
        var klasses: [ClassResult] = []
        var serial = 0
        for c in 0..<classes {
            let county = counties[c % counties.count]
            let stage = stages[c % stages.count]
            let subject = subjects[c % subjects.count]
            let className = longNames
                ? "\(county)\(stage)\(subject)“十四五”第一期全员岗位培训信息技术应用能力提升工程2.0第\(c + 1)研修坊（名师工作室联合体）"
                : "\(county)\(stage)\(subject)\(c + 1)坊"
            var indices: [Int] = []
            var members: [TraineeResult] = []
            for _ in 0..<perClass {
                serial += 1
                let name = String(surnames[rng.below(surnames.count)]) + String(given[rng.below(given.count)])
                    + (rng.chance(60) ? String(given[rng.below(given.count)]) : "")
                let school = longNames || rng.chance(10)
                    ? "许昌市\(county)第\(rng.below(30) + 1)实验学校（原\(county)教师进修学校附属小学）"
                    : "\(county)第\(rng.below(30) + 1)\(stage == "小学" ? "小学" : "中学")"
                let person = Person(id: id(serial), name: name, gender: rng.chance(70) ? "女" : "男", county: county,
                                    school: school, stage: stage, subject: subject, className: className,
                                    role: .trainee, line: serial + 1)
                let active = rng.chance(93)
                let hours = s.modules.map { m -> Hours in
                    guard active else { return .zero }
                    let req = Int(m.requiredHours.units / Hours.scale)
                    return Hours(whole: rng.chance(75) ? req + rng.below(4) : rng.below(req + 1))
                }
                let acts = s.activities.map { _ in active && rng.chance(85) }
                var status: HomeworkStatus = !active || noSubmissions ? .missing
                    : rng.chance(80) ? .graded : rng.chance(50) ? .pending : .missing
                if noSubmissions { status = .missing }
                let gradeName = status == .graded ? s.homework.grades[rng.below(s.homework.grades.count)].name : nil
                members.append(grade(s, person, hours: hours, activities: acts, status: status, grade: gradeName,
                                     recommended: status != .missing && rng.chance(12)))
            }
            // Rank within the 坊 like the contract (total desc, 推优, homework points, hours, ID).
            let order = members.indices.sorted { a, b in
                let x = members[a], y = members[b]
                if x.total != y.total { return x.total > y.total }
                if x.homework.recommended != y.homework.recommended { return x.homework.recommended }
                if x.homework.points != y.homework.points { return x.homework.points > y.homework.points }
                if x.totalHours != y.totalHours { return x.totalHours > y.totalHours }
                return x.id < y.id
            }
            let quota = perClass / 10
            for (r, i) in order.enumerated() {
                members[i].rank = r + 1
                members[i].scopeSize = perClass
                members[i].quota = quota
                members[i].excellent = r < quota && members[i].passed
            }
            for m in members { indices.append(trainees.count); trainees.append(m) }
            serial += 1
            let tutorPerson = Person(id: id(serial), name: "坊主" + String(surnames[c % surnames.count]) + "老师",
                                     gender: "女", county: county, school: "\(county)教师进修学校", stage: stage,
                                     subject: subject, className: className, role: .tutor, line: serial + 1)
            let counts = ClassCounts(of: members)
            let tutor = gradeTutor(s, tutorPerson, className: className, counts: counts,
                                   announcements: rng.below(2), briefings: rng.below(4))
            tutors.append(tutor)
            klasses.append(ClassResult(name: className, county: county, stage: stage, subject: subject,
                                       tutorIDs: [tutorPerson.id], traineeIndices: indices, counts: counts))
        }
        // Tutor ranking over the programme.
        let order = tutors.indices.sorted { tutors[$0].total != tutors[$1].total ? tutors[$0].total > tutors[$1].total
                                                                                   : tutors[$0].id < tutors[$1].id }
        for (r, i) in order.enumerated() {
            tutors[i].rank = r + 1
            tutors[i].excellent = r < tutors.count / 10 && tutors[i].passed
        }
        let end = s.programme.periodEnd
        let date = asOf ?? end
        let anomalies = (0..<(classes * 2)).map {
            Anomaly(file: "courses.csv", line: $0 + 2, kind: $0 % 3 == 0 ? .unknownID : .outOfPeriod, message: "synthetic")
        }
        return Results(scheme: s, dataDate: date, isMidTerm: date < end, trainees: trainees, tutors: tutors,
                       classes: klasses, anomalies: anomalies, inputs: [])
    }

    static func grade(_ s: Scheme, _ person: Person, hours: [Hours], activities: [Bool], status: HomeworkStatus,
                      grade: String?, recommended: Bool) -> TraineeResult {
        let modulePoints = zip(s.modules, hours).map { m, h in
            Points(rounding: m.points * min(h, m.requiredHours).fraction / m.requiredHours.fraction)
        }
        let activityPoints = zip(s.activities, activities).map { a, d in d ? Points(rounding: a.points) : .zero }
        let hw = grade.flatMap { s.homework.grade(named: $0) }.map { Points(rounding: $0.points) } ?? .zero
        let total = modulePoints.reduce(.zero, +) + activityPoints.reduce(.zero, +) + hw
        let passed = total.fraction >= s.trainee.passScore
        return TraineeResult(person: person, hours: hours, modulePoints: modulePoints, activitiesCompleted: activities,
                             activityPoints: activityPoints,
                             homework: HomeworkOutcome(status: status, grade: grade, recommended: recommended, points: hw,
                                                       submittedAt: nil),
                             total: total, passed: passed, passBasis: passed ? .score : nil, rank: nil, scopeSize: nil,
                             quota: nil, excellent: false,
                             participated: hours.contains { $0 > .zero } || activities.contains(true) || status != .missing,
                             certificates: [])
    }

    static func gradeTutor(_ s: Scheme, _ person: Person, className: String, counts: ClassCounts,
                           announcements: Int, briefings: Int) -> TutorResult {
        func band(_ bands: [RateBand], _ rate: Fraction) -> Points {
            Points(rounding: bands.first { rate >= $0.minimumRate }?.points ?? .zero)
        }
        let t = s.tutor
        let points = TutorPoints(
            participation: band(t.participationBands, counts.participationRate),
            pass: band(t.passRateBands, counts.passRate),
            announcement: Points(rounding: t.announcement.pointsEach * Fraction(min(announcements, t.announcement.maximumCount))),
            briefing: Points(rounding: t.briefing.pointsEach * Fraction(min(briefings, t.briefing.maximumCount))),
            review: counts.submitted > 0 && counts.reviewRate >= t.review.minimumRate ? Points(rounding: t.review.points) : .zero,
            recommendation: counts.submitted > 0 && counts.recommendationRate >= t.recommendation.minimumRate
                ? Points(rounding: t.recommendation.points) : .zero)
        return TutorResult(person: person, classes: [className], counts: counts, announcements: announcements,
                           briefings: briefings, points: points, total: points.total,
                           passed: points.total.fraction >= t.passScore, rank: 0, excellent: false, certificates: [])
    }
}
