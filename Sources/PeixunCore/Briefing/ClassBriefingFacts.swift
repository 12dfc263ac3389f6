/// 坊简报 — everything a 坊's briefing says, computed from `Results` with
/// exact arithmetic. The PDF and the Markdown only format these values.
public struct ClassBriefingFacts: Sendable, Equatable {
    /// Average counted hours of one module against its required hours.
    public struct ModuleHours: Sendable, Equatable {
        public var module: String
        public var required: Hours
        /// Mean counted hours, uncapped; nil without trainees.
        public var average: Fraction?
        /// Mean counted hours capped at the required hours (what earns points).
        public var averageCapped: Fraction?
        /// Trainees with at least the required hours.
        public var reached: Int
    }

    /// Completions of one activity.
    public struct ActivityCompletion: Sendable, Equatable {
        public var activity: String
        public var completed: Int
    }

    /// A 优秀学员 or a 推优 homework, for the lists.
    public struct Listed: Sendable, Equatable {
        public var name: String
        public var school: String
        public var total: Points
        /// 推优作业: the grade (or 待批阅).
        public var note: String
    }

    public var programme: String
    public var className: String
    public var county: String
    public var stage: String
    public var subject: String
    /// Names of the 坊's tutors (坊主); empty when it has none.
    public var tutorNames: [String]
    public var dataDate: CivilDate
    public var isMidTerm: Bool
    /// Days from the data date to the period's end (mid-term only).
    public var remainingDays: Int?
    public var periodEnd: CivilDate
    /// Counts over the 坊's 学员.
    public var counts: ClassCounts
    public var homework: HomeworkFigures
    public var scores: ScoreStatistics
    public var modules: [ModuleHours]
    public var activities: [ActivityCompletion]
    public var tutors: [TutorAssessmentFacts]
    /// 优秀学员, by rank.
    public var excellent: [Listed]
    /// 推优作业, in roster order.
    public var recommendedHomework: [Listed]
    /// Who has not passed and what they lack, closest first (学员 and the
    /// 坊's 坊主兼学员).
    public var lacks: [TraineeLacks]

    public init(results: Results, classIndex: Int, lookup: BriefingLookup) {
        let klass = results.classes[classIndex]
        let scheme = results.scheme
        programme = scheme.programme.name
        className = klass.name
        county = klass.county
        stage = klass.stage
        subject = klass.subject
        let tutorIndices = klass.tutorIDs.compactMap { lookup.tutorIndex[$0] }
        tutorNames = tutorIndices.map { results.tutors[$0].person.name }
        dataDate = results.dataDate
        isMidTerm = results.isMidTerm
        periodEnd = scheme.programme.periodEnd
        remainingDays = BriefingLookup.remainingDays(results)
        let members = klass.traineeIndices.map { results.trainees[$0] }
        counts = ClassCounts(of: members)
        homework = HomeworkFigures(of: members, scheme: scheme)
        scores = ScoreStatistics(totals: members.map(\.total), passScore: scheme.trainee.passScore,
                                 maximum: scheme.maximumTraineePoints)
        modules = scheme.modules.enumerated().map { i, module in
            ModuleHours(members: members, moduleIndex: i, module: module)
        }
        activities = scheme.activities.enumerated().map { i, activity in
            ActivityCompletion(activity: activity.name,
                               completed: members.filter { i < $0.activitiesCompleted.count && $0.activitiesCompleted[i] }.count)
        }
        tutors = tutorIndices.map {
            TutorAssessmentFacts(tutor: results.tutors[$0], scheme: scheme, tutorCount: results.tutors.count)
        }
        excellent = members.filter(\.excellent)
            .sorted { ($0.rank ?? Int.max) < ($1.rank ?? Int.max) }
            .map { Listed(name: $0.person.name, school: $0.person.school, total: $0.total, note: "第 \($0.rank ?? 0) 名") }
        recommendedHomework = members.filter(\.homework.recommended).map {
            Listed(name: $0.person.name, school: $0.person.school, total: $0.total,
                   note: $0.homework.grade ?? $0.homework.status.label)
        }
        // 坊主兼学员 of this 坊 are chased too (they pass by hours or by score).
        let tutorTrainees = klass.tutorIDs.compactMap { lookup.traineeIndex[$0] }
            .filter { results.trainees[$0].person.className == klass.name }
        lacks = TraineeLacks.list(results: results, indices: klass.traineeIndices + tutorTrainees)
    }

    /// Facts for every 坊, in the order of `results.classes`.
    public static func all(results: Results) -> [ClassBriefingFacts] {
        let lookup = BriefingLookup(results: results)
        return results.classes.indices.map { ClassBriefingFacts(results: results, classIndex: $0, lookup: lookup) }
    }
}

extension ClassBriefingFacts.ModuleHours {
    init(members: [TraineeResult], moduleIndex i: Int, module: Module) {
        self.module = module.name
        required = module.requiredHours
        var sum: Int128 = 0, capped: Int128 = 0, reached = 0
        for m in members {
            let h = i < m.hours.count ? m.hours[i].units : 0
            sum += h
            capped += min(h, module.requiredHours.units)
            if h >= module.requiredHours.units { reached += 1 }
        }
        self.reached = reached
        if members.isEmpty {
            average = nil; averageCapped = nil
        } else {
            // Display averages, to a millionth of an hour: keeps the fractions small
            // (a raw 10⁻¹⁸ denominator times a count could overflow comparisons).
            average = Self.micro(sum, members.count)
            averageCapped = Self.micro(capped, members.count)
        }
    }
}

extension ClassBriefingFacts.ModuleHours {
    /// `units / count` hours, rounded half-up to 10⁻⁶ h.
    static func micro(_ units: Int128, _ count: Int) -> Fraction {
        let d = Int128(count) * (Hours.scale / 1_000_000)
        return Fraction((units + d / 2) / d, 1_000_000)
    }
}

extension ClassCounts {
    /// The counts over `members` (the 坊's 学员), as grading defines them.
    public init(of members: [TraineeResult]) {
        self.init()
        trainees = members.count
        for m in members {
            if m.participated { participated += 1 }
            if m.passed { passed += 1 }
            if m.homework.status != .missing { submitted += 1 }
            if m.homework.status == .graded { graded += 1 }
            if m.homework.recommended { recommended += 1 }
            if m.excellent { excellent += 1 }
        }
    }
}
