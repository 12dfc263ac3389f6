import Foundation
import GRDB
import Testing
import PeixunCore
@testable import PeixunRegistry

@Suite struct KeyPinningTests {
    func two() throws -> Results {
        try Fixture.results([Fixture.trainee(1, name: "王玥", passed: true), Fixture.trainee(2, name: "李喆", passed: true)])
    }

    func writeKey(_ key: VerificationKey, _ path: String) throws {
        FileManager.default.createFile(atPath: path, contents: Data(key.bytes), attributes: [.posixPermissions: 0o600])
    }

    @Test func fingerprintIsStableShortAndDiffersByKey() throws {
        let a = try Fixture.key(), b = try Fixture.key(1)
        #expect(a.fingerprint == (try Fixture.key()).fingerprint)
        #expect(a.fingerprint != b.fingerprint)
        #expect(a.fingerprint.count == 19 && a.fingerprint.split(separator: "-").count == 4)
        // Not the key's bytes in hex.
        #expect(!a.bytes.prefix(8).map { String(format: "%02x", $0) }.joined().hasPrefix(a.fingerprint.prefix(4)))
    }

    @Test func firstRunPinsItsKeyStoresCodesAndAnotherKeyIsRefused() throws {
        let folder = try TemporaryFolder()
        let registry = try CertificateRegistry(path: folder.path("registry.sqlite"))
        let key = try Fixture.key()
        var results = try two()
        _ = try registry.reconcile(results: &results, runTime: Fixture.date(0), key: key, keyPath: "/keys/a.key")
        let pinned = try registry.pinnedKeys()
        #expect(pinned.map(\.fingerprint) == [key.fingerprint])
        #expect(pinned.first?.keyPath == "/keys/a.key" && pinned.first?.reason == "first_run")
        let number = results.trainees[0].certificates[0].number
        let cert = try #require(try registry.certificate(number: number))
        let expected = VerificationCode.compute(key: key, programme: "XC2021-1", kind: .completion, number: number,
                                                id: Fixture.id(1), name: "王玥")
        #expect(cert.code == expected && cert.keyFingerprint == key.fingerprint)
        // verify needs no key: the stored code answers.
        #expect(try registry.verify(number: number, code: expected).isValid)

        var again = try two()
        #expect {
            try registry.reconcile(results: &again, runTime: Fixture.date(60), key: try Fixture.key(1), keyPath: "/keys/b.key")
        } throws: { error in
            guard case RegistryError.keyMismatch(_, let p, _, _, let found, let retired) = error else { return false }
            return p.fingerprint == key.fingerprint && found == (try? Fixture.key(1))?.fingerprint && !retired
        }
        #expect(try registry.runs(programme: "XC2021-1").count == 1)  // the refused run left no trace
    }

    @Test func forRunRefusesAnotherKeyNamingBothFingerprintsAndPaths() throws {
        let folder = try TemporaryFolder()
        let registryPath = folder.path("registry.sqlite")
        let registry = try CertificateRegistry(path: registryPath)
        let key = try Fixture.key()
        var results = try two()
        _ = try registry.reconcile(results: &results, runTime: Fixture.date(0), key: key, keyPath: folder.path("a.key"))
        try writeKey(key, folder.path("a.key"))
        try writeKey(try Fixture.key(3), folder.path("b.key"))
        let before = try Data(contentsOf: URL(fileURLWithPath: registryPath))

        #expect(try VerificationKey.forRun(registryAt: registryPath, registryName: "R", keyPath: folder.path("a.key"),
                                           origin: "from --key").fingerprint == key.fingerprint)
        do {
            _ = try VerificationKey.forRun(registryAt: registryPath, registryName: "R", keyPath: folder.path("b.key"),
                                           origin: "from PEIXUN_KEY_FILE")
            Issue.record("another key was accepted")
        } catch let error as RegistryError {
            let text = error.description
            let other = try Fixture.key(3).fingerprint
            #expect(text.contains(key.fingerprint) && text.contains(other))
            #expect(text.contains(folder.path("a.key")) && text.contains(folder.path("b.key")))
            #expect(text.contains("PEIXUN_KEY_FILE") && text.contains("key rotate"))
        }
        // Missing key file: refused, and no key is created.
        #expect(throws: RegistryError.self) {
            try VerificationKey.forRun(registryAt: registryPath, registryName: "R", keyPath: folder.path("none/c.key"),
                                       origin: "")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path("none/c.key")))
        #expect(!FileManager.default.fileExists(atPath: folder.path("none")))
        // Reading the pin changed nothing in the registry file.
        #expect(try Data(contentsOf: URL(fileURLWithPath: registryPath)) == before)
        // No registry yet: a first key is made.
        let fresh = try VerificationKey.forRun(registryAt: folder.path("no.sqlite"), registryName: "N",
                                               keyPath: folder.path("new/d.key"), origin: "")
        #expect(try VerificationKey.load(at: folder.path("new/d.key")).fingerprint == fresh.fingerprint)
    }

    @Test func legacyRegistryWithCertificatesNeverGetsANewKey() throws {
        let folder = try TemporaryFolder()
        let registryPath = folder.path("registry.sqlite")
        var results = try two()
        _ = try CertificateRegistry(path: registryPath).reconcile(results: &results, runTime: Fixture.date(0))  // no key: nothing pinned
        #expect(try KeyPinState.read(registryAt: registryPath).certificatesWithoutCode == 2)
        #expect(throws: RegistryError.self) {
            try VerificationKey.forRun(registryAt: registryPath, registryName: "R", keyPath: folder.path("k.key"), origin: "")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path("k.key")))
    }

    @Test func rotateKeepsOldCodesValidAndNewCertificatesUseTheNewKey() throws {
        let folder = try TemporaryFolder()
        let registry = try CertificateRegistry(path: folder.path("registry.sqlite"))
        let old = try Fixture.key(), new = try Fixture.key(9)
        var results = try two()
        _ = try registry.reconcile(results: &results, runTime: Fixture.date(0), key: old, keyPath: "/k/old")
        let number1 = results.trainees[0].certificates[0].number
        let oldCode = VerificationCode.compute(key: old, programme: "XC2021-1", kind: .completion, number: number1,
                                               id: Fixture.id(1), name: "王玥")

        let (previous, recorded) = try registry.rotateKey(to: new, keyPath: "/k/new", at: Fixture.date(30))
        #expect(previous?.fingerprint == old.fingerprint && recorded.fingerprint == new.fingerprint)
        #expect(throws: RegistryError.self) { try registry.rotateKey(to: new, keyPath: "/k/new", at: Fixture.date(31)) }
        #expect(throws: RegistryError.self) { try registry.rotateKey(to: old, keyPath: "/k/old", at: Fixture.date(31)) }

        var third = try Fixture.results([Fixture.trainee(1, name: "王玥", passed: true),
                                         Fixture.trainee(2, name: "李喆", passed: true),
                                         Fixture.trainee(3, name: "赵敏", passed: true)])
        // The old key is retired: a run with it is refused.
        var copy = third
        #expect(throws: RegistryError.self) {
            try registry.reconcile(results: &copy, runTime: Fixture.date(60), key: old, keyPath: "/k/old")
        }
        _ = try registry.reconcile(results: &third, runTime: Fixture.date(60), key: new, keyPath: "/k/new")
        let number3 = third.trainees[2].certificates[0].number
        let newCode = VerificationCode.compute(key: new, programme: "XC2021-1", kind: .completion, number: number3,
                                               id: Fixture.id(3), name: "赵敏")
        #expect(try registry.verify(number: number1, code: oldCode).isValid)
        #expect(try registry.verify(number: number3, code: newCode).isValid)
        #expect(try registry.certificate(number: number1)?.keyFingerprint == old.fingerprint)
        #expect(try registry.certificate(number: number3)?.keyFingerprint == new.fingerprint)
        // A renamed holder gets a code under the current key.
        var renamed = try Fixture.results([Fixture.trainee(1, name: "王玥玥", passed: true)])
        _ = try registry.reconcile(results: &renamed, runTime: Fixture.date(90), key: new, keyPath: "/k/new")
        let renamedCode = VerificationCode.compute(key: new, programme: "XC2021-1", kind: .completion, number: number1,
                                                   id: Fixture.id(1), name: "王玥玥")
        #expect(try registry.verify(number: number1, code: oldCode) == .forged)
        #expect(try registry.verify(number: number1, code: renamedCode).isValid)
    }

    @Test func rotateIsRefusedWhileCodesAreNotStored() throws {
        let folder = try TemporaryFolder()
        let registry = try CertificateRegistry(path: folder.path("registry.sqlite"))
        var results = try two()
        _ = try registry.reconcile(results: &results, runTime: Fixture.date(0))
        #expect(throws: RegistryError.codesNotStored(registry: registry.path, certificates: 2)) {
            try registry.rotateKey(to: try Fixture.key(5), keyPath: "/k", at: Fixture.date(1))
        }
    }
}
