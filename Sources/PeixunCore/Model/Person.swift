/// 角色 — a roster person's role.
public enum Role: String, Sendable, Equatable, Hashable, CaseIterable {
    /// 学员
    case trainee = "学员"
    /// 坊主
    case tutor = "坊主"
    /// 坊主兼学员
    case tutorTrainee = "坊主兼学员"

    public var isTutor: Bool { self != .trainee }
    public var isTrainee: Bool { self != .tutor }
}

/// One person of the roster (学员名单).
public struct Person: Sendable, Equatable, Hashable {
    /// 身份证号, upper-cased.
    public var id: String
    public var name: String
    public var gender: String
    /// 区县
    public var county: String
    /// 单位
    public var school: String
    /// 学段
    public var stage: String
    /// 学科
    public var subject: String
    /// 坊 — the class.
    public var className: String
    public var role: Role
    /// Line of the roster file.
    public var line: Int

    public init(id: String, name: String, gender: String, county: String, school: String, stage: String,
                subject: String, className: String, role: Role, line: Int) {
        self.id = id; self.name = name; self.gender = gender; self.county = county; self.school = school
        self.stage = stage; self.subject = subject; self.className = className; self.role = role; self.line = line
    }

    /// `410102********123X` — what certificates, briefings and logs show.
    public var maskedID: String { IDNumber.mask(id) }
}
