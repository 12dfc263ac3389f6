/// 作业情况 — effective submissions by status and grade.
public struct HomeworkFigures: Sendable, Equatable {
    public var trainees: Int
    public var graded: Int
    public var pending: Int
    public var missing: Int
    public var recommended: Int
    /// Graded submissions per grade, in the scheme's order (best first).
    public var byGrade: [GradeCount]

    public struct GradeCount: Sendable, Equatable {
        public var grade: String
        public var count: Int
    }

    public var submitted: Int { graded + pending }

    public init(of members: [TraineeResult], scheme: Scheme) {
        trainees = members.count
        var g = 0, p = 0, m = 0, r = 0
        var perGrade = [String: Int]()
        for t in members {
            switch t.homework.status {
            case .graded:
                g += 1
                if let name = t.homework.grade { perGrade[name, default: 0] += 1 }
            case .pending: p += 1
            case .missing: m += 1
            }
            if t.homework.recommended { r += 1 }
        }
        graded = g; pending = p; missing = m; recommended = r
        byGrade = scheme.homework.grades.map { GradeCount(grade: $0.name, count: perGrade[$0.name] ?? 0) }
    }

}
