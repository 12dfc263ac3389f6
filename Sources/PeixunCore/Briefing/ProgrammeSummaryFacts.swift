/// 培训总结 — the programme's figures for the bureau: totals and rates by
/// 区县, 学段 and 学科, the score distribution, tutor results, anomalies, and
/// 优秀学员 / 优秀辅导教师 per 区县.
public struct ProgrammeSummaryFacts: Sendable, Equatable {
    /// Figures of a group of 学员 (a 区县, 学段, 学科 or the whole programme).
    public struct Group: Sendable, Equatable {
        public var name: String
        public var trainees: Int
        public var participated: Int
        public var passed: Int
        public var excellent: Int
        public var submitted: Int
        /// Sum of totals in hundredths (for the average).
        var totalHundredths: Int128

        public var participationRate: Fraction { trainees == 0 ? .zero : Fraction(participated) / Fraction(trainees) }
        public var passRate: Fraction { trainees == 0 ? .zero : Fraction(passed) / Fraction(trainees) }
        public var average: Fraction? { trainees == 0 ? nil : Fraction(totalHundredths, Int128(trainees) * 100) }

        init(name: String) {
            self.name = name; trainees = 0; participated = 0; passed = 0; excellent = 0; submitted = 0
            totalHundredths = 0
        }

        mutating func add(_ t: TraineeResult) {
            trainees += 1
            if t.participated { participated += 1 }
            if t.passed { passed += 1 }
            if t.excellent { excellent += 1 }
            if t.homework.status != .missing { submitted += 1 }
            totalHundredths += Int128(t.total.hundredths)
        }
    }

    /// 坊主考核 over the programme.
    public struct TutorFigures: Sendable, Equatable {
        public var tutors: Int
        public var passed: Int
        public var excellent: Int
        public var average: Fraction?
        /// Mean points per assessment item (参训率 … 作业推优) and the item's maximum.
        public var items: [ItemAverage]
        public struct ItemAverage: Sendable, Equatable {
            public var label: String
            public var average: Fraction
            public var maximum: Points
        }
    }

    /// 优秀学员 and 优秀辅导教师 of one 区县.
    public struct Honours: Sendable, Equatable {
        public var county: String
        public var excellentTrainees: Int
        public var excellentTutors: Int
    }

    public struct AnomalyCount: Sendable, Equatable {
        public var kind: Anomaly.Kind
        public var count: Int
        public var label: String { kind.label }
    }

    public var programme: String
    public var issuer: String
    public var periodStart: CivilDate
    public var periodEnd: CivilDate
    public var dataDate: CivilDate
    public var isMidTerm: Bool
    public var remainingDays: Int?
    public var classCount: Int
    /// All 学员 (坊主兼学员 are counted apart).
    public var total: Group
    public var byCounty: [Group]
    public var byStage: [Group]
    public var bySubject: [Group]
    public var tutorTrainees: Int
    public var tutorTraineesPassed: Int
    public var scores: ScoreStatistics
    public var homework: HomeworkFigures
    public var tutors: TutorFigures
    /// By count, most frequent first.
    public var anomalies: [AnomalyCount]
    public var anomalyTotal: Int
    /// In order of first appearance of the 区县.
    public var honours: [Honours]

    public init(results: Results) {
        let scheme = results.scheme
        programme = scheme.programme.name
        issuer = scheme.programme.issuer
        periodStart = scheme.programme.periodStart
        periodEnd = scheme.programme.periodEnd
        dataDate = results.dataDate
        isMidTerm = results.isMidTerm
        remainingDays = BriefingLookup.remainingDays(results)
        classCount = results.classes.count

        var total = Group(name: "合计")
        var county = OrderedGroups(), stage = OrderedGroups(), subject = OrderedGroups()
        var members: [TraineeResult] = []
        members.reserveCapacity(results.trainees.count)
        var tt = 0, ttPassed = 0
        for t in results.trainees {
            if t.role == .tutorTrainee {
                tt += 1
                if t.passed { ttPassed += 1 }
                continue
            }
            members.append(t)
            total.add(t)
            county.add(t, key: t.person.county)
            stage.add(t, key: t.person.stage)
            subject.add(t, key: t.person.subject)
        }
        self.total = total
        byCounty = county.groups
        byStage = stage.groups
        bySubject = subject.groups
        tutorTrainees = tt
        tutorTraineesPassed = ttPassed
        scores = ScoreStatistics(totals: members.map(\.total), passScore: scheme.trainee.passScore,
                                 maximum: scheme.maximumTraineePoints)
        homework = HomeworkFigures(of: members, scheme: scheme)

        // Tutors.
        var sums = [Int64](repeating: 0, count: 6)
        var tutorSum: Int64 = 0
        var passedTutors = 0, excellentTutors = 0
        var tutorsPerCounty = [String: Int]()
        for t in results.tutors {
            let items = t.points.items
            for k in 0..<min(6, items.count) { sums[k] += items[k].points.hundredths }
            tutorSum += t.total.hundredths
            if t.passed { passedTutors += 1 }
            if t.excellent { excellentTutors += 1; tutorsPerCounty[t.person.county, default: 0] += 1 }
        }
        let n = results.tutors.count
        let maxima: [Fraction] = [scheme.tutor.participationBands.first?.points ?? .zero,
                                  scheme.tutor.passRateBands.first?.points ?? .zero,
                                  scheme.tutor.announcement.maximumPoints, scheme.tutor.briefing.maximumPoints,
                                  scheme.tutor.review.points, scheme.tutor.recommendation.points]
        let labels = ["参训率", "合格率", "研修公告", "研修简报", "点评作业", "作业推优"]
        tutors = TutorFigures(
            tutors: n, passed: passedTutors, excellent: excellentTutors,
            average: n == 0 ? nil : Fraction(Int128(tutorSum), Int128(n) * 100),
            items: (0..<6).map {
                TutorFigures.ItemAverage(label: labels[$0],
                                         average: n == 0 ? .zero : Fraction(Int128(sums[$0]), Int128(n) * 100),
                                         maximum: Points(rounding: maxima[$0]))
            })

        var kinds = [Anomaly.Kind: Int]()
        for a in results.anomalies { kinds[a.kind, default: 0] += 1 }
        anomalies = Anomaly.Kind.allCases.compactMap { k in kinds[k].map { AnomalyCount(kind: k, count: $0) } }
            .enumerated().sorted { $0.element.count != $1.element.count ? $0.element.count > $1.element.count : $0.offset < $1.offset }
            .map(\.element)
        anomalyTotal = results.anomalies.count

        var order = byCounty.map(\.name)
        for t in results.tutors where t.excellent && !order.contains(t.person.county) { order.append(t.person.county) }
        let excellentPerCounty = Dictionary(uniqueKeysWithValues: byCounty.map { ($0.name, $0.excellent) })
        honours = order.map {
            Honours(county: $0, excellentTrainees: excellentPerCounty[$0] ?? 0, excellentTutors: tutorsPerCounty[$0] ?? 0)
        }
    }
}

/// Groups keyed by name, in order of first appearance.
struct OrderedGroups {
    private var index = [String: Int]()
    private(set) var groups: [ProgrammeSummaryFacts.Group] = []

    mutating func add(_ t: TraineeResult, key: String) {
        let name = key.isEmpty ? "（未填）" : key
        if let i = index[name] {
            groups[i].add(t)
        } else {
            index[name] = groups.count
            var g = ProgrammeSummaryFacts.Group(name: name)
            g.add(t)
            groups.append(g)
        }
    }
}
