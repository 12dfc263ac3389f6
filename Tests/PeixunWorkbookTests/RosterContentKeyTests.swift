import Foundation
import PeixunCore
import Testing
@testable import PeixunWorkbook

/// `RosterWriter.contentKey` follows what the workbook's bytes depend on: equal inputs give equal
/// keys (and equal files), and any cell, format option or sheet choice changes it.
@Suite struct RosterContentKeyTests {
    func key(_ results: Results, _ options: RosterOptions = RosterOptions()) throws -> [UInt8] {
        try RosterWriter.contentKey(try #require(RosterWriter.workbooks(of: results, options: options).first),
                                    options: options)
    }

    @Test func equalInputsGiveEqualKeysAndEqualFiles() throws {
        let results = try Fixture.results()
        let first = try key(results), second = try key(Fixture.results())
        #expect(first == second)
        #expect(first.count == 32)  // a SHA-256
        let a = try RosterWriter.write(results: results, to: Fixture.directory())[0]
        let b = try RosterWriter.write(results: Fixture.results(), to: Fixture.directory())[0]
        #expect(try Data(contentsOf: URL(fileURLWithPath: a)) == Data(contentsOf: URL(fileURLWithPath: b)))
    }

    @Test func anyCellChangesTheKey() throws {
        let results = try Fixture.results()
        let base = try key(results)
        var renamed = results
        renamed.trainees[0].person.name = "张叁"
        #expect(try key(renamed) != base)
        var regraded = results
        regraded.trainees[0].total = Points(hundredths: regraded.trainees[0].total.hundredths + 1)
        #expect(try key(regraded) != base)
        var noted = results
        noted.notices.append(Anomaly(file: "roster.csv", line: 3, kind: .notATutor, message: "x"))
        #expect(try key(noted) != base)
    }

    @Test func optionsAndSheetsChangeTheKey() throws {
        let results = try Fixture.results()
        let base = try key(results)
        #expect(try key(results, RosterOptions(constantMemory: false)) != base)  // shared strings: other bytes
        #expect(try key(results, RosterOptions(maxRowsPerSheet: 4)) != base)
        #expect(try key(results, RosterOptions(sheets: [.roster])) != base)
        #expect(try key(results, RosterOptions(created: Date(timeIntervalSince1970: 0))) != base)
    }

    /// Written and keyed in one pass: the key of a digest-only pass, the bytes of a plain write.
    @Test(arguments: [RosterOptions(split: .county), RosterOptions(split: .county, constantMemory: false)])
    func writingWithTheKeyGivesTheSameKeyAndBytes(options: RosterOptions) throws {
        let results = try Fixture.results()
        let workbooks = try RosterWriter.workbooks(of: results, options: options)
        #expect(workbooks.count > 1)
        #expect(workbooks[0].county == nil && workbooks.dropFirst().allSatisfy { $0.county != nil })
        let county = try #require(workbooks[1].county)
        #expect(workbooks[0].showsAnyone(in: ["某县"]) && !workbooks[0].showsAnyone(in: []))
        #expect(workbooks[1].showsAnyone(in: [county, "某县"]) && !workbooks[1].showsAnyone(in: ["某县"]))
        let plain = try Fixture.directory(), keyed = try Fixture.directory()
        for workbook in workbooks {
            let path = try RosterWriter.write(workbook, into: plain, options: options)
            let written = try RosterWriter.writeWithKey(workbook, into: keyed, options: options)
            #expect(written.key == (try RosterWriter.contentKey(workbook, options: options)), "\(workbook.fileName)")
            #expect((written.path as NSString).lastPathComponent == workbook.fileName)
            #expect(try Data(contentsOf: URL(fileURLWithPath: written.path)) == Data(contentsOf: URL(fileURLWithPath: path)))
        }
        var renamed = results
        renamed.trainees[0].person.name = "张叁"
        let other = try RosterWriter.writeWithKey(try #require(RosterWriter.workbooks(of: renamed, options: options).first),
                                                  into: try Fixture.directory(), options: options)
        #expect(other.key != (try RosterWriter.contentKey(workbooks[0], options: options)))
    }

    @Test func countyWorkbooksHaveTheirOwnKeys() throws {
        let options = RosterOptions(split: .county)
        let results = try Fixture.results()
        let workbooks = try RosterWriter.workbooks(of: results, options: options)
        #expect(workbooks.count == 1 + RosterContent.counties(of: results).count)
        let keys = try workbooks.map { try RosterWriter.contentKey($0, options: options) }
        #expect(Set(keys).count == keys.count)
    }
}
