import Foundation
import Testing
@testable import PeixunCore

/// A large course file is read in two parts on two threads; the results must be
/// exactly those of one sequential pass, anomaly lines included.
@Suite struct ParallelReadTests {
    func export() throws -> String {
        var e = ExportBuilder()
        e.person(ExportBuilder.id(999), "坊主", role: "坊主")
        for n in 0..<40 { e.person(ExportBuilder.id(n), "学员\(n)") }
        // Each person studies in both halves of the file; the same course appears early
        // with 2 hours and late with 3 (the early row must win), and some rows are bad.
        for round in 0..<2 {
            for n in 0..<40 {
                let id = ExportBuilder.id(n)
                e.courses.append([id, "师德课", "专业理念与师德", round == 0 ? "2" : "3", "2021-10-01 10:00:00"])
                e.courses.append([id, "第\(round)轮课", "信息技术", "1.5", "2021-10-02 10:00:00"])
                e.courses.append([id, "第\(round)轮课", "信息技术", "9", "2021-10-03 10:00:00"])  // repeat in the same half
                if n % 7 == round { e.courses.append([id, "坏课", "专业知识", "x", "2021-10-01 10:00:00"]) }
                if n % 9 == round { e.courses.append([id, "早课", "专业知识", "1", "2021-09-01 10:00:00"]) }
            }
        }
        e.courses.append([ExportBuilder.id(3), "只在后半", "专业能力", "4", "2021-11-01 10:00:00"])
        return try e.write()
    }

    @Test func twoPartsGiveExactlyTheSequentialResults() throws {
        let dir = try export()
        let scheme = try TestSchemes.seed()
        #expect(try TableReader(path: "\(dir)/courses.csv", table: .courses).partitions(maxCount: 2, minimumBytes: 0)?.count == 2)
        let sequential = try Grader.grade(scheme: scheme, inputDirectory: dir, options: .init(parallelReadThreshold: .max))
        let parallel = try Grader.grade(scheme: scheme, inputDirectory: dir, options: .init(parallelReadThreshold: 0))
        #expect(parallel.trainees == sequential.trainees)
        #expect(parallel.tutors == sequential.tutors)
        #expect(parallel.anomalies == sequential.anomalies)
        #expect(parallel.inputs == sequential.inputs)
        let t3 = try #require(parallel.trainee(ExportBuilder.id(3)))
        #expect(t3.hours == [Hours(whole: 2), .zero, Hours(whole: 4), Hours(whole: 3)])
        #expect(sequential.anomalies.count > 10)
    }

    @Test func aFileWithQuotesIsNotSplit() throws {
        let dir = try export()
        let path = "\(dir)/courses.csv"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text += "\(ExportBuilder.id(4)),\"带,逗号的课\",专业能力,1,2021-11-01 10:00:00\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let reader = try TableReader(path: path, table: .courses)
        #expect(try reader.partitions(maxCount: 2, minimumBytes: 0) == nil)
        let r = try Grader.grade(scheme: try TestSchemes.seed(), inputDirectory: dir, options: .init(parallelReadThreshold: 0))
        #expect(r.trainee(ExportBuilder.id(4))?.hours[2] == Hours(whole: 1))
    }
}
