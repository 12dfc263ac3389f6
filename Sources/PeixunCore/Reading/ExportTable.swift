/// One of the five tables of a platform export (CONTRACT §3).
public enum ExportTable: String, CaseIterable, Sendable {
    /// 学员名单 — the roster of trainees and tutors.
    case roster
    /// 课程学习记录 — course completions.
    case courses
    /// 研修活动 — activities.
    case activities
    /// 研修作业 — homework submissions.
    case homework
    /// 坊主工作 — tutor posts (announcements and briefings).
    case tutorPosts = "tutor_posts"

    /// The Chinese base name the platform uses for the file.
    public var chineseName: String {
        switch self {
        case .roster: return "学员名单"
        case .courses: return "课程学习记录"
        case .activities: return "研修活动"
        case .homework: return "研修作业"
        case .tutorPosts: return "坊主工作"
        }
    }

    /// The English base name (`tutor_posts`).
    public var englishName: String { rawValue }

    /// The columns the file must have, in the contract's order.
    public var requiredColumns: [String] {
        switch self {
        case .roster: return ["身份证号", "姓名", "性别", "区县", "单位", "学段", "学科", "坊", "角色"]
        case .courses: return ["身份证号", "课程名称", "模块", "学时", "完成时间"]
        case .activities: return ["身份证号", "活动名称", "状态", "完成时间"]
        case .homework: return ["身份证号", "作业名称", "提交时间", "批阅等级", "推优"]
        case .tutorPosts: return ["身份证号", "类型", "标题", "发布时间"]
        }
    }

    /// Columns that are read when present.
    public var optionalColumns: [String] {
        switch self {
        case .tutorPosts: return ["坊"]
        default: return []
        }
    }

    /// All known columns; a `Record`'s column index refers to this order.
    public var columns: [String] { requiredColumns + optionalColumns }

    /// The index of `name` in `columns`.
    public func column(_ name: String) -> Int? { columns.firstIndex(of: name) }
}
