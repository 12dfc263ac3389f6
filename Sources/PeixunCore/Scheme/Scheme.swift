/// A programme's rules (实施方案) as data. Everything the seed plan fixes —
/// modules, hours, weights, thresholds, quotas — lives here, read from a TOML
/// scheme file, so another programme needs a new file, not a new build.
public struct Scheme: Sendable, Equatable {
    public var version: Int
    public var programme: Programme
    public var modules: [Module]
    public var activities: [Activity]
    public var homework: HomeworkRule
    public var trainee: TraineeRules
    public var tutor: TutorRules
    public var tutorTrainee: TutorTraineeRules
    public var certificates: CertificateRules

    public init(version: Int, programme: Programme, modules: [Module], activities: [Activity],
                homework: HomeworkRule, trainee: TraineeRules, tutor: TutorRules,
                tutorTrainee: TutorTraineeRules, certificates: CertificateRules) {
        self.version = version; self.programme = programme; self.modules = modules
        self.activities = activities; self.homework = homework; self.trainee = trainee
        self.tutor = tutor; self.tutorTrainee = tutorTrainee; self.certificates = certificates
    }

    /// The highest score a trainee can reach (100 in the seed).
    public var maximumTraineePoints: Fraction {
        modules.reduce(Fraction.zero) { $0 + $1.points } + activities.reduce(Fraction.zero) { $0 + $1.points }
            + homework.maximumPoints
    }

    public func moduleIndex(named name: String) -> Int? { modules.firstIndex { $0.name == name } }
    public func activityIndex(named name: String) -> Int? { activities.firstIndex { $0.name == name } }
}

/// 项目 — the programme as printed on certificates and reports.
public struct Programme: Sendable, Equatable {
    public var name: String
    /// 发证单位 — the issuing body.
    public var issuer: String
    /// First and last day of the training period, both included.
    public var periodStart: CivilDate
    public var periodEnd: CivilDate
    /// 发证日期 — printed on certificates; also their fixed PDF creation date.
    public var issueDate: CivilDate
    /// A short code used in certificate numbers and registry keys.
    public var code: String

    public init(name: String, issuer: String, periodStart: CivilDate, periodEnd: CivilDate,
                issueDate: CivilDate, code: String) {
        self.name = name; self.issuer = issuer; self.periodStart = periodStart
        self.periodEnd = periodEnd; self.issueDate = issueDate; self.code = code
    }

    /// `start ≤ t < end`: the period as a half-open interval of timestamps.
    public var periodStartTime: Timestamp { Timestamp(date: periodStart) }
    public var periodEndTime: Timestamp { Timestamp(date: periodEnd.adding(days: 1)) }
}

/// 模块 — a course module: hours required and the points they earn,
/// `points × min(hours, required) / required`.
public struct Module: Sendable, Equatable {
    public var name: String
    public var requiredHours: Hours
    public var points: Fraction
    public init(name: String, requiredHours: Hours, points: Fraction) {
        self.name = name; self.requiredHours = requiredHours; self.points = points
    }
}

/// 研修活动 — completed (已完成) earns its points.
public struct Activity: Sendable, Equatable {
    public var name: String
    public var module: String
    public var points: Fraction
    public init(name: String, module: String, points: Fraction) {
        self.name = name; self.module = module; self.points = points
    }
}

/// 研修作业 — graded by the tutor; the grade's points count.
public struct HomeworkRule: Sendable, Equatable {
    public struct Grade: Sendable, Equatable {
        public var name: String
        public var points: Fraction
        public init(name: String, points: Fraction) { self.name = name; self.points = points }
    }
    public var name: String
    public var module: String
    /// Best grade first (优秀, 良好, 中等 in the seed).
    public var grades: [Grade]
    public init(name: String, module: String, grades: [Grade]) {
        self.name = name; self.module = module; self.grades = grades
    }
    public var maximumPoints: Fraction { grades.map(\.points).max() ?? .zero }
    public func grade(named name: String) -> Grade? { grades.first { $0.name == name } }
}

/// Where trainees are ranked against each other for 优秀学员.
public enum RankingScope: String, Sendable, Equatable, CaseIterable {
    /// 坊 — the seed's scope.
    case `class`
    /// 单位
    case school
    /// 区县
    case county
    /// the whole programme
    case programme
}

public struct TraineeRules: Sendable, Equatable {
    /// 合格分数 — 90 in the seed.
    public var passScore: Fraction
    /// 优秀学员 quota: floor(ratio × trainees in the scope).
    public var excellentRatio: Fraction
    public var excellentScope: RankingScope
    public init(passScore: Fraction, excellentRatio: Fraction, excellentScope: RankingScope) {
        self.passScore = passScore; self.excellentRatio = excellentRatio; self.excellentScope = excellentScope
    }
}

/// A rate band: a rate of at least `minimumRate` earns `points`.
public struct RateBand: Sendable, Equatable {
    public var minimumRate: Fraction
    public var points: Fraction
    public init(minimumRate: Fraction, points: Fraction) { self.minimumRate = minimumRate; self.points = points }
}

/// Points for a count of posts: `pointsEach` per post, counting at most `maximumCount`.
public struct CountRule: Sendable, Equatable {
    public var pointsEach: Fraction
    public var maximumCount: Int
    public init(pointsEach: Fraction, maximumCount: Int) { self.pointsEach = pointsEach; self.maximumCount = maximumCount }
    public var maximumPoints: Fraction { pointsEach * Fraction(maximumCount) }
}

/// 坊主考核 — the tutor's assessment items.
public struct TutorRules: Sendable, Equatable {
    public var passScore: Fraction
    public var excellentRatio: Fraction
    /// 参训率, highest band first.
    public var participationBands: [RateBand]
    /// 合格率, highest band first.
    public var passRateBands: [RateBand]
    /// 研修公告
    public var announcement: CountRule
    /// 研修简报
    public var briefing: CountRule
    /// 点评作业 — graded / submitted must reach the band (100% in the seed).
    public var review: RateBand
    /// 作业推优 — recommended / submitted must reach the band (10% in the seed).
    public var recommendation: RateBand

    public init(passScore: Fraction, excellentRatio: Fraction, participationBands: [RateBand],
                passRateBands: [RateBand], announcement: CountRule, briefing: CountRule,
                review: RateBand, recommendation: RateBand) {
        self.passScore = passScore; self.excellentRatio = excellentRatio
        self.participationBands = participationBands; self.passRateBands = passRateBands
        self.announcement = announcement; self.briefing = briefing
        self.review = review; self.recommendation = recommendation
    }

    public var maximumPoints: Fraction {
        (participationBands.first?.points ?? .zero) + (passRateBands.first?.points ?? .zero)
            + announcement.maximumPoints + briefing.maximumPoints + review.points + recommendation.points
    }
}

/// 坊主兼学员 — the plan's concession for tutors who are also trainees.
public struct TutorTraineeRules: Sendable, Equatable {
    /// Counted course hours that pass a tutor-trainee (40 in the seed).
    public var hoursToPass: Hours
    /// The same for a tutor who is 优秀辅导教师 (30 in the seed).
    public var hoursToPassIfExcellentTutor: Hours
    public init(hoursToPass: Hours, hoursToPassIfExcellentTutor: Hours) {
        self.hoursToPass = hoursToPass; self.hoursToPassIfExcellentTutor = hoursToPassIfExcellentTutor
    }
}

public enum CertificateKind: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    /// 结业证书
    case completion
    /// 优秀学员荣誉证书
    case excellentTrainee = "excellent_trainee"
    /// 优秀辅导教师荣誉证书
    case excellentTutor = "excellent_tutor"

    /// The certificate's Chinese title.
    public var title: String {
        switch self {
        case .completion: return "结业证书"
        case .excellentTrainee: return "优秀学员荣誉证书"
        case .excellentTutor: return "优秀辅导教师荣誉证书"
        }
    }
}

public struct CertificateRules: Sendable, Equatable {
    /// e.g. `XC2021-{kind}-{seq:06}`: `{kind}` is the kind's code, `{seq:0N}` the
    /// sequence number zero-padded to N digits, `{year}` the issue year, `{code}` the programme code.
    public var numberFormat: String
    /// Code of each kind in numbers (`JY`, `YX`, `FD` in the seed).
    public var kindCodes: [CertificateKind: String]
    /// 核验网址 — where the published verification site (`OUT/verify/`) lives,
    /// e.g. `https://peixun.example.cn/verify/`. When set, each certificate's QR
    /// code holds `<verifyURL>#<number>.<code>`; when nil, `<number> <code>`.
    public var verifyURL: String?
    public init(numberFormat: String, kindCodes: [CertificateKind: String], verifyURL: String? = nil) {
        self.numberFormat = numberFormat; self.kindCodes = kindCodes; self.verifyURL = verifyURL
    }
}
