import Foundation
import Testing
@testable import PeixunRender
import PeixunCore

/// Writes sample briefings for a person to look at (PNG via pdftoppm):
/// `PEIXUN_BRIEFING_SAMPLES=/tmp/samples swift test --filter BriefingSamples`.
@Suite struct BriefingSamples {
    static let target = ProcessInfo.processInfo.environment["PEIXUN_BRIEFING_SAMPLES"]

    @Test(.enabled(if: target != nil)) func writeSamples() throws {
        let dir = try #require(Self.target)
        let normal = try SyntheticResults.make(classes: 3, perClass: 45, seed: 21)
        let written = try BriefingWriter.write(results: normal, to: dir + "/normal")
        #expect(written.count == 8)
        let big = try SyntheticResults.make(classes: 1, perClass: 200, seed: 3, longNames: true)
        try BriefingWriter.write(results: big, to: dir + "/big")
        let none = try SyntheticResults.make(classes: 1, perClass: 12, seed: 5,
                                             asOf: CivilDate(year: 2021, month: 11, day: 30), noSubmissions: true)
        try BriefingWriter.write(results: none, to: dir + "/nosub")
    }
}
