import Foundation
import GRDB
import Testing
import PeixunCore
@testable import PeixunRegistry

/// `CertificateRegistry(path:copying:)` copies a rollback-journal registry byte for byte and
/// a WAL-mode one through SQLite (its latest pages are in the `-wal` file).
@Suite struct RegistryCopyTests {
    @Test func aRegistryFileIsCopiedByteForByteAndKeepsItsNumbers() throws {
        let folder = try TemporaryFolder()
        let source = folder.path("previous.sqlite")
        var first = try Fixture.results([Fixture.trainee(1, passed: true), Fixture.trainee(2, passed: true)])
        _ = try CertificateRegistry(path: source).reconcile(results: &first, runTime: Fixture.date(0))
        let before = try Data(contentsOf: URL(fileURLWithPath: source))

        let staged = try CertificateRegistry(path: folder.path("staged.sqlite"), copying: source)
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.path("staged.sqlite"))) == before)
        let mode = try FileManager.default.attributesOfItem(atPath: folder.path("staged.sqlite"))[.posixPermissions] as? Int
        #expect(mode.map { $0 & 0o077 & ~0o040 } == 0)  // 0600 or 0640, never wider
        var second = try Fixture.results([Fixture.trainee(2, passed: true), Fixture.trainee(3, passed: true)])
        let changes = try staged.reconcile(results: &second, runTime: Fixture.date(60))
        #expect(changes.revoked.map(\.number) == ["XC2021-1-JY-000001"])
        #expect(second.numbers(.completion) == ["学员2": "XC2021-1-JY-000002", "学员3": "XC2021-1-JY-000003"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: source)) == before)
    }

    @Test func aWALModeRegistryIsCopiedWithWhatIsStillInItsWAL() throws {
        let folder = try TemporaryFolder()
        let source = folder.path("previous.sqlite")
        try PersonalDataFiles.touch(atPath: source)
        // A second connection keeps the WAL from being checkpointed into the file.
        let pool = try DatabasePool(path: source)
        var first = try Fixture.results([Fixture.trainee(1, passed: true), Fixture.trainee(2, passed: true)])
        do {
            let registry = try CertificateRegistry(path: source)
            _ = try registry.reconcile(results: &first, runTime: Fixture.date(0))
        }
        #expect(try pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        let wal = try FileManager.default.attributesOfItem(atPath: source + "-wal")[.size] as? Int ?? 0
        #expect(wal > 0)

        let staged = try CertificateRegistry(path: folder.path("staged.sqlite"), copying: source)
        #expect(try staged.certificates(programme: "XC2021-1").map(\.number) == ["XC2021-1-JY-000001", "XC2021-1-JY-000002"])
        #expect(try staged.runs(programme: "XC2021-1").count == 1)
        try pool.close()
    }
}
