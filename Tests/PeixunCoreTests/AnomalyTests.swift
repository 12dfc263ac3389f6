import Foundation
import Testing
@testable import PeixunCore

@Suite struct AnomalyTests {
    let a = ExportBuilder.id(1), tutor = ExportBuilder.id(99)

    /// One bad row per kind; each must be reported at its own line and the rest still graded.
    @Test func everyRowAnomalyKind() throws {
        var e = ExportBuilder()
        e.person(tutor, "坊主", role: "坊主")                                   // roster 2
        e.person(a, "甲")                                                        // roster 3
        e.roster.append(["411002198001010012", "坏号", "女", "魏都区", "校", "初中", "语文", "初中语文1坊", "学员"])  // 4 invalid_id
        e.roster.append([ExportBuilder.id(7), "怪", "女", "魏都区", "校", "初中", "语文", "初中语文1坊", "校长"])     // 5 unknown_role
        e.roster.append([ExportBuilder.id(8), "", "女", "魏都区", "校", "初中", "语文", "初中语文1坊", "学员"])       // 6 notice: no 姓名, still graded
        e.courses = [
            [a, "课1", "专业知识", "2", "2021-10-01 10:00:00"],        // 2 counted
            ["4110021980010100", "课", "专业知识", "2", "2021-10-01 10:00:00"],  // 3 invalid_id
            [ExportBuilder.id(55), "课", "专业知识", "2", "2021-10-01 10:00:00"], // 4 unknown_id
            [a, "课2", "体育", "2", "2021-10-01 10:00:00"],            // 5 unknown_module
            [a, "课3", "专业知识", "两", "2021-10-01 10:00:00"],       // 6 bad_number
            [a, "课4", "专业知识", "", "2021-10-01 10:00:00"],         // 7 bad_number (empty on a finished row)
            [a, "课5", "专业知识", "-1", "2021-10-01 10:00:00"],       // 8 bad_number (sign)
            [a, "课6", "专业知识", "2", "2021-10-32 10:00:00"],        // 9 bad_time
            [a, "课7", "专业知识", "2", "2021-09-09 23:59:59"],        // 10 out_of_period
            [a, "课8", "专业知识", "2", ""],                           // 11 unfinished: not an anomaly
            [a, "", "专业知识", "2", "2021-10-01 10:00:00"],           // 12 missing_value
            [ExportBuilder.id(7), "课", "专业知识", "2", "2021-10-01 10:00:00"],  // 13 person left out (unknown 角色): no second anomaly
        ]
        e.activities = [
            [a, "我的近期发展规划", "已完成", "2021-10-01 10:00:00"],   // 2
            [a, "不存在的活动", "已完成", "2021-10-01 10:00:00"],       // 3 unknown_activity
            [a, "信息技术应用大PK", "进行中", "2021-10-01 10:00:00"],   // 4 unknown_status
            [a, "信息技术应用大PK", "已完成", ""],                      // 5 bad_time
        ]
        e.homework = [
            [a, "我的培训总结", "2021-11-01 10:00:00", "合格", "是"],    // 2 unknown_grade (counted as pending)
            [a, "别的作业", "2021-11-02 10:00:00", "优秀", "否"],        // 3 unknown_homework
            [a, "我的培训总结", "2021-11-01", "优秀", "否"],             // 4 bad_time
            [a, "我的培训总结", "2021-10-01 10:00:00", "优秀", "Y"],     // 5 bad_value (推优), still used, superseded
        ]
        e.posts = [
            [tutor, "通知", "标题", "2021-10-01 10:00:00"],             // 2 unknown_post_type
            [a, "简报", "标题", "2021-10-01 10:00:00"],                 // 3 notice: not a tutor
        ]
        let r = try e.grade()
        let got = Set(r.anomalies.map { "\($0.file):\($0.line ?? 0):\($0.kind.rawValue)" })
        let expected: Set<String> = [
            "roster.csv:4:invalid_id", "roster.csv:5:unknown_role",
            "courses.csv:3:invalid_id", "courses.csv:4:unknown_id", "courses.csv:5:unknown_module",
            "courses.csv:6:bad_number", "courses.csv:7:bad_number", "courses.csv:8:bad_number",
            "courses.csv:9:bad_time", "courses.csv:10:out_of_period", "courses.csv:12:missing_value",
            "activities.csv:3:unknown_activity", "activities.csv:4:unknown_status", "activities.csv:5:bad_time",
            "homework.csv:2:unknown_grade", "homework.csv:3:unknown_homework", "homework.csv:4:bad_time",
            "homework.csv:5:bad_value",
            "tutor_posts.csv:2:unknown_post_type",
        ]
        #expect(got == expected)
        // A row of a known person names them (the overview page searches by name); others do not.
        let named = Dictionary(r.anomalies.map { ("\($0.file):\($0.line ?? 0)", $0.personName) }) { a, _ in a }
        for row in ["courses.csv:5", "courses.csv:6", "courses.csv:10", "activities.csv:3", "homework.csv:2"] {
            #expect(named[row] == .some("甲"), "\(row)")
        }
        #expect(named["tutor_posts.csv:2"] == .some("坊主"))
        for row in ["courses.csv:3", "courses.csv:4", "roster.csv:4"] {
            #expect(named[row] == .some(nil), "\(row)")
        }
        // Rows that were used, or count for nothing, but deserve a look.
        #expect(Set(r.notices.map { "\($0.file):\($0.line ?? 0):\($0.kind.rawValue)" })
                == ["roster.csv:6:missing_value", "tutor_posts.csv:3:not_a_tutor"])
        #expect(r.trainee(ExportBuilder.id(8))?.person.name == "")
        let t = try #require(r.trainee(a))
        #expect(t.hours[1] == Hours(whole: 2))
        #expect(t.homework.status == .pending && t.homework.recommended)
        #expect(r.trainees.count == 2)
        // Messages never carry a full ID.
        for anomaly in r.anomalies { #expect(!anomaly.message.contains(ExportBuilder.id(55))) }
    }

    func fatal(_ change: (String) throws -> Void) throws -> FatalError? {
        var e = ExportBuilder()
        e.person(tutor, "坊主", role: "坊主"); e.person(a, "甲")
        let dir = try e.write()
        try change(dir)
        return #expect(throws: FatalError.self) {
            try Grader.grade(scheme: TestSchemes.seed(), inputDirectory: dir)
        }
    }

    @Test func missingFileIsFatal() throws {
        let e = try fatal { try FileManager.default.removeItem(atPath: "\($0)/homework.csv") }
        #expect(e?.description.contains("homework") == true)
    }

    @Test func missingColumnIsFatal() throws {
        let e = try fatal { dir in
            try "身份证号,课程名称,模块,完成时间\n".write(toFile: "\(dir)/courses.csv", atomically: true, encoding: .utf8)
        }
        #expect(e?.description.contains("学时") == true)
    }

    @Test func duplicateRosterIDIsFatal() throws {
        let e = try fatal { dir in
            let h = FileHandle(forWritingAtPath: "\(dir)/roster.csv")!
            h.seekToEndOfFile()
            h.write(Data("\(a.lowercased()),又一个,男,魏都区,校,初中,语文,初中语文1坊,学员\n".utf8))
            h.closeFile()
        }
        #expect(e?.line == 4)
    }

    @Test func unreadableFileIsFatal() throws {
        _ = try fatal { dir in
            try Data([0xE8, 0xBA, 0xAB, 0x2C, 0xFF, 0xFF, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: "\(dir)/activities.csv"))
        }
    }

    @Test func ambiguousTablesAreFatal() throws {
        _ = try fatal { dir in
            try FileManager.default.copyItem(atPath: "\(dir)/roster.csv", toPath: "\(dir)/学员名单.csv")
        }
    }
}
