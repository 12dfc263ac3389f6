import Foundation
import GRDB
import Testing
import PeixunCore
@testable import PeixunRegistry

@Suite struct ConcurrencyTests {
    func results() throws -> Results {
        try Fixture.results((1...30).map { Fixture.trainee($0, passed: $0 % 3 != 0, excellent: $0 % 10 == 1) },
                            tutors: [Fixture.tutor(100, excellent: true)])
    }

    @Test func twoWritersOnANewRegistryAgree() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("registry.sqlite")
        let base = try results()
        let outcomes = try await withThrowingTaskGroup(of: [[CertificateRef]].self) { group in
            for i in 0..<4 {
                group.addTask {
                    let registry = try CertificateRegistry(path: path)
                    var copy = base
                    _ = try registry.reconcile(results: &copy, runTime: Fixture.date(Double(i)))
                    return copy.trainees.map(\.certificates) + copy.tutors.map(\.certificates)
                }
            }
            return try await group.reduce(into: [[[CertificateRef]]]()) { $0.append($1) }
        }
        #expect(outcomes.count == 4)
        #expect(outcomes.allSatisfy { $0 == outcomes[0] })
        let registry = try CertificateRegistry(path: path)
        #expect(try registry.runs(programme: "XC2021-1").count == 4)
        #expect(try registry.certificates(programme: "XC2021-1").count == 20 + 3 + 1)
    }

    @Test func aLockedRegistryMakesTheSecondWriterWaitOrFailClearly() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("registry.sqlite")
        let impatient = try CertificateRegistry(path: path, busyTimeout: 0.2)
        // Another connection (as another process would) holding the write lock.
        let other = try DatabaseQueue(path: path)
        let taken = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? other.writeWithoutTransaction { db in
                var locked = false
                defer { if !locked { taken.signal() } }
                try db.execute(sql: "BEGIN EXCLUSIVE")
                locked = true
                taken.signal()
                release.wait()
                try db.execute(sql: "COMMIT")
            }
            finished.signal()
        }
        taken.wait()

        #expect(throws: RegistryError.busy(path: path)) { try CertificateRegistry(path: path, busyTimeout: 0.2) }
        var results = try results()
        #expect(throws: RegistryError.busy(path: path)) {
            try impatient.reconcile(results: &results, runTime: Fixture.date(0))
        }
        #expect(results.trainees[0].certificates.isEmpty)
        #expect(RegistryError.busy(path: path).description.contains("another peixun process"))

        // A patient writer waits for the lock to be released.
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { release.signal() }
        let started = Date()
        let patient = try CertificateRegistry(path: path, busyTimeout: 10)
        _ = try patient.reconcile(results: &results, runTime: Fixture.date(0))
        #expect(Date().timeIntervalSince(started) >= 0.2)
        finished.wait()
        #expect(results.trainees[0].certificates.map(\.number) == ["XC2021-1-JY-000001", "XC2021-1-YX-000001"])
    }

    @Test func certificatesCannotBeDeletedOrRenumbered() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("registry.sqlite")
        let registry = try CertificateRegistry(path: path)
        var results = try results()
        _ = try registry.reconcile(results: &results, runTime: Fixture.date(0))
        let raw = try DatabaseQueue(path: path)
        #expect(throws: DatabaseError.self) { try raw.write { try $0.execute(sql: "DELETE FROM certificate") } }
        #expect(throws: DatabaseError.self) {
            try raw.write { try $0.execute(sql: "UPDATE certificate SET number = 'X' WHERE id = 1") }
        }
        #expect(throws: DatabaseError.self) {
            try raw.write { try $0.execute(sql: "UPDATE certificate SET person_id = 'X' WHERE id = 1") }
        }
        #expect(throws: DatabaseError.self) {
            try raw.write { try $0.execute(sql: "UPDATE certificate SET status = 'lost' WHERE id = 1") }
        }
        // Status changes are allowed (that is how revocation works).
        try raw.write { try $0.execute(sql: "UPDATE certificate SET status = 'revoked' WHERE id = 1") }
        #expect(try registry.certificates(programme: "XC2021-1").count == 24)
    }
}
