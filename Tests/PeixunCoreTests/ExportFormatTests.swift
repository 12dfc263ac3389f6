import Foundation
import Testing
@testable import PeixunCore

/// The same export in every accepted form — xlsx with numeric 学时 and date
/// cells, GB18030, UTF-8 with BOM and CRLF, quoted fields, Chinese base names —
/// grades exactly as the plain UTF-8 CSV of the conformance case.
@Suite struct ExportFormatTests {
    static var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/exports")
    }

    @Test func mixedFormatsGradeLikePlainCSV() throws {
        let scheme = try TestSchemes.seed()
        let mixed = try Grader.grade(scheme: scheme, inputDirectory: Self.fixtures.appendingPathComponent("seed_mixed").path)
        // The same rows as plain UTF-8 CSV (the conformance case seed_examples).
        let plain = try Grader.grade(scheme: scheme, inputDirectory: Self.fixtures.appendingPathComponent("seed_plain").path)
        #expect(mixed.trainees == plain.trainees)
        #expect(mixed.tutors.map(\.total) == plain.tutors.map(\.total))
        #expect(mixed.anomalies.isEmpty && plain.anomalies.isEmpty)
        // Hand-checked values of the case: 张明 100, 王芳 90 (no homework), 刘洋 40; the tutor 96.
        #expect(mixed.trainee("411002198408238028")?.total == Points(hundredths: 10_000))
        #expect(mixed.trainee("411002197007246858")?.total == Points(hundredths: 9_000))
        #expect(mixed.trainee("411002198606019600")?.total == Points(hundredths: 4_000))
        #expect(mixed.tutors.first?.total == Points(hundredths: 9_600))
        #expect(Set(mixed.inputs.map(\.file)) == ["学员名单.xlsx", "courses.xlsx", "研修活动.csv", "homework.csv", "tutor_posts.csv"])
    }
}
