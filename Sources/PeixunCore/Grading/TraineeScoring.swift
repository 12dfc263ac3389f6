/// 学员考核 — a trainee's points, item by item, each rounded once (half-up,
/// two decimals); the total is the sum of the rounded items.
enum TraineeScoring {
    /// `points × min(hours, required) / required`, rounded.
    static func modulePoints(_ module: Module, hours: Hours) -> Points {
        // The required hours or more: the module's full points (most trainees; no division).
        if hours >= module.requiredHours { return Points(rounding: module.points) }
        let counted = hours
        return Points(rounding: module.points * counted.fraction / module.requiredHours.fraction)
    }

    static func homework(_ rule: HomeworkRule, grade: Int16, recommended: Bool, time: Int64) -> HomeworkOutcome {
        switch grade {
        case Ledger.noHomework:
            return .missing
        case Ledger.pending:
            return HomeworkOutcome(status: .pending, grade: nil, recommended: recommended, points: .zero,
                                   submittedAt: Timestamp(seconds: time))
        default:
            let g = rule.grades[Int(grade)]
            return HomeworkOutcome(status: .graded, grade: g.name, recommended: recommended,
                                   points: Points(rounding: g.points), submittedAt: Timestamp(seconds: time))
        }
    }

    /// Everything but rank, excellence and the tutor-trainee concession.
    static func score(person: Person, index p: Int, ledger: Ledger, scheme: Scheme) -> TraineeResult {
        let hours = scheme.modules.indices.map { ledger.hours(person: p, module: $0) }
        let modulePoints = zip(scheme.modules, hours).map { Self.modulePoints($0, hours: $1) }
        let done = scheme.activities.indices.map { ledger.activityDone(person: p, activity: $0) }
        let activityPoints = zip(scheme.activities, done).map { $1 ? Points(rounding: $0.points) : .zero }
        let hw = homework(scheme.homework, grade: ledger.homeworkGrade[p],
                          recommended: ledger.homeworkRecommended[p], time: ledger.homeworkTime[p])
        let total = modulePoints.reduce(.zero, +) + activityPoints.reduce(.zero, +) + hw.points
        let passed = total.fraction >= scheme.trainee.passScore
        return TraineeResult(
            person: person, hours: hours, modulePoints: modulePoints, activitiesCompleted: done,
            activityPoints: activityPoints, homework: hw, total: total, passed: passed,
            passBasis: passed ? .score : nil, rank: nil, scopeSize: nil, quota: nil, excellent: false,
            participated: ledger.hasCourse[p] || done.contains(true) || hw.status != .missing,
            certificates: [])
    }

    /// 坊主兼学员: passes by the normal rule, or with enough counted hours
    /// (the plain sum over modules), fewer if they are 优秀辅导教师.
    static func applyTutorConcession(_ t: inout TraineeResult, excellentTutor: Bool, rules: TutorTraineeRules) {
        if t.passed { t.passBasis = .score; return }
        let hours = t.totalHours
        if hours >= rules.hoursToPass {
            t.passed = true; t.passBasis = .tutorHours40
        } else if excellentTutor && hours >= rules.hoursToPassIfExcellentTutor {
            t.passed = true; t.passBasis = .tutorHours30
        }
    }
}
