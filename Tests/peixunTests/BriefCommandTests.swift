import Foundation
import Testing

/// `peixun brief` end to end on the seed's worked examples.
@Suite(.serialized) struct BriefCommandTests {
    var seedCase: URL { CLI.conformanceCases.appendingPathComponent("seed_examples") }

    func brief(_ extra: [String]) throws -> (CLI.Output, URL) {
        let out = try CLI.temporaryDirectory().appendingPathComponent("brief")
        let r = try CLI.run(["brief", "--scheme", CLI.seedScheme, "--input", try CLI.copyOfExport(seedCase).path,
                             "--out", out.path] + extra)
        return (r, out)
    }

    @Test func writesBriefingsAndSummary() throws {
        let (r, out) = try brief([])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let md = try String(contentsOf: out.appendingPathComponent("briefings/魏都区/高中语文1坊.md"), encoding: .utf8)
        #expect(md.contains("数据截至 2021-12-20\n"))
        #expect(md.contains("合格 4 人（80%）"))
        #expect(md.contains("1. 刘洋 40 分，差 50 分：专业能力 还差 10 学时；信息技术 还差 20 学时"))
        for f in ["briefings/魏都区/高中语文1坊.pdf", "summary.pdf", "summary.md"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(f).path), "\(f)")
        }
    }

    @Test func asOfCutsTheRecordsAndCountsTheDaysLeft() throws {
        let (r, out) = try brief(["--as-of", "2021-11-01"])
        #expect(r.status == 0, "\(r.stderr)")
        let md = try String(contentsOf: out.appendingPathComponent("briefings/魏都区/高中语文1坊.md"), encoding: .utf8)
        #expect(md.contains("数据截至 2021-11-01（期中，距培训结束还有 49 天）"))
        #expect(md.contains("### 尚未合格 3 人"))
        #expect(md.contains("赵磊 58.5 分，差 31.5 分：信息技术 还差 11.5 学时"))
    }

    @Test func badAsOfIsAUsageError() throws {
        let (r, out) = try brief(["--as-of", "2021-13-01"])
        #expect(r.status == 2)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
