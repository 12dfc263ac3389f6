import Foundation
import Testing
@testable import PeixunCore

/// A hand-made export in a platform's own shape (several files per table, minutes, Chinese
/// dates, other spellings) graded through a profile, against the same records in contract shape.
@Suite struct ProfileGradingTests {
    static let profile = """
        version = 1
        [roster]
        files = ["名单*"]
        columns = { "身份证号" = "证件号码", "角色" = "身份" }
        values."角色" = { "学员" = ["参训教师"], "坊主" = ["辅导教师"] }
        [courses]
        files = ["课程明细*"]
        columns = { "身份证号" = "证件号码", "学时" = "时长（分钟）", "完成时间" = ["完成日期", "完成于"] }
        minutes_per_hour = 45
        time_formats = ["%Y年%m月%d日 %H:%M"]
        [activities]
        files = ["活动*"]
        values."状态" = { "已完成" = ["完成"] }
        [homework]
        files = ["作业*"]
        columns = { "批阅等级" = "等级" }
        values."批阅等级" = { "优秀" = ["A"], "良好" = ["B"] }
        values."推优" = { "是" = ["推荐"], "否" = [""] }
        """

    static let t = ExportBuilder.id(1), a = ExportBuilder.id(2), b = ExportBuilder.id(3)
    static let unknown = ExportBuilder.id(9)

    static func write(_ files: [String: [String]]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("peixun-profile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, lines) in files {
            try (lines.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return dir.path
    }

    static func foreignExport() throws -> String {
        let person = "性别,区县,单位,学段,学科,坊"
        let place = "男,魏都区,许昌市第一中学,初中,语文,初中语文1坊"
        var page2 = ["证件号码,课程名称,模块,时长（分钟）,完成于"]  // the other alternative header
        page2.append("\(a),师德课,专业理念与师德,45,2021年10月02日 08:00")        // repeat: the first counted row wins
        page2.append("\(b),专业课Z,专业知识,90,2021年10月03日 08:00")             // counts now (unfinished on page 1)
        for k in 0..<45 { page2.append("\(b),微课\(k),信息技术,1,2021-10-04 08:\(String(format: "%02d", k))") }
        page2.append("\(unknown),师德课,专业理念与师德,45,2021年10月02日 08:00")  // line 49
        return try write([
            "名单_1.csv": ["证件号码,姓名,\(person),身份", "\(t),坊主甲,\(place),辅导教师", "\(a),学员乙,\(place),参训教师"],
            "名单_2.csv": ["证件号码,姓名,\(person),身份", "\(b),学员丙,\(place),参训教师", "\(ExportBuilder.id(4)),学员丁,\(place),讲师"],
            "课程明细_第1页.csv": [
                "证件号码,课程名称,模块,时长（分钟）,完成日期",
                "\(a),师德课,专业理念与师德,675,2021年10月01日 08:00",
                "\(a),专业课Y,专业知识,45,2021年13月01日 08:00",
                "\(b),专业课Z,专业知识,90,",
                "\(a),能力课,专业能力,67.5,2021-10-01 09:00",
            ],
            "课程明细_第2页.csv": page2,
            "活动.csv": ["身份证号,活动名称,状态,完成时间", "\(a),我的近期发展规划,完成,2021-10-02 10:00:00", "\(b),信息技术应用大PK,未完成,2021-10-02 10:00:00"],
            "作业.csv": ["身份证号,作业名称,提交时间,等级,推优", "\(a),我的培训总结,2021-11-01 10:00:00,A,推荐", "\(b),我的培训总结,2021-11-01 10:00:00,,"],
            "tutor_posts.csv": ["身份证号,类型,标题,发布时间", "\(t),公告,第一期,2021-10-05 10:00:00"],
        ])
    }

    func grade(_ dir: String) throws -> Results {
        try Grader.grade(scheme: try TestSchemes.seed(), inputDirectory: dir,
                         options: .init(profile: try ProfileLoader.parse(Self.profile)))
    }

    @Test func gradesThroughTheProfile() throws {
        let r = try grade(try Self.foreignExport())
        let ta = try #require(r.trainee(Self.a)), tb = try #require(r.trainee(Self.b))
        // 675 min = 15 h (the page-2 repeat does not add); 67.5 min = 1.5 h; the bad date counts nothing.
        #expect(ta.hours == [Hours(whole: 15), .zero, try #require(Hours.parse("1.5")), .zero])
        // 90 min = 2 h on page 2 (page 1's row was unfinished); 45 × 1 min = exactly 1 h.
        #expect(tb.hours == [.zero, Hours(whole: 2), .zero, Hours(whole: 1)])
        #expect(ta.homework.grade == "优秀" && ta.homework.recommended)
        #expect(tb.homework.status == .pending && !tb.homework.recommended)
        #expect(ta.activitiesCompleted == [true, false])
        #expect(tb.activitiesCompleted == [false, false])
        #expect(r.tutors.map(\.id) == [Self.t])
        #expect(r.trainees.count == 2)
    }

    @Test func anomaliesNameTheRealFileAndLine() throws {
        let r = try grade(try Self.foreignExport())
        let found = Set(r.anomalies.map { "\($0.file):\($0.line ?? 0):\($0.kind.rawValue)" })
        #expect(found == ["名单_2.csv:3:unknown_role", "课程明细_第1页.csv:3:bad_time", "课程明细_第2页.csv:49:unknown_id"])
        let bad = try #require(r.anomalies.first { $0.kind == .badTime })
        #expect(bad.message.contains("%Y年%m月%d日 %H:%M"))
        #expect(r.inputs.map(\.file) == ["名单_1.csv", "名单_2.csv", "课程明细_第1页.csv", "课程明细_第2页.csv", "活动.csv", "作业.csv", "tutor_posts.csv"])
        #expect(r.inputs.map(\.rows) == [2, 2, 4, 48, 2, 2, 1])
    }

    /// The same records in contract shape grade to the same results.
    @Test func sameAsContractShape() throws {
        let foreign = try grade(try Self.foreignExport())
        var e = ExportBuilder()
        e.person(Self.t, "坊主甲", role: "坊主"); e.person(Self.a, "学员乙"); e.person(Self.b, "学员丙")
        e.courses.append([Self.a, "师德课", "专业理念与师德", "15", "2021-10-01 08:00"])
        e.courses.append([Self.a, "能力课", "专业能力", "1.5", "2021-10-01 09:00"])
        e.courses.append([Self.b, "专业课Z", "专业知识", "2", "2021-10-03 08:00"])
        e.courses.append([Self.b, "微课", "信息技术", "1", "2021-10-04 08:00"])  // = 45 × 1 min
        e.activity(Self.a, "我的近期发展规划")
        e.submit(Self.a, grade: "优秀", recommended: "是"); e.submit(Self.b)
        e.post(Self.t, "公告")
        let plain = try e.grade()
        #expect(foreign.trainees.count == plain.trainees.count)
        for (x, y) in zip(foreign.trainees, plain.trainees) {
            #expect(x.id == y.id && x.hours == y.hours && x.total == y.total && x.passed == y.passed && x.rank == y.rank)
            #expect(x.modulePoints == y.modulePoints && x.homework == y.homework)
        }
        #expect(foreign.tutors.map(\.total) == plain.tutors.map(\.total))
    }

    @Test func withoutTheProfileTheFolderIsRefused() throws {
        let dir = try Self.foreignExport()
        #expect(throws: FatalError.self) { _ = try Grader.grade(scheme: try TestSchemes.seed(), inputDirectory: dir) }
    }

    @Test func aMissingMappedColumnNamesItsHeaders() throws {
        let dir = try Self.foreignExport()
        try "证件号码,课程名称,模块,学时,完成日期\n".write(toFile: dir + "/课程明细_第3页.csv", atomically: true, encoding: .utf8)
        let error = try #require(fatalReason { _ = try grade(dir) })
        #expect(error.file == "课程明细_第3页.csv")
        #expect(error.reason.contains("学时 (时长（分钟）)"), "\(error.reason)")
    }
}
