import Foundation
import Testing
@testable import PeixunCore

/// Every table (roster, activities, homework, posts) is read in parts on all cores when it is
/// large enough; the results, anomalies and notices must be exactly those of one pass.
@Suite struct ParallelTablesTests {
    static let tables = ["roster", "courses", "activities", "homework", "tutor_posts"]

    /// Two 坊 with a tutor each, 60 trainees with rows in both halves of every file, some bad.
    func export() throws -> String {
        var e = ExportBuilder()
        e.person(ExportBuilder.id(900), "坊主甲", class: "甲坊", role: "坊主")
        e.person(ExportBuilder.id(901), "坊主乙", class: "乙坊", role: "坊主兼学员")
        for n in 0..<60 { e.person(ExportBuilder.id(n), "学员\(n)", class: n % 2 == 0 ? "甲坊" : "乙坊") }
        e.roster.append(["41100219800101001", "短号", "女", "魏都区", "许昌市第一中学", "初中", "语文", "甲坊", "学员"])
        e.roster.append([ExportBuilder.id(70), "旁听", "女", "魏都区", "许昌市第一中学", "初中", "语文", "甲坊", "旁听生"])
        e.roster.append([ExportBuilder.id(71), "", "男", "魏都区", "许昌市第一中学", "初中", "语文", "", "学员"])
        for round in 0..<2 {
            for n in 0..<60 {
                let id = ExportBuilder.id(n)
                e.courses.append([id, "第\(round)轮课", "专业知识", "2", "2021-10-0\(round + 1) 10:00:00"])
                if round == 0 || n % 3 != 0 { e.activity(id, "我的近期发展规划") }
                if n % 5 == round { e.activity(id, "信息技术应用大PK", n % 2 == 0 ? "已完成" : "未完成") }
                if n % 7 == round { e.activity(id, "未知活动") }
                if n % 11 == round { e.activity(id, "我的近期发展规划", "进行中") }
                // The same time in both halves: the later line (the second half) wins.
                e.submit(id, grade: round == 0 ? "良好" : ["优秀", "", "中等", "甲等"][n % 4],
                         recommended: (n + round) % 4 == 0 ? "是" : "否", at: "2021-11-01 10:00:00")
                if n % 9 == round { e.submit(id, grade: "优秀", at: "2022-01-01 10:00:00") }
                if n % 13 == round { e.submit(ExportBuilder.id(n, year: 2000), grade: "优秀") }
            }
            for tutor in [900, 901] {
                e.post(ExportBuilder.id(tutor), "简报", at: "2021-10-1\(round) 10:00:00")
                e.post(ExportBuilder.id(tutor), round == 0 ? "公告" : "通知")
            }
            e.post(ExportBuilder.id(round + 3), "简报")
            e.post(ExportBuilder.id(900), "简报", at: "2021-08-0\(round + 1) 10:00:00")
        }
        return try e.write()
    }

    func grade(_ dir: String, threshold: Int) throws -> Results {
        try Grader.grade(scheme: try TestSchemes.seed(), inputDirectory: dir, options: .init(parallelReadThreshold: threshold))
    }

    func expectSame(_ parallel: Results, _ sequential: Results) {
        #expect(parallel.trainees == sequential.trainees)
        #expect(parallel.tutors == sequential.tutors)
        #expect(parallel.anomalies == sequential.anomalies)
        #expect(parallel.notices == sequential.notices)
        #expect(parallel.inputs == sequential.inputs)
    }

    @Test func everyTableInPartsGivesExactlyTheSequentialResults() throws {
        let dir = try export()
        for table in Self.tables {
            let reader = try TableReader(path: "\(dir)/\(table).csv", table: ExportTable(rawValue: table)!)
            #expect(try reader.partitions(maxCount: 2, minimumBytes: 0)?.count == 2, "\(table)")
        }
        let sequential = try grade(dir, threshold: .max)
        let parallel = try grade(dir, threshold: 0)
        expectSame(parallel, sequential)
        // By hand: person 1 submitted 良好 and then, at the same time further down, an ungraded
        // one (n % 4 == 1): the later line is effective, pending, not recommended ((1 + 1) % 4 ≠ 0).
        let t1 = try #require(parallel.trainee(ExportBuilder.id(1)))
        #expect(t1.homework.status == .pending && t1.homework.points == Points.zero && !t1.homework.recommended)
        // Person 4: 良好 then 优秀 (4 % 4 == 0) at the same time → 优秀, 10 points; recommended in round 0 only.
        let t4 = try #require(parallel.trainee(ExportBuilder.id(4)))
        #expect(t4.homework.grade == "优秀" && t4.homework.points == Points(hundredths: 1000) && !t4.homework.recommended)
        // Tutor 900: 简报 ×2 in the period (one in August does not count), 公告 ×1.
        let tutor = try #require(parallel.tutor(ExportBuilder.id(900)))
        #expect(tutor.announcements == 1 && tutor.briefings == 2)
        let kinds = Set(parallel.anomalies.map(\.kind))
        #expect(kinds.isSuperset(of: [.invalidID, .unknownRole, .unknownActivity, .unknownStatus, .unknownGrade,
                                      .outOfPeriod, .unknownID, .unknownPostType]))
        #expect(parallel.notices.contains { $0.kind == .notATutor })
        #expect(parallel.notices.contains { $0.kind == .missingValue })
    }

    /// A bad row on each side of every part boundary is reported once, with its absolute line.
    @Test func badRowsAtThePartBoundaryKeepTheirLines() throws {
        let dir = try export()
        var boundaryLines: [String: [Int]] = [:]
        for table in Self.tables {
            let path = "\(dir)/\(table).csv"
            let reader = try TableReader(path: path, table: ExportTable(rawValue: table)!)
            let cut = try #require(reader.partitions(maxCount: 2, minimumBytes: 0)?.last).offset
            var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            // The first line of the second part, and the last of the first: their ID made invalid
            // (same length, so the cut stays where it is).
            let previous = try #require(bytes[..<(cut - 1)].lastIndex(of: 0x0A)) + 1
            bytes[cut] = UInt8(ascii: "A")
            bytes[previous] = UInt8(ascii: "B")
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let line = bytes[..<cut].filter { $0 == 0x0A }.count + 1
            boundaryLines[table] = [line - 1, line]
            let again = try TableReader(path: path, table: ExportTable(rawValue: table)!)
            #expect(try again.partitions(maxCount: 2, minimumBytes: 0)?.last?.offset == cut)
        }
        let sequential = try grade(dir, threshold: .max)
        let parallel = try grade(dir, threshold: 0)
        expectSame(parallel, sequential)
        for (table, lines) in boundaryLines {
            for line in lines {
                let hits = parallel.anomalies.filter { $0.file == "\(table).csv" && $0.line == line }
                #expect(hits.map(\.kind) == [.invalidID], "\(table).csv:\(line)")
            }
        }
    }

    /// A duplicate roster ID whose first row is in the first part stops the run with the same message.
    @Test func aDuplicateAcrossPartsIsTheSameFatalError() throws {
        var e = ExportBuilder()
        for n in 0..<40 { e.person(ExportBuilder.id(n), "学员\(n)") }
        e.person(ExportBuilder.id(2), "重复")
        e.person(ExportBuilder.id(3), "又重复")
        let dir = try e.write()
        let reader = try TableReader(path: "\(dir)/roster.csv", table: .roster)
        func failure(_ threshold: Int) -> FatalError? {
            do { _ = try RosterStage.run(reader: reader, parallelReadThreshold: threshold) } catch let e as FatalError {
                return e
            } catch { return nil }
            return nil
        }
        let sequential = try #require(failure(.max))
        #expect(failure(0) == sequential)
        #expect(sequential.line == 42)
        #expect(sequential.reason.hasPrefix("身份证号 \(IDNumber.mask(ExportBuilder.id(2))) 在名单中重复（第 4 行已有）"))
    }

    @Test func idTextOfAKeyIsTheNormalisedID() throws {
        let withX = try #require((0..<1000).map { ExportBuilder.id($0) }.first { $0.hasSuffix("X") })
        for raw in [withX.lowercased(), withX, ExportBuilder.id(5), ExportBuilder.id(7, year: 2000)] {
            let key = try #require(raw.utf8.withContiguousStorageIfAvailable { IDNumber.key(utf8: $0) } ?? nil)
            #expect(IDNumber.text(key: key) == raw.uppercased())
        }
    }
}
