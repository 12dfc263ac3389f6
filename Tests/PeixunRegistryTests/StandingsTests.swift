import Foundation
import GRDB
import Testing
import PeixunCore
@testable import PeixunRegistry

/// The `standing` table after a rerun, which writes only the rows that differ:
/// it must hold what a full rewrite would (one row per person of the run, in
/// the run's order, every row stamped with the run), and the rows that did not
/// change must stay where they were.
@Suite struct StandingsTests {
    /// One stored row: rowid and every column but programme_code.
    struct Stored: Equatable, CustomStringConvertible {
        var rowID: Int64
        var values: [String]
        var description: String { "\(rowID): \(values.joined(separator: "|"))" }
    }

    static func stored(_ registry: CertificateRegistry) throws -> [Stored] {
        try registry.queue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT rowid, role, person_id, name, masked_id, county, school, passed, excellent, total, run
                FROM standing ORDER BY rowid
                """).map { row in
                Stored(rowID: row[0], values: (1..<11).map { i in
                    let value = row[i] as DatabaseValue
                    if case .string(let text) = value.storage { return text }
                    return value.description
                })
            }
        }
    }

    /// What a full rewrite stores for `results` in run `run`, in order (values only).
    static func rewritten(_ results: Results, run: Int64) throws -> [[String]] {
        let folder = try TemporaryFolder()
        let registry = try CertificateRegistry(path: folder.path("reference.sqlite"))
        try registry.queue.write { db in
            try db.execute(sql: "INSERT INTO programme VALUES ('XC2021-1', '', '', '', '')")
            for id in 1...run {
                try db.execute(sql: """
                    INSERT INTO run VALUES (?, 'XC2021-1', '2021-12-20 00:00:00', '', 0, 0, 0, 0, 0, 0, 0, 0)
                    """, arguments: [id])
            }
            var changes = RegistryChanges(programmeCode: "XC2021-1", programmeName: "", run: run, runAt: Date(),
                                          previousRun: nil, previousRunAt: nil)
            try CertificateRegistry.compareStandings(results, programme: "XC2021-1", run: run, hasPrevious: false,
                                                     changes: &changes, db: db)
        }
        return try stored(registry).map(\.values)
    }

    @Test func aRerunWritesOnlyTheDifferencesAndEndsAsAFullRewrite() throws {
        let folder = try TemporaryFolder()
        let registry = try CertificateRegistry(path: folder.path("registry.sqlite"))
        var first = try Fixture.results([Fixture.trainee(1, passed: true), Fixture.trainee(2, passed: true),
                                         Fixture.trainee(3, passed: false), Fixture.trainee(4, passed: true)],
                                        tutors: [Fixture.tutor(10, excellent: true)])
        _ = try registry.reconcile(results: &first, runTime: Fixture.date(0))
        let before = try Self.stored(registry)
        #expect(before.map(\.rowID) == [1, 2, 3, 4, 5])
        #expect(before.allSatisfy { $0.values.last == "1" })

        // 2 left; 3 now passes with a new total; 4 unchanged; 5 is new (at the end of the trainees);
        // tutor 10 unchanged.
        var second = try Fixture.results([Fixture.trainee(1, passed: true), Fixture.trainee(3, passed: true, total: 9_025),
                                          Fixture.trainee(4, passed: true), Fixture.trainee(5, passed: false)],
                                         tutors: [Fixture.tutor(10, excellent: true)])
        let changes = try registry.reconcile(results: &second, runTime: Fixture.date(60))
        let after = try Self.stored(registry)

        #expect(after.map(\.values) == (try Self.rewritten(second, run: 2)))
        // 1, 3 (changed) and 4 stay in place, 2's row is gone; from the new person 5 on (5, then
        // tutor 10) the rows are appended again.
        #expect(after.map(\.rowID) == [1, 3, 4, 5, 6])
        #expect(after[4].values == before[4].values.dropLast() + ["2"])
        #expect(after.first { $0.rowID == 3 }?.values[8] == "90.25")
        #expect(after.allSatisfy { $0.values.last == "2" })
        #expect(after.map { $0.values[1] } == [1, 3, 4, 5, 10].map(Fixture.id))
        #expect(changes.nowPassed.map(\.name) == ["学员3"])
        #expect(changes.nowPassed.first?.previousTotal == "80.00" && changes.nowPassed.first?.total == "90.25")
        #expect(changes.noLongerPassed.map(\.name) == ["学员2"])
        #expect(changes.noLongerPassed.first?.total == nil)
    }

    /// Two programmes in one registry: the standings are read by a scan of the whole table in
    /// rowid order, so a programme's rerun must see only its own rows, in its own order, and
    /// stamp only them with its run.
    @Test func anotherProgrammesStandingsAreNeitherReadNorStamped() throws {
        let folder = try TemporaryFolder()
        let registry = try CertificateRegistry(path: folder.path("registry.sqlite"))
        var a = try Fixture.results([Fixture.trainee(1, passed: true), Fixture.trainee(2, passed: false)], tutors: [])
        _ = try registry.reconcile(results: &a, runTime: Fixture.date(0))
        // The other programme has people 2 and 3, with the opposite standings.
        var b = try Fixture.results([Fixture.trainee(3, passed: true), Fixture.trainee(2, passed: true)], tutors: [])
        b.scheme.programme.code = "XC2022-1"
        _ = try registry.reconcile(results: &b, runTime: Fixture.date(10))
        let bRows = try registry.queue.read { db in
            try Row.fetchAll(db, sql: "SELECT rowid, person_id, passed, run FROM standing WHERE programme_code = 'XC2022-1' ORDER BY rowid")
        }

        // A's rerun: 2 now passes, 1 unchanged. Its changes name only its own people.
        var again = try Fixture.results([Fixture.trainee(1, passed: true), Fixture.trainee(2, passed: true)], tutors: [])
        let changes = try registry.reconcile(results: &again, runTime: Fixture.date(20))
        #expect(changes.nowPassed.map(\.name) == ["学员2"])
        #expect(changes.noLongerPassed.isEmpty)
        let aRows = try registry.queue.read { db in
            try Row.fetchAll(db, sql: "SELECT person_id, passed, run FROM standing WHERE programme_code = 'XC2021-1' ORDER BY rowid")
        }
        #expect(aRows.map { $0[0] as String } == [1, 2].map(Fixture.id))
        #expect(aRows.map { $0[1] as Bool } == [true, true])
        #expect(Set(aRows.map { $0[2] as Int64 }) == [changes.run])
        // B's rows are as they were: same rowids, values and run stamp.
        let bAfter = try registry.queue.read { db in
            try Row.fetchAll(db, sql: "SELECT rowid, person_id, passed, run FROM standing WHERE programme_code = 'XC2022-1' ORDER BY rowid")
        }
        #expect(bAfter == bRows)
        #expect(bRows.count == 2 && bRows.allSatisfy { ($0[3] as Int64) != changes.run })

        // A new first person in A rewrites A's rows after B's: the two programmes' rows now
        // interleave by rowid (B's, then A's). A rerun reads A's in their order all the same, and
        // finds nothing changed.
        var third = try Fixture.results([Fixture.trainee(5, passed: false), Fixture.trainee(1, passed: true),
                                         Fixture.trainee(2, passed: true)], tutors: [])
        _ = try registry.reconcile(results: &third, runTime: Fixture.date(30))
        let order = try registry.queue.read { db in
            try Row.fetchAll(db, sql: "SELECT programme_code, person_id, rowid FROM standing ORDER BY rowid")
        }
        #expect(order.map { $0[0] as String } == ["XC2022-1", "XC2022-1", "XC2021-1", "XC2021-1", "XC2021-1"])
        #expect(order.suffix(3).map { $0[1] as String } == [5, 1, 2].map(Fixture.id))
        var fourth = try Fixture.results([Fixture.trainee(5, passed: false), Fixture.trainee(1, passed: true),
                                          Fixture.trainee(2, passed: true)], tutors: [])
        let unchanged = try registry.reconcile(results: &fourth, runTime: Fixture.date(40))
        #expect(unchanged.nowPassed.isEmpty && unchanged.noLongerPassed.isEmpty)
        let kept = try registry.queue.read { db in
            try Row.fetchAll(db, sql: "SELECT rowid, person_id FROM standing WHERE programme_code = 'XC2021-1' ORDER BY rowid")
        }
        #expect(kept.map { $0[1] as String } == [5, 1, 2].map(Fixture.id))
        #expect(kept.map { $0[0] as Int64 } == order.suffix(3).map { $0[2] as Int64 })  // every row kept in place
    }

    @Test func aNewPersonInTheMiddleKeepsTheRunsOrder() throws {
        let folder = try TemporaryFolder()
        let registry = try CertificateRegistry(path: folder.path("registry.sqlite"))
        var first = try Fixture.results([Fixture.trainee(1, passed: true), Fixture.trainee(3, passed: true)])
        _ = try registry.reconcile(results: &first, runTime: Fixture.date(0))
        var second = try Fixture.results([Fixture.trainee(1, passed: true), Fixture.trainee(2, passed: true),
                                          Fixture.trainee(3, passed: true)])
        _ = try registry.reconcile(results: &second, runTime: Fixture.date(60))
        #expect(try Self.stored(registry).map(\.values) == (try Self.rewritten(second, run: 2)))

        // Everyone leaves: they are listed in the previous run's order, 2 between 1 and 3.
        var third = try Fixture.results([Fixture.trainee(9, passed: false)])
        let changes = try registry.reconcile(results: &third, runTime: Fixture.date(120))
        #expect(changes.noLongerPassed.map(\.name) == ["学员1", "学员2", "学员3"])
        #expect(try Self.stored(registry).map(\.values) == (try Self.rewritten(third, run: 3)))
    }

    @Test func aReorderedRosterIsStoredInTheNewOrder() throws {
        let folder = try TemporaryFolder()
        let registry = try CertificateRegistry(path: folder.path("registry.sqlite"))
        var first = try Fixture.results([Fixture.trainee(1, passed: true), Fixture.trainee(2, passed: false),
                                         Fixture.trainee(3, passed: true)])
        _ = try registry.reconcile(results: &first, runTime: Fixture.date(0))
        var second = try Fixture.results([Fixture.trainee(3, passed: true), Fixture.trainee(1, passed: true),
                                          Fixture.trainee(2, passed: false)])
        let changes = try registry.reconcile(results: &second, runTime: Fixture.date(60))
        #expect(changes.isEmpty)
        #expect(try Self.stored(registry).map(\.values) == (try Self.rewritten(second, run: 2)))
    }

    /// A name respelled in another Unicode normalisation form is the same name
    /// (no certificate update, as before) but other bytes: the table stores the
    /// new bytes, as a full rewrite would.
    @Test func aRespelledNameIsStoredWithoutUpdatingTheCertificate() throws {
        let folder = try TemporaryFolder()
        let registry = try CertificateRegistry(path: folder.path("registry.sqlite"))
        let composed = "学员\u{E9}", decomposed = "学员e\u{301}"
        var first = try Fixture.results([Fixture.trainee(1, name: composed, passed: true)])
        _ = try registry.reconcile(results: &first, runTime: Fixture.date(0))
        var second = try Fixture.results([Fixture.trainee(1, name: decomposed, passed: true)])
        let changes = try registry.reconcile(results: &second, runTime: Fixture.date(60))
        #expect(changes.holderUpdated.isEmpty)
        let cert = try #require(try registry.certificates(programme: "XC2021-1").first)
        #expect(Array(cert.holderName.utf8) == Array(composed.utf8))
        let stored = try Self.stored(registry)
        #expect(stored.map(\.values) == (try Self.rewritten(second, run: 2)))
        let bytes = try registry.queue.read { db in
            try Row.fetchOne(db, sql: "SELECT CAST(name AS BLOB) FROM standing")?[0] as Data?
        }
        #expect(bytes == Data(decomposed.utf8))
    }
}

extension StandingsTests {
    /// The common rerun: the same people, one total changed, nothing new.
    @Test func anUnchangedRosterKeepsEveryRowInPlace() throws {
        let folder = try TemporaryFolder()
        let registry = try CertificateRegistry(path: folder.path("registry.sqlite"))
        var first = try Fixture.results([Fixture.trainee(1, passed: true), Fixture.trainee(2, passed: true, excellent: true)],
                                        tutors: [Fixture.tutor(10, excellent: false)])
        _ = try registry.reconcile(results: &first, runTime: Fixture.date(0))
        var second = try Fixture.results([Fixture.trainee(1, passed: true, total: 9_900),
                                          Fixture.trainee(2, passed: true, excellent: false)],
                                         tutors: [Fixture.tutor(10, excellent: false)])
        let changes = try registry.reconcile(results: &second, runTime: Fixture.date(60))
        let after = try Self.stored(registry)
        #expect(after.map(\.rowID) == [1, 2, 3])
        #expect(after.map(\.values) == (try Self.rewritten(second, run: 2)))
        #expect(after.map { $0.values[8] } == ["99.00", "95.00", "95.00"])
        #expect(after.map { $0.values[7] } == ["0", "0", "0"])
        #expect(changes.noLongerExcellent.map(\.name) == ["学员2"] && changes.noLongerPassed.isEmpty)
    }
}
