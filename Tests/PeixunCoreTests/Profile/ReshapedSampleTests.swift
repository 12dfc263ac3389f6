import Foundation
import Testing
@testable import PeixunCore

/// `peixun sample` written through a profile grades exactly like the contract-shape sample:
/// the same results JSON, anomalies at the reshaped file and line.
@Suite struct ReshapedSampleTests {
    static func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("peixun-\(name)-\(UUID().uuidString)").path
    }

    static var seedProfile: String { TestSchemes.repoRoot.appendingPathComponent("seeds/profiles/yanxiu-2021.profile.toml").path }

    /// results.json as an object, its anomalies taken out and returned apart as (file, line, kind).
    static func json(_ results: Results) throws -> (body: NSDictionary, anomalies: [[String]]) {
        let path = temporary("json")
        let out = try BufferedOutput(path: path)
        try ResultsJSON.write(results, to: out)
        try out.close()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        var body = object
        let anomalies = (object["anomalies"] as? [[String: Any]] ?? []).map {
            ["\($0["file"] ?? "")", "\($0["line"] ?? "null")", "\($0["kind"] ?? "")"]
        }
        body["anomalies"] = nil
        return (body as NSDictionary, anomalies)
    }

    @Test(arguments: [nil, 700])
    func gradesLikeTheContractShape(_ splitRows: Int?) throws {
        let scheme = try TestSchemes.seed()
        let plainDir = Self.temporary("plain"), shapedDir = Self.temporary("shaped")
        _ = try SampleGenerator(scheme: scheme, people: 240, seed: 11).write(to: plainDir)
        let profile = try ProfileLoader.load(path: Self.seedProfile)
        var reshaper = ExportReshaper(profile: profile, splitRows: splitRows)
        reshaper.recordLines = true
        try FileManager.default.createDirectory(atPath: shapedDir, withIntermediateDirectories: true)
        let report = try reshaper.reshape(source: plainDir, destination: shapedDir, writer: CSVFileWriter())
        if splitRows != nil { #expect((report.files[.courses]?.count ?? 0) > 1) }
        #expect(report.files[.roster] == ["学员信息表.csv"])

        let plain = try Grader.grade(scheme: scheme, inputDirectory: plainDir)
        let shaped = try Grader.grade(scheme: scheme, inputDirectory: shapedDir, options: .init(profile: profile))
        let a = try Self.json(plain), b = try Self.json(shaped)
        #expect(a.body == b.body)
        #expect(!a.anomalies.isEmpty)
        // Each anomaly of the contract shape, moved to its new file and line, is one of the reshaped export's.
        let moved = a.anomalies.map { row -> [String] in
            guard let line = Int(row[1]), let place = report.lines[row[0]]?[line] else {
                let table = ExportFiles.table(forFileName: row[0])!
                return [report.files[table]![0], row[1], row[2]]  // a 坊 anomaly: no line
            }
            return [place.file, String(place.line), row[2]]
        }
        #expect(moved.sorted { $0.description < $1.description } == b.anomalies.sorted { $0.description < $1.description })
    }

    @Test func reshapedFilesSpeakThePlatform() throws {
        let plainDir = Self.temporary("plain"), shapedDir = Self.temporary("shaped")
        _ = try SampleGenerator(scheme: try TestSchemes.seed(), people: 60, seed: 5).write(to: plainDir)
        try FileManager.default.createDirectory(atPath: shapedDir, withIntermediateDirectories: true)
        let report = try ExportReshaper(profile: try ProfileLoader.load(path: Self.seedProfile), splitRows: 100)
            .reshape(source: plainDir, destination: shapedDir, writer: CSVFileWriter())
        let courses = try #require(report.files[.courses])
        #expect(courses.first == "课程学习明细_01.csv")
        #expect(courses == courses.sorted())
        let first = try String(contentsOfFile: shapedDir + "/" + courses[0], encoding: .utf8).split(separator: "\n")
        #expect(first[0] == "证件号码,课程,所属模块,有效学习时长（分钟）,完成日期")
        #expect(first.count == 101)
        // Minutes are 学时 × 45 (the sample writes half hours: multiples of 22.5); dates in Chinese.
        let row = first[1].split(separator: ",", omittingEmptySubsequences: false)
        let minutes = try #require(Hours.parse(String(row[3])))
        #expect((minutes.units * 2) % (45 * Hours.scale) == 0)
        #expect(row[4].contains("年") && row[4].contains("月") && row[4].contains("日"))
        let roster = try String(contentsOfFile: shapedDir + "/学员信息表.csv", encoding: .utf8)
        #expect(roster.contains(",参训教师") && roster.contains(",辅导教师") && !roster.contains(",学员\n"))
    }
}
