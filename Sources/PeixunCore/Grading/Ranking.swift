import Foundation

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

    /// Ranks the 学员 (not 坊主兼学员) within their scopes and marks 优秀学员. `classGroups`, when
    /// given, are the 学员 indices of each 坊 in trainee order (what a class scope groups anyway).
    static func rankTrainees(_ trainees: inout [TraineeResult], rules: TraineeRules, classGroups: [[Int]]? = nil) {
        let groups: [[Int]]
        if rules.excellentScope == .class, let classGroups {
            groups = classGroups.filter { !$0.isEmpty }
        } else {
            var scopes: [String: Int] = [:]
            var members: [[Int]] = []
            for i in trainees.indices where trainees[i].role == .trainee {
                let key = scopeKey(trainees[i].person, rules.excellentScope)
                if let g = scopes[key] {
                    members[g].append(i)
                } else {
                    scopes[key] = members.count
                    members.append([i])
                }
            }
            groups = members
        }
        rank(&trainees, groups: groups, ratio: rules.excellentRatio)
    }

    /// Sorts each scope's members and sets their places; scopes are independent (they share
    /// no trainee), so runs of scopes are ranked on all cores.
    static func rank(_ trainees: inout [TraineeResult], groups: [[Int]], ratio: Fraction,
                     parts: Int = RecordStage.partCount, minimumPerPart: Int = 16) {
        let parts = max(1, min(parts, groups.count / max(1, minimumPerPart)))
        trainees.withUnsafeMutableBufferPointer { buffer in
            let shared = RankedTrainees(trainees: buffer)
            DispatchQueue.concurrentPerform(iterations: parts) { k in
                for g in (groups.count * k / parts)..<(groups.count * (k + 1) / parts) {
                    shared.rank(groups[g], ratio: ratio)
                }
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

/// The trainees being ranked, shared by the threads of `Ranking.rank`: each thread reads and
/// writes only the members of its own scopes.
private struct RankedTrainees: @unchecked Sendable {
    let trainees: UnsafeMutableBufferPointer<TraineeResult>

    func rank(_ group: [Int], ratio: Fraction) {
        var members = group
        members.sort { Ranking.traineePrecedes(trainees[$0], trainees[$1]) }
        let quota = Ranking.quota(ratio: ratio, count: members.count)
        for (position, i) in members.enumerated() {
            trainees[i].rank = position + 1
            trainees[i].scopeSize = members.count
            trainees[i].quota = quota
            trainees[i].excellent = position < quota && trainees[i].passed
        }
    }
}
