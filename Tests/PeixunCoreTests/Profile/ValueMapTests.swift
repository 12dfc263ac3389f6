import Foundation
import Testing
@testable import PeixunCore

@Suite struct ValueMapTests {
    func mapped(_ map: ValueMap, _ text: String) -> String {
        var t = text
        return t.withUTF8 { String(decoding: map.map($0), as: UTF8.self) }
    }

    @Test func spellingsOnBytes() throws {
        let p = try ProfileLoader.parse("[homework]\nvalues.\"推优\" = { \"是\" = [\"推荐\", \"Y\"], \"否\" = [\"\", \"N\"] }")
        let map = try #require(p.layout(.homework).values["推优"])
        #expect(mapped(map, "推荐") == "是")
        #expect(mapped(map, "Y") == "是")
        #expect(mapped(map, "N") == "否")
        #expect(mapped(map, "") == "否")
        #expect(mapped(map, "是") == "是")       // a §3 spelling no list names is read as it is
        #expect(mapped(map, "推荐人") == "推荐人")  // whole cells only
    }

    /// `"中等" = [""]`: an empty 批阅等级 is read as 中等, so the homework counts as graded.
    @Test func emptyCellMappedInGrading() throws {
        var e = ExportBuilder()
        let a = ExportBuilder.id(5)
        e.person(ExportBuilder.id(6), "坊主", role: "坊主"); e.person(a, "学员")
        e.submit(a, grade: "", recommended: "否")
        let dir = try e.write()
        let profile = try ProfileLoader.parse("[homework]\nvalues.\"批阅等级\" = { \"中等\" = [\"\"] }")
        let plain = try Grader.grade(scheme: try TestSchemes.seed(), inputDirectory: dir)
        let mapped = try Grader.grade(scheme: try TestSchemes.seed(), inputDirectory: dir, options: .init(profile: profile))
        #expect(plain.trainee(a)?.homework.status == .pending)
        #expect(mapped.trainee(a)?.homework.status == .graded)
        #expect(mapped.trainee(a)?.homework.grade == "中等")
    }
}
