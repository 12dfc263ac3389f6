/// 差什么 — what a trainee who has not passed still lacks, item by item, per
/// the scheme. Reaching the pass score may not need every item: `gap` says how
/// many points are missing, `available` how many the listed items could add.
public struct TraineeLacks: Sendable, Equatable {
    /// A module whose counted hours are below the required hours.
    public struct ModuleShortfall: Sendable, Equatable {
        public var module: String
        public var counted: Hours
        public var required: Hours
        /// required − counted.
        public var missing: Hours
        /// Points the missing hours would add.
        public var points: Points
    }

    /// An activity not completed (in period).
    public struct ActivityShortfall: Sendable, Equatable {
        public var activity: String
        public var points: Points
    }

    /// Homework not submitted, or submitted and not yet graded.
    public struct HomeworkShortfall: Sendable, Equatable {
        public var homework: String
        /// `.missing` (未提交) or `.pending` (待批阅).
        public var status: HomeworkStatus
        /// The best grade's points.
        public var points: Points
    }

    /// Index into `Results.trainees`.
    public var traineeIndex: Int
    public var name: String
    public var school: String
    public var role: Role
    public var total: Points
    /// Pass score − total (> 0 for a trainee who has not passed).
    public var gap: Fraction
    public var modules: [ModuleShortfall]
    public var activities: [ActivityShortfall]
    public var homework: HomeworkShortfall?
    /// 坊主兼学员: counted hours still missing for the hours rule (40 in the seed).
    public var tutorHoursMissing: Hours?
    /// The scheme's number of modules and activities.
    var moduleCount: Int
    var activityCount: Int

    /// Points the listed items could still add.
    public var available: Points {
        modules.reduce(Points.zero) { $0 + $1.points } + activities.reduce(Points.zero) { $0 + $1.points }
            + (homework?.points ?? .zero)
    }

    /// Whether completing the listed items would reach the pass score.
    public var canStillPass: Bool {
        available.fraction >= gap || (tutorHoursMissing != nil)
    }

    /// The items in the briefing's words:
    /// `["信息技术 还差 6 学时", "活动 信息技术应用大PK 未完成", "作业 未提交"]`.
    public var items: [String] {
        var out: [String] = []
        for m in modules { out.append("\(m.module) 还差 \(BriefingFormat.hoursNeeded(m.missing)) 学时") }
        for a in activities { out.append("活动 \(a.activity) 未完成") }
        if let h = homework { out.append("作业 \(h.status.label)") }
        if let t = tutorHoursMissing { out.append("坊主兼学员 共还差 \(BriefingFormat.hoursNeeded(t)) 学时") }
        return out
    }

    /// Nothing counted at all: no hours, no activity, no submission.
    public var nothingDone: Bool {
        !modules.isEmpty && modules.allSatisfy { $0.counted == .zero } && modules.count == moduleCount
            && activities.count == activityCount && homework?.status == .missing
    }

    /// `信息技术 还差 6 学时；活动 信息技术应用大PK 未完成；作业 未提交`; for
    /// someone who has done nothing yet, one line: `尚未参训：4 个模块共 60 学时、2 项活动、作业均未完成`.
    public var summary: String {
        if nothingDone {
            let hours = modules.reduce(Hours.zero) { $0 + $1.missing }
            var parts = ["\(modules.count) 个模块共 \(BriefingFormat.hoursNeeded(hours)) 学时"]
            if !activities.isEmpty { parts.append("\(activities.count) 项活动") }
            parts.append("作业")
            var s = "尚未参训：" + parts.joined(separator: "、") + "均未完成"
            if let t = tutorHoursMissing { s += "；坊主兼学员 共还差 \(BriefingFormat.hoursNeeded(t)) 学时" }
            return s
        }
        let list = items
        return list.isEmpty ? "各项已完成" : list.joined(separator: "；")
    }

    /// `差 4 分` — the distance to the pass line.
    public var gapText: String { "差 \(BriefingFormat.pointsNeeded(gap)) 分" }
}

extension TraineeLacks {
    /// What `trainee` lacks under `scheme`; nil when the trainee has passed.
    public init?(trainee: TraineeResult, index: Int, scheme: Scheme) {
        guard !trainee.passed else { return nil }
        traineeIndex = index
        name = trainee.person.name
        school = trainee.person.school
        role = trainee.role
        total = trainee.total
        gap = scheme.trainee.passScore - trainee.total.fraction
        moduleCount = scheme.modules.count
        activityCount = scheme.activities.count
        modules = []
        for (i, module) in scheme.modules.enumerated() {
            let counted = i < trainee.hours.count ? trainee.hours[i] : .zero
            guard counted < module.requiredHours else { continue }
            let earned = i < trainee.modulePoints.count ? trainee.modulePoints[i] : .zero
            let full = Points(rounding: module.points)
            modules.append(ModuleShortfall(module: module.name, counted: counted, required: module.requiredHours,
                                           missing: module.requiredHours - counted,
                                           points: max(.zero, full - earned)))
        }
        activities = []
        for (i, activity) in scheme.activities.enumerated() {
            let done = i < trainee.activitiesCompleted.count && trainee.activitiesCompleted[i]
            guard !done else { continue }
            activities.append(ActivityShortfall(activity: activity.name, points: Points(rounding: activity.points)))
        }
        switch trainee.homework.status {
        case .graded:
            homework = nil
        case .missing, .pending:
            homework = HomeworkShortfall(homework: scheme.homework.name, status: trainee.homework.status,
                                         points: Points(rounding: scheme.homework.maximumPoints))
        }
        if trainee.role == .tutorTrainee, trainee.totalHours < scheme.tutorTrainee.hoursToPass {
            tutorHoursMissing = scheme.tutorTrainee.hoursToPass - trainee.totalHours
        } else {
            tutorHoursMissing = nil
        }
    }

    /// The chase order: closest to the pass line first, then fewer missing
    /// items, then roster order.
    public static func chaseOrder(_ a: TraineeLacks, _ b: TraineeLacks) -> Bool {
        if a.gap != b.gap { return a.gap < b.gap }
        let ai = a.items.count, bi = b.items.count
        if ai != bi { return ai < bi }
        return a.traineeIndex < b.traineeIndex
    }

    /// Lacks of the not-passed trainees among `indices`, in chase order.
    public static func list(results: Results, indices: [Int]) -> [TraineeLacks] {
        indices.compactMap { i in TraineeLacks(trainee: results.trainees[i], index: i, scheme: results.scheme) }
            .sorted(by: chaseOrder)
    }
}
