/// A problem with one input row (or with a 坊), collected during the run and
/// reported; the row is left out unless the kind says otherwise.
public struct Anomaly: Sendable, Equatable, Hashable {
    public enum Kind: String, Sendable, Equatable, Hashable, CaseIterable {
        case invalidID = "invalid_id"
        case unknownID = "unknown_id"
        case unknownModule = "unknown_module"
        case unknownActivity = "unknown_activity"
        case unknownHomework = "unknown_homework"
        case unknownGrade = "unknown_grade"
        case unknownRole = "unknown_role"
        case unknownStatus = "unknown_status"
        case unknownPostType = "unknown_post_type"
        case badValue = "bad_value"
        case badNumber = "bad_number"
        case badTime = "bad_time"
        case outOfPeriod = "out_of_period"
        case missingValue = "missing_value"
        case wrongColumnCount = "wrong_column_count"
        case notATutor = "not_a_tutor"
        case classWithoutTutor = "class_without_tutor"
        case classWithSeveralTutors = "class_with_several_tutors"

        /// The kind in the clerk's words (Chinese), for rosters and briefings.
        public var label: String {
            switch self {
            case .invalidID: return "身份证号无效"
            case .unknownID: return "身份证号不在名单中"
            case .unknownModule: return "未知模块"
            case .unknownActivity: return "未知活动"
            case .unknownHomework: return "未知作业"
            case .unknownGrade: return "未知批阅等级"
            case .unknownRole: return "未知角色"
            case .unknownStatus: return "未知状态"
            case .unknownPostType: return "未知类型"
            case .badValue: return "取值错误"
            case .badNumber: return "学时格式错误"
            case .badTime: return "时间格式错误"
            case .outOfPeriod: return "不在培训周期内"
            case .missingValue: return "缺少必填项"
            case .wrongColumnCount: return "列数不符"
            case .notATutor: return "非坊主发布"
            case .classWithoutTutor: return "坊无坊主"
            case .classWithSeveralTutors: return "坊有多名坊主"
            }
        }
    }

    /// The input file's name as found in the export (`courses.csv`).
    public var file: String
    /// 1-based line (CSV: physical line where the record starts; xlsx: row
    /// number); nil for anomalies about a 坊 rather than a row.
    public var line: Int?
    public var kind: Kind
    /// A sentence a clerk understands. Never contains a full ID number of a
    /// roster person other than the row's own value.
    public var message: String
    /// The name of the roster person the row belongs to, when its ID is known (for searching
    /// anomalies by name); nil for rows of no known person.
    public var personName: String?

    public init(file: String, line: Int?, kind: Kind, message: String, personName: String? = nil) {
        self.file = file; self.line = line; self.kind = kind; self.message = message; self.personName = personName
    }
}

/// A problem that makes the whole run meaningless: exit status 1, no outputs.
public struct FatalError: Error, Equatable, CustomStringConvertible {
    public var file: String?
    public var line: Int?
    public var reason: String
    public init(file: String?, line: Int? = nil, reason: String) {
        self.file = file; self.line = line; self.reason = reason
    }
    public var description: String {
        switch (file, line) {
        case let (f?, l?): return "\(f):\(l): \(reason)"
        case let (f?, nil): return "\(f): \(reason)"
        default: return reason
        }
    }
}
