/// Ranking and quotas: 1-based positions with no shared ranks, and
/// `floor(ratio × size)` places of honour per scope.
public enum Ranking {
    /// floor(ratio × count).
    public static func quota(ratio: Fraction, count: Int) -> Int {
        let q = Fraction(count) * ratio
        return Int(q.numerator / q.denominator)
    }

    /// Trainee order: total desc, 推优 first, homework points desc, uncapped
    /// counted hours desc, ID asc (plain string order).
    public static func traineePrecedes(_ a: TraineeResult, _ b: TraineeResult) -> Bool {
        if a.total != b.total { return a.total > b.total }
        if a.homework.recommended != b.homework.recommended { return a.homework.recommended }
        if a.homework.points != b.homework.points { return a.homework.points > b.homework.points }
        let ha = a.totalHours, hb = b.totalHours
        if ha != hb { return ha > hb }
        return a.id < b.id
    }

    /// Tutor order: total desc, pass rate desc, participation rate desc, ID asc.
    public static func tutorPrecedes(_ a: TutorResult, _ b: TutorResult) -> Bool {
        if a.total != b.total { return a.total > b.total }
        if a.passRate != b.passRate { return a.passRate > b.passRate }
        if a.participationRate != b.participationRate { return a.participationRate > b.participationRate }
        return a.id < b.id
    }

    /// The key of a trainee's ranking scope.
    static func scopeKey(_ p: Person, _ scope: RankingScope) -> String {
        switch scope {
        case .class: return p.className
        case .school: return p.county + "\u{1F}" + p.school
        case .county: return p.county
        case .programme: return ""
        }
    }

    /// Ranks the 学员 (not 坊主兼学员) within their scopes and marks 优秀学员.
    static func rankTrainees(_ trainees: inout [TraineeResult], rules: TraineeRules) {
        var scopes: [String: [Int]] = [:]
        var order: [String] = []
        for i in trainees.indices where trainees[i].role == .trainee {
            let key = scopeKey(trainees[i].person, rules.excellentScope)
            if scopes[key] == nil { order.append(key) }
            scopes[key, default: []].append(i)
        }
        for key in order {
            guard var members = scopes[key] else { continue }
            members.sort { traineePrecedes(trainees[$0], trainees[$1]) }
            let quota = quota(ratio: rules.excellentRatio, count: members.count)
            for (position, i) in members.enumerated() {
                trainees[i].rank = position + 1
                trainees[i].scopeSize = members.count
                trainees[i].quota = quota
                trainees[i].excellent = position < quota && trainees[i].passed
            }
        }
    }

    /// Ranks all tutors over the programme and marks 优秀辅导教师.
    static func rankTutors(_ tutors: inout [TutorResult], rules: TutorRules) {
        let order = tutors.indices.sorted { tutorPrecedes(tutors[$0], tutors[$1]) }
        let quota = quota(ratio: rules.excellentRatio, count: tutors.count)
        for (position, i) in order.enumerated() {
            tutors[i].rank = position + 1
            tutors[i].excellent = position < quota && tutors[i].passed
        }
    }
}
