import Foundation
@testable import PeixunCore

/// Writes small export folders for tests, one CSV per table.
struct ExportBuilder {
    var roster: [[String]] = []
    var courses: [[String]] = []
    var activities: [[String]] = []
    var homework: [[String]] = []
    var posts: [[String]] = []

    static let headers: [String: String] = [
        "roster": "身份证号,姓名,性别,区县,单位,学段,学科,坊,角色",
        "courses": "身份证号,课程名称,模块,学时,完成时间",
        "activities": "身份证号,活动名称,状态,完成时间",
        "homework": "身份证号,作业名称,提交时间,批阅等级,推优",
        "tutor_posts": "身份证号,类型,标题,发布时间",
    ]

    /// A valid ID for person number `n` (deterministic, unique).
    static func id(_ n: Int, year: Int = 1980) -> String {
        let first17 = Array("411002\(year)0101\(String(format: "%03d", n % 1000))".utf8)
        return String(decoding: first17 + [IDNumber.checkCharacter(for: first17)], as: UTF8.self)
    }

    mutating func person(_ id: String, _ name: String, class cls: String = "初中语文1坊", role: String = "学员",
                         county: String = "魏都区", school: String = "许昌市第一中学") {
        roster.append([id, name, "女", county, school, "初中", "语文", cls, role])
    }

    /// Course rows giving `hours` in a module, as whole-hour courses (last one fractional).
    mutating func study(_ id: String, _ module: String, _ hours: Double, at time: String = "2021-10-01 10:00:00") {
        var left = hours, k = 0
        while left > 0 {
            let h = min(left, 1)
            courses.append([id, "\(module)课程\(k)", module, h == 1 ? "1" : String(h), time])
            left -= h; k += 1
        }
    }

    /// All four modules to their required hours.
    mutating func studyAll(_ id: String) {
        study(id, "专业理念与师德", 15); study(id, "专业知识", 15); study(id, "专业能力", 10); study(id, "信息技术", 20)
    }

    mutating func activity(_ id: String, _ name: String, _ status: String = "已完成", at time: String = "2021-10-02 10:00:00") {
        activities.append([id, name, status, time])
    }

    mutating func bothActivities(_ id: String) {
        activity(id, "我的近期发展规划"); activity(id, "信息技术应用大PK")
    }

    mutating func submit(_ id: String, grade: String = "", recommended: String = "否", at time: String = "2021-11-01 10:00:00") {
        homework.append([id, "我的培训总结", time, grade, recommended])
    }

    mutating func post(_ id: String, _ type: String, at time: String = "2021-10-05 10:00:00") {
        posts.append([id, type, "标题", time])
    }

    /// Writes the folder and returns its path.
    func write() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("peixun-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, rows) in [("roster", roster), ("courses", courses), ("activities", activities),
                             ("homework", homework), ("tutor_posts", posts)] {
            let text = ([ExportBuilder.headers[name]!] + rows.map { $0.joined(separator: ",") }).joined(separator: "\n") + "\n"
            try text.write(to: dir.appendingPathComponent("\(name).csv"), atomically: true, encoding: .utf8)
        }
        return dir.path
    }

    func grade(scheme: Scheme? = nil, asOf: CivilDate? = nil) throws -> Results {
        try Grader.grade(scheme: scheme ?? TestSchemes.seed(), inputDirectory: try write(), options: .init(asOf: asOf))
    }
}

extension Results {
    func trainee(_ id: String) -> TraineeResult? { trainees.first { $0.id == id } }
    func tutor(_ id: String) -> TutorResult? { tutors.first { $0.id == id } }
    /// (file, line) of every anomaly, for comparing sets.
    var anomalyLines: Set<String> { Set(anomalies.map { "\($0.file):\($0.line.map(String.init) ?? "-")" }) }
}
