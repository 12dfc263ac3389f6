import Foundation
import Testing
import PeixunCore
@testable import PeixunRegistry

@Suite struct CertificateRegistryTests {
    /// T1 passed+excellent, T2 failed, T3 passed; tutor U10 excellent, U11 not.
    func firstResults() throws -> Results {
        try Fixture.results([Fixture.trainee(1, passed: true, excellent: true), Fixture.trainee(2, passed: false),
                             Fixture.trainee(3, passed: true)],
                            tutors: [Fixture.tutor(10, excellent: true), Fixture.tutor(11, excellent: false)])
    }

    @Test func assignsNumbersInRosterOrderAndFillsResults() throws {
        let folder = try TemporaryFolder()
        let registry = try CertificateRegistry(path: folder.path("registry.sqlite"))
        var results = try firstResults()
        let changes = try registry.reconcile(results: &results, runTime: Fixture.date(0))

        #expect(results.trainees[0].certificates == [CertificateRef(kind: .completion, number: "XC2021-1-JY-000001"),
                                                     CertificateRef(kind: .excellentTrainee, number: "XC2021-1-YX-000001")])
        #expect(results.trainees[1].certificates.isEmpty)
        #expect(results.trainees[2].certificates == [CertificateRef(kind: .completion, number: "XC2021-1-JY-000002")])
        #expect(results.tutors[0].certificates == [CertificateRef(kind: .excellentTutor, number: "XC2021-1-FD-000001")])
        #expect(results.tutors[1].certificates.isEmpty)
        #expect(changes.isFirstRun)
        #expect(changes.issued.map(\.number) == ["XC2021-1-JY-000001", "XC2021-1-JY-000002", "XC2021-1-YX-000001",
                                                 "XC2021-1-FD-000001"])
        #expect(changes.revoked.isEmpty && changes.reinstated.isEmpty && changes.nowPassed.isEmpty)
        let runs = try registry.runs(programme: "XC2021-1")
        #expect(runs.count == 1)
        #expect(runs.first.map { [$0.trainees, $0.tutors, $0.passed, $0.excellentTrainees, $0.excellentTutors, $0.issued] }
                == [3, 2, 2, 1, 1, 4])
        let stored = try #require(try registry.certificate(number: "XC2021-1-JY-000002"))
        #expect(stored.personID == Fixture.id(3) && stored.maskedID == IDNumber.mask(Fixture.id(3))
                && stored.status == .issued && stored.holderName == "学员3")
    }

    @Test func numbersAreStableAcrossRerunsAndReopening() throws {
        let folder = try TemporaryFolder()
        var first = try firstResults()
        do {
            let registry = try CertificateRegistry(path: folder.path("registry.sqlite"))
            _ = try registry.reconcile(results: &first, runTime: Fixture.date(0))
        }
        let registry = try CertificateRegistry(path: folder.path("registry.sqlite"))
        var second = try firstResults()
        let changes = try registry.reconcile(results: &second, runTime: Fixture.date(3600))
        #expect(second.trainees.map(\.certificates) == first.trainees.map(\.certificates))
        #expect(second.tutors.map(\.certificates) == first.tutors.map(\.certificates))
        #expect(changes.isEmpty && !changes.isFirstRun && changes.previousRun == 1 && changes.run == 2)
        #expect(changes.summaryText.contains("无变化 No changes"))
        #expect(try registry.certificates(programme: "XC2021-1").count == 4)
    }

    @Test func newQualifierGetsTheNextNumber() throws {
        let folder = try TemporaryFolder()
        let registry = try CertificateRegistry(path: folder.path("registry.sqlite"))
        var results = try firstResults()
        _ = try registry.reconcile(results: &results, runTime: Fixture.date(0))

        // A data correction: T2 now passes; a late roster addition T4 passes too.
        var next = try firstResults()
        next.trainees[1] = Fixture.trainee(2, passed: true, total: 9_000)
        next.trainees.append(Fixture.trainee(4, passed: true))
        let changes = try registry.reconcile(results: &next, runTime: Fixture.date(60))
        #expect(next.numbers(.completion) == ["学员1": "XC2021-1-JY-000001", "学员2": "XC2021-1-JY-000003",
                                              "学员3": "XC2021-1-JY-000002", "学员4": "XC2021-1-JY-000004"])
        #expect(changes.issued.map(\.number) == ["XC2021-1-JY-000003", "XC2021-1-JY-000004"])
        #expect(changes.nowPassed.map(\.name) == ["学员2", "学员4"])
        #expect(changes.nowPassed.map(\.previousTotal) == ["80.00", nil])
        #expect(changes.nowPassed.map(\.total) == ["90.00", "95.00"])
        #expect(changes.noLongerPassed.isEmpty && changes.revoked.isEmpty)
    }

    @Test func revokesAndNeverReusesThenReinstatesTheSameNumber() throws {
        let folder = try TemporaryFolder()
        let registry = try CertificateRegistry(path: folder.path("registry.sqlite"))
        var results = try firstResults()
        _ = try registry.reconcile(results: &results, runTime: Fixture.date(0))

        // T1 drops below the pass line (and loses 优秀学员); the tutor loses 优秀; T5 newly passes.
        var second = try Fixture.results(
            [Fixture.trainee(1, passed: false, total: 8_950), Fixture.trainee(2, passed: false),
             Fixture.trainee(3, passed: true), Fixture.trainee(5, passed: true, excellent: true)],
            tutors: [Fixture.tutor(10, excellent: false), Fixture.tutor(11, excellent: true)])
        let changes = try registry.reconcile(results: &second, runTime: Fixture.date(60))
        #expect(changes.revoked.map(\.number) == ["XC2021-1-JY-000001", "XC2021-1-YX-000001", "XC2021-1-FD-000001"])
        #expect(changes.issued.map(\.number) == ["XC2021-1-JY-000003", "XC2021-1-YX-000002", "XC2021-1-FD-000002"])
        #expect(second.trainees[0].certificates.isEmpty)
        #expect(second.numbers(.completion)["学员5"] == "XC2021-1-JY-000003")
        #expect(changes.noLongerPassed.map(\.name) == ["学员1"])
        #expect(changes.noLongerPassed.first?.total == "89.50")
        #expect(changes.noLongerExcellent.map(\.name) == ["学员1", "坊主10"])
        #expect(changes.nowExcellent.map(\.name) == ["学员5", "坊主11"])
        #expect(changes.nowPassed.map(\.name) == ["学员5"])
        let revoked = try #require(try registry.certificate(number: "XC2021-1-JY-000001"))
        #expect(revoked.status == .revoked && revoked.revokedRun == 2 && revoked.personID == Fixture.id(1))

        // Still revoked on a rerun with the same data; nothing changes.
        var again = second
        let unchanged = try registry.reconcile(results: &again, runTime: Fixture.date(120))
        #expect(unchanged.isEmpty)
        #expect(try registry.certificate(number: "XC2021-1-JY-000001")?.status == .revoked)

        // T1 qualifies again: the same numbers come back, no new sequence is used.
        var third = try firstResults()
        let back = try registry.reconcile(results: &third, runTime: Fixture.date(180))
        #expect(back.reinstated.map(\.number) == ["XC2021-1-JY-000001", "XC2021-1-YX-000001", "XC2021-1-FD-000001"])
        #expect(back.issued.isEmpty)
        #expect(third.trainees[0].certificates.map(\.number) == ["XC2021-1-JY-000001", "XC2021-1-YX-000001"])
        #expect(try registry.certificate(number: "XC2021-1-JY-000001")?.revokedRun == nil)
        // T5 left the roster: revoked, reported as no longer passed.
        #expect(back.revoked.map(\.number) == ["XC2021-1-JY-000003", "XC2021-1-YX-000002", "XC2021-1-FD-000002"])
        #expect(back.noLongerPassed.map(\.name) == ["学员5"] && back.noLongerPassed.first?.total == nil)

        let all = try registry.certificates(programme: "XC2021-1")
        #expect(Set(all.map(\.number)).count == all.count)
        #expect(all.count == 7)
    }

    @Test func holderCorrectionKeepsTheNumberAndIsReported() throws {
        let folder = try TemporaryFolder()
        let registry = try CertificateRegistry(path: folder.path("registry.sqlite"))
        var results = try Fixture.results([Fixture.trainee(1, name: "王玥", passed: true)])
        _ = try registry.reconcile(results: &results, runTime: Fixture.date(0))
        var corrected = try Fixture.results([Fixture.trainee(1, name: "王玥玥", passed: true, school: "许昌市实验中学")])
        let changes = try registry.reconcile(results: &corrected, runTime: Fixture.date(60))
        #expect(changes.holderUpdated.map(\.number) == ["XC2021-1-JY-000001"])
        #expect(changes.holderUpdated.first?.detail == "姓名 name 王玥 → 王玥玥; 单位 school 许昌市第一中学 → 许昌市实验中学")
        #expect(corrected.trainees[0].certificates.map(\.number) == ["XC2021-1-JY-000001"])
        #expect(try registry.certificate(number: "XC2021-1-JY-000001")?.holderName == "王玥玥")
    }

    @Test func refusesToRenumberAfterIssuing() throws {
        let folder = try TemporaryFolder()
        let registry = try CertificateRegistry(path: folder.path("registry.sqlite"))
        var results = try firstResults()
        _ = try registry.reconcile(results: &results, runTime: Fixture.date(0))
        var changed = try firstResults()
        changed.scheme.certificates.numberFormat = "{code}/{kind}/{seq:04}"
        #expect(throws: RegistryError.self) { try registry.reconcile(results: &changed, runTime: Fixture.date(60)) }
        #expect(changed.trainees[0].certificates.isEmpty)
        changed = try firstResults()
        changed.scheme.certificates.kindCodes[.completion] = "JYZ"
        #expect(throws: RegistryError.self) { try registry.reconcile(results: &changed, runTime: Fixture.date(60)) }
        // The failed runs left nothing behind.
        #expect(try registry.runs(programme: "XC2021-1").count == 1)
    }

    @Test func rejectsFormatsThatWouldRepeatNumbers() throws {
        let folder = try TemporaryFolder()
        let registry = try CertificateRegistry(path: folder.path("registry.sqlite"))
        var noKind = try firstResults()
        noKind.scheme.certificates.numberFormat = "{code}-{seq:06}"
        #expect(throws: RegistryError.self) { try registry.reconcile(results: &noKind, runTime: Fixture.date(0)) }
        var sameCodes = try firstResults()
        sameCodes.scheme.certificates.kindCodes[.excellentTutor] = "YX"
        #expect(throws: RegistryError.self) { try registry.reconcile(results: &sameCodes, runTime: Fixture.date(0)) }
        var noProgramme = try firstResults()
        noProgramme.scheme.programme.code = ""
        #expect(throws: RegistryError.missingProgrammeCode) {
            try registry.reconcile(results: &noProgramme, runTime: Fixture.date(0))
        }
        #expect(try registry.certificates(programme: "XC2021-1").isEmpty)
    }

    @Test func twoProgrammesShareARegistry() throws {
        let folder = try TemporaryFolder()
        let registry = try CertificateRegistry(path: folder.path("registry.sqlite"))
        var a = try firstResults()
        _ = try registry.reconcile(results: &a, runTime: Fixture.date(0))
        var b = try firstResults()
        b.scheme.programme.code = "XC2022-1"
        let changes = try registry.reconcile(results: &b, runTime: Fixture.date(60))
        #expect(changes.isFirstRun)
        #expect(b.trainees[0].certificates.map(\.number) == ["XC2022-1-JY-000001", "XC2022-1-YX-000001"])
        // The same numbers in a second programme without {code} collide: refused, not reused.
        var c = try firstResults()
        c.scheme.programme.code = "XC2023-1"
        c.scheme.certificates.numberFormat = "XC2021-1-{kind}-{seq:06}"
        #expect(throws: RegistryError.numberCollision(number: "XC2021-1-JY-000001")) {
            try registry.reconcile(results: &c, runTime: Fixture.date(120))
        }
    }
}

@Suite struct RegistryCarryOverTests {
    @Test func copiesThePreviousRegistryAndLeavesItUntouched() throws {
        let folder = try TemporaryFolder()
        let previousPath = folder.path("out/registry.sqlite")
        try FileManager.default.createDirectory(atPath: folder.path("out"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder.path("staging"), withIntermediateDirectories: true)
        var first = try Fixture.results([Fixture.trainee(1, passed: true), Fixture.trainee(2, passed: true)])
        do {
            let previous = try CertificateRegistry(path: previousPath)
            _ = try previous.reconcile(results: &first, runTime: Fixture.date(0))
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: previousPath))

        let staged = try CertificateRegistry(path: folder.path("staging/registry.sqlite"), copying: previousPath)
        var second = try Fixture.results([Fixture.trainee(1, passed: true), Fixture.trainee(2, passed: false),
                                          Fixture.trainee(3, passed: true)])
        let changes = try staged.reconcile(results: &second, runTime: Fixture.date(60))
        #expect(changes.previousRun == 1)
        #expect(changes.revoked.map(\.number) == ["XC2021-1-JY-000002"])
        #expect(second.numbers(.completion) == ["学员1": "XC2021-1-JY-000001", "学员3": "XC2021-1-JY-000003"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: previousPath)) == before)
        #expect(try CertificateRegistry(path: previousPath).runs(programme: "XC2021-1").count == 1)

        // No previous registry: a fresh one.
        let fresh = try CertificateRegistry(path: folder.path("staging/fresh.sqlite"),
                                            copying: folder.path("out/none.sqlite"))
        #expect(try fresh.certificates(programme: "XC2021-1").isEmpty)
        // Copying over an existing file replaces it.
        let again = try CertificateRegistry(path: folder.path("staging/fresh.sqlite"), copying: previousPath)
        #expect(try again.certificates(programme: "XC2021-1").count == 2)
    }
}
