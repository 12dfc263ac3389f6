/// The graded programme: what every renderer and writer takes.
public struct Results: Sendable {
    public var scheme: Scheme
    /// The last day whose records count: the period's end, or `--as-of`.
    public var dataDate: CivilDate
    /// True when an `--as-of` date before the period's end cut the data.
    public var isMidTerm: Bool
    /// Trainees (学员 and 坊主兼学员), in roster order.
    public var trainees: [TraineeResult]
    /// Tutors (坊主 and 坊主兼学员), in roster order.
    public var tutors: [TutorResult]
    /// 坊, in order of first appearance in the roster.
    public var classes: [ClassResult]
    public var anomalies: [Anomaly]
    /// Rows that were used or counted for nothing, but deserve a clerk's look
    /// (an empty 姓名, a post by someone who is not a tutor). Not anomalies:
    /// nothing was left out.
    public var notices: [Anomaly]
    /// Input files read, with their row counts, for reports.
    public var inputs: [InputFileSummary]

    public init(scheme: Scheme, dataDate: CivilDate, isMidTerm: Bool, trainees: [TraineeResult],
                tutors: [TutorResult], classes: [ClassResult], anomalies: [Anomaly], inputs: [InputFileSummary],
                notices: [Anomaly] = []) {
        self.scheme = scheme; self.dataDate = dataDate; self.isMidTerm = isMidTerm; self.trainees = trainees
        self.tutors = tutors; self.classes = classes; self.anomalies = anomalies; self.inputs = inputs
        self.notices = notices
    }
}

public struct InputFileSummary: Sendable, Equatable {
    /// `courses` etc.
    public var table: String
    /// The file's name in the export.
    public var file: String
    /// Data rows (blank rows excluded).
    public var rows: Int
    public init(table: String, file: String, rows: Int) { self.table = table; self.file = file; self.rows = rows }
}

public enum HomeworkStatus: String, Sendable, Equatable {
    case graded, pending, missing
    /// 已批阅 / 待批阅 / 未提交
    public var label: String {
        switch self {
        case .graded: return "已批阅"
        case .pending: return "待批阅"
        case .missing: return "未提交"
        }
    }
}

/// A trainee's effective homework (their latest in-period submission).
public struct HomeworkOutcome: Sendable, Equatable {
    public var status: HomeworkStatus
    /// The grade's name, when graded.
    public var grade: String?
    /// 推优 on the effective submission.
    public var recommended: Bool
    public var points: Points
    /// When the effective submission was made.
    public var submittedAt: Timestamp?
    public init(status: HomeworkStatus, grade: String?, recommended: Bool, points: Points, submittedAt: Timestamp?) {
        self.status = status; self.grade = grade; self.recommended = recommended; self.points = points
        self.submittedAt = submittedAt
    }
    public static let missing = HomeworkOutcome(status: .missing, grade: nil, recommended: false, points: .zero, submittedAt: nil)
}

/// Which rule passed a trainee.
public enum PassBasis: String, Sendable, Equatable {
    /// total ≥ pass score
    case score
    /// 坊主兼学员 with ≥ 40 counted hours
    case tutorHours40 = "tutor_hours_40"
    /// 坊主兼学员 who is 优秀辅导教师, with ≥ 30 counted hours
    case tutorHours30 = "tutor_hours_30"
}

public struct CertificateRef: Sendable, Equatable, Hashable {
    public var kind: CertificateKind
    public var number: String
    public init(kind: CertificateKind, number: String) { self.kind = kind; self.number = number }
}

/// 学员成绩 — one trainee's graded result. Arrays are indexed like the
/// scheme's `modules` and `activities`.
public struct TraineeResult: Sendable, Equatable {
    public var person: Person
    /// Counted hours per module, uncapped.
    public var hours: [Hours]
    public var modulePoints: [Points]
    /// Whether each activity was completed (in period).
    public var activitiesCompleted: [Bool]
    public var activityPoints: [Points]
    public var homework: HomeworkOutcome
    /// Sum of the rounded items.
    public var total: Points
    public var passed: Bool
    public var passBasis: PassBasis?
    /// Position within the ranking scope; nil for 坊主兼学员.
    public var rank: Int?
    /// Size of the ranking scope and its 优秀学员 quota (nil when not ranked).
    public var scopeSize: Int?
    public var quota: Int?
    /// 优秀学员
    public var excellent: Bool
    /// Took part at all: a counted course, a completed activity or a submission.
    public var participated: Bool
    /// Filled by the certificate registry; empty before.
    public var certificates: [CertificateRef]

    public init(person: Person, hours: [Hours], modulePoints: [Points], activitiesCompleted: [Bool],
                activityPoints: [Points], homework: HomeworkOutcome, total: Points, passed: Bool,
                passBasis: PassBasis?, rank: Int?, scopeSize: Int?, quota: Int?, excellent: Bool,
                participated: Bool, certificates: [CertificateRef]) {
        self.person = person; self.hours = hours; self.modulePoints = modulePoints
        self.activitiesCompleted = activitiesCompleted; self.activityPoints = activityPoints
        self.homework = homework; self.total = total; self.passed = passed; self.passBasis = passBasis
        self.rank = rank; self.scopeSize = scopeSize; self.quota = quota; self.excellent = excellent
        self.participated = participated; self.certificates = certificates
    }

    public var id: String { person.id }
    public var role: Role { person.role }
    /// Counted hours over all modules, uncapped (the tie-break and the
    /// tutor-trainee rule).
    public var totalHours: Hours { hours.reduce(.zero, +) }
}

/// The six assessment items of a tutor, in the contract's order.
public struct TutorPoints: Sendable, Equatable {
    public var participation: Points
    public var pass: Points
    public var announcement: Points
    public var briefing: Points
    public var review: Points
    public var recommendation: Points
    public init(participation: Points, pass: Points, announcement: Points, briefing: Points, review: Points,
                recommendation: Points) {
        self.participation = participation; self.pass = pass; self.announcement = announcement
        self.briefing = briefing; self.review = review; self.recommendation = recommendation
    }
    public var total: Points { participation + pass + announcement + briefing + review + recommendation }
    /// (JSON key, Chinese label, points), in order.
    public var items: [(key: String, label: String, points: Points)] {
        [("participation", "参训率", participation), ("pass", "合格率", pass), ("announcement", "研修公告", announcement),
         ("briefing", "研修简报", briefing), ("review", "点评作业", review), ("recommendation", "作业推优", recommendation)]
    }
}

/// Counts behind a 坊's figures (the tutor's rates and the briefings).
public struct ClassCounts: Sendable, Equatable {
    /// 学员 of the 坊 (坊主兼学员 excluded).
    public var trainees: Int = 0
    public var participated: Int = 0
    public var passed: Int = 0
    /// Effective submissions (one per trainee at most).
    public var submitted: Int = 0
    public var graded: Int = 0
    public var recommended: Int = 0
    public var excellent: Int = 0
    public init() {}

    public var participationRate: Fraction { trainees == 0 ? .zero : Fraction(participated) / Fraction(trainees) }
    public var passRate: Fraction { trainees == 0 ? .zero : Fraction(passed) / Fraction(trainees) }
    /// graded / submitted; zero with no submissions.
    public var reviewRate: Fraction { submitted == 0 ? .zero : Fraction(graded) / Fraction(submitted) }
    /// recommended / submitted; zero with no submissions.
    public var recommendationRate: Fraction { submitted == 0 ? .zero : Fraction(recommended) / Fraction(submitted) }
}

/// 坊主考核 — one tutor's assessment.
public struct TutorResult: Sendable, Equatable {
    public var person: Person
    /// The 坊 the tutor leads.
    public var classes: [String]
    /// Counts over the trainees of those 坊.
    public var counts: ClassCounts
    /// Posts counted in period (before the caps).
    public var announcements: Int
    public var briefings: Int
    public var points: TutorPoints
    public var total: Points
    public var passed: Bool
    /// 1-based over the whole programme.
    public var rank: Int
    /// 优秀辅导教师
    public var excellent: Bool
    public var certificates: [CertificateRef]

    public init(person: Person, classes: [String], counts: ClassCounts, announcements: Int, briefings: Int,
                points: TutorPoints, total: Points, passed: Bool, rank: Int, excellent: Bool,
                certificates: [CertificateRef]) {
        self.person = person; self.classes = classes; self.counts = counts; self.announcements = announcements
        self.briefings = briefings; self.points = points; self.total = total; self.passed = passed
        self.rank = rank; self.excellent = excellent; self.certificates = certificates
    }

    public var id: String { person.id }
    public var participationRate: Fraction { counts.participationRate }
    public var passRate: Fraction { counts.passRate }
}

/// 坊 — a class, its tutor(s) and its trainees' figures.
public struct ClassResult: Sendable, Equatable {
    public var name: String
    /// 区县 and 学段/学科 of the 坊 (from its first roster person).
    public var county: String
    public var stage: String
    public var subject: String
    /// IDs of the tutors leading it (normally one).
    public var tutorIDs: [String]
    /// Indices into `Results.trainees` of its 学员 (not 坊主兼学员), roster order.
    public var traineeIndices: [Int]
    public var counts: ClassCounts
    public init(name: String, county: String, stage: String, subject: String, tutorIDs: [String],
                traineeIndices: [Int], counts: ClassCounts) {
        self.name = name; self.county = county; self.stage = stage; self.subject = subject
        self.tutorIDs = tutorIDs; self.traineeIndices = traineeIndices; self.counts = counts
    }
}
