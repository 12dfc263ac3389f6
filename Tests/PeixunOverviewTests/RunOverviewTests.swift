import Foundation
import PeixunCore
@testable import PeixunOverview
import Testing

@Suite struct RunOverviewTests {
    static var repoRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The seed plan's own examples (CONTRACT conformance case seed_examples), graded.
    static func seedResults() throws -> Results {
        let scheme = try SchemeLoader.load(path: repoRoot.appendingPathComponent("seeds/xuchang-2021-1/scheme.toml").path)
        return try Grader.grade(scheme: scheme, inputDirectory:
            repoRoot.appendingPathComponent("Tests/peixunTests/Fixtures/conformance/seed_examples").path)
    }

    static let noFiles = RunOverview.Files(countyPrintFiles: { _ in [] }, unitLinks: { _, _ in [] }, classLinks: [], files: [])

    @Test func figuresAndCountiesAddUp() throws {
        var results = try Self.seedResults()
        results.trainees[0].certificates = [CertificateRef(kind: .completion, number: "XC-JY-000001")]
        let overview = RunOverview(results: results, files: Self.noFiles, changes: nil)
        let f = overview.figures
        #expect(f.trainees == results.trainees.count)
        #expect(f.passed == results.trainees.filter(\.passed).count)
        #expect(f.certificates == [.completion: 1])
        #expect(overview.counties.map(\.trainees).reduce(0, +) == f.trainees)
        #expect(overview.counties.map(\.passed).reduce(0, +) == f.passed)
        #expect(overview.counties.map(\.certificates).reduce(0, +) == 1)
        #expect(overview.counties.flatMap(\.classes).count == results.classes.count)
        for county in overview.counties {
            #expect(county.units.map(\.trainees).reduce(0, +) == county.trainees)
        }
        #expect(overview.anomalies.count == results.anomalies.count + results.notices.count)
    }

    @Test func hostileNamesAreTextNotMarkup() throws {
        var results = try Self.seedResults()
        results.trainees[0].person.county = "<script>alert(1)</script>\"&'"
        let overview = RunOverview(results: results, files: Self.noFiles, changes: nil)
        let html = OverviewPage(overview: overview, anomalyChunks: 0).html()
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;&#39;"))
    }

    @Test(arguments: [
        ("certificates/print/completion/魏都区.pdf", "certificates/print/completion/%E9%AD%8F%E9%83%BD%E5%8C%BA.pdf"),
        ("a b#c?d%e.pdf", "a%20b%23c%3Fd%25e.pdf"),
        ("rosters/", "rosters/"),
    ]) func linksArePercentEncodedPerComponent(path: String, href: String) {
        #expect(HTMLText.href(path) == href)
    }

    @Test(arguments: [(0, 0, "—"), (266, 294, "90.5%"), (1, 3, "33.3%"), (2, 3, "66.7%"), (19, 20, "95.0%"), (1, 2000, "0.1%"), (1, 2001, "0.0%")])
    func percentagesRoundHalfUp(part: Int, whole: Int, text: String) {
        #expect(HTMLText.percent(part, of: whole) == text)
    }

    @Test func anomaliesAreSplitIntoDataFiles() throws {
        var results = try Self.seedResults()
        let one = Anomaly(file: "courses.csv", line: 2, kind: .badNumber, message: "学时 'x'")
        results.anomalies = Array(repeating: one, count: OverviewWriter.anomalyChunkSize + 1)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("overview-\(UUID().uuidString)")
        let written = try OverviewWriter.write(RunOverview(results: results, files: Self.noFiles, changes: nil), to: dir.path)
        #expect(written.contains("index-files/data/anomalies-0.js") && written.contains("index-files/data/anomalies-1.js"))
        #expect(!written.contains("index-files/data/anomalies-2.js"))
        let html = try String(contentsOf: dir.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.contains("data-chunks=\"2\""))
        let last = try String(contentsOf: dir.appendingPathComponent("index-files/data/anomalies-1.js"), encoding: .utf8)
        #expect(last.hasPrefix("PEIXUN.anomalies(1, [{") && last.components(separatedBy: "\"line\":2").count == 2)
    }
}
