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

    @Test func countyWorkbooksHaveTheirOwnKeys() throws {
        let options = RosterOptions(split: .county)
        let results = try Fixture.results()
        let workbooks = try RosterWriter.workbooks(of: results, options: options)
        #expect(workbooks.count == 1 + RosterContent.counties(of: results).count)
        let keys = try workbooks.map { try RosterWriter.contentKey($0, options: options) }
        #expect(Set(keys).count == keys.count)
    }
}
