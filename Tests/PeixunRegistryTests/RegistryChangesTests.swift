import Foundation
import Testing
import PeixunCore
@testable import PeixunRegistry

@Suite struct RegistryChangesTests {
    @Test func summaryListsCrossingsWithMaskedIDsOnly() throws {
        let folder = try TemporaryFolder()
        let registry = try CertificateRegistry(path: folder.path("registry.sqlite"))
        var first = try Fixture.results([Fixture.trainee(1, name: "张堃", passed: true, excellent: true),
                                         Fixture.trainee(2, name: "李喆", passed: false, total: 8_999)],
                                        tutors: [Fixture.tutor(3, name: "赵昇", excellent: false)])
        let initial = try registry.reconcile(results: &first, runTime: Fixture.date(0))
        #expect(initial.summaryText.contains("首次运行"))
        #expect(initial.summaryText.contains("新发证书 Issued: 2"))
        #expect(!initial.summaryText.contains("新达合格线"))

        var second = try Fixture.results([Fixture.trainee(1, name: "张堃", passed: true, excellent: false),
                                          Fixture.trainee(2, name: "李喆", passed: true, total: 9_000)],
                                         tutors: [Fixture.tutor(3, name: "赵昇", excellent: true)])
        let changes = try registry.reconcile(results: &second, runTime: Fixture.date(3_600))
        let text = changes.summaryText
        // Times in Beijing time: date(0) is 2021-12-20 11:33:20 UTC.
        #expect(text.contains("本次运行 run #2 at 2021-12-20T20:33:20+08:00; 上次运行 previous run #1 at 2021-12-20T19:33:20+08:00"))
        #expect(text.contains("新发证书 Issued: 2"))
        #expect(text.contains("结业证书 XC2021-1-JY-000002  李喆  \(IDNumber.mask(Fixture.id(2)))"))
        #expect(text.contains("优秀辅导教师荣誉证书 XC2021-1-FD-000001  赵昇"))
        #expect(text.contains("撤销证书 Revoked (no longer qualifies): 1\n  优秀学员荣誉证书 XC2021-1-YX-000001  张堃"))
        #expect(text.contains("新达合格线 Crossed the pass line: 1\n  学员 trainee  李喆  \(IDNumber.mask(Fixture.id(2)))  魏都区 / 许昌市第一中学  89.99 → 90.00"))
        #expect(text.contains("跌破合格线 Fell below the pass line: 0"))
        #expect(text.contains("新入优秀 Crossed the honour line (优秀学员 / 优秀辅导教师): 1\n  坊主 tutor  赵昇"))
        #expect(text.contains("退出优秀 Fell below the honour line: 1\n  学员 trainee  张堃"))
        for n in 1...3 { #expect(!text.contains(Fixture.id(n))) }

        try changes.write(to: folder.url)
        let written = try String(contentsOf: folder.url.appendingPathComponent("changes.txt"), encoding: .utf8)
        #expect(written == text)
        let json = try Data(contentsOf: folder.url.appendingPathComponent("changes.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(object["programme_code"] as? String == "XC2021-1")
        #expect((object["now_passed"] as? [[String: Any]])?.first?["masked_id"] as? String == IDNumber.mask(Fixture.id(2)))
        #expect((object["revoked"] as? [[String: Any]])?.first?["kind"] as? String == "excellent_trainee")
        #expect(object["previous_run"] as? Int == 1)
        let jsonText = String(decoding: json, as: UTF8.self)
        for n in 1...3 { #expect(!jsonText.contains(Fixture.id(n))) }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let decoded = try decoder.decode(RegistryChanges.self, from: json)
        #expect(decoded.nowPassed == changes.nowPassed && decoded.revoked == changes.revoked)
    }

    /// The 区县 of what changed: none on an unchanged rerun, the renamed or newly passed person's.
    @Test func countiesAreThoseOfWhatChanged() throws {
        let folder = try TemporaryFolder()
        let registry = try CertificateRegistry(path: folder.path("registry.sqlite"))
        func results(_ name: String, secondPassed: Bool, secondCounty: String = "魏都区") throws -> Results {
            var second = Fixture.trainee(2, passed: secondPassed)
            second.person.county = secondCounty
            return try Fixture.results([Fixture.trainee(1, name: name, passed: true), second], tutors: [])
        }
        var first = try results("张堃", secondPassed: false, secondCounty: "禹州市")
        #expect(try registry.reconcile(results: &first, runTime: Fixture.date(0)).counties == ["魏都区"])
        var same = try results("张堃", secondPassed: false, secondCounty: "禹州市")
        let unchanged = try registry.reconcile(results: &same, runTime: Fixture.date(60))
        #expect(unchanged.isEmpty && unchanged.counties.isEmpty)
        var renamed = try results("张昆", secondPassed: false, secondCounty: "禹州市")
        #expect(try registry.reconcile(results: &renamed, runTime: Fixture.date(120)).counties == ["魏都区"])
        var passed = try results("张昆", secondPassed: true, secondCounty: "禹州市")
        #expect(try registry.reconcile(results: &passed, runTime: Fixture.date(180)).counties == ["禹州市"])
    }
}
