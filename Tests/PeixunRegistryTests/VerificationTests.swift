import Foundation
import Testing
import PeixunCore
@testable import PeixunRegistry

@Suite struct VerificationCodeTests {
    func code(key: VerificationKey, programme: String = "XC2021-1", kind: CertificateKind = .completion,
              number: String = "XC2021-1-JY-000001", id: String = Fixture.id(1), name: String = "王玥") -> String {
        VerificationCode.compute(key: key, programme: programme, kind: kind, number: number, id: id, name: name)
    }

    @Test func isDeterministicAndWellFormed() throws {
        let key = try Fixture.key()
        let a = code(key: key), b = code(key: key)
        #expect(a == b)
        #expect(a.count == 11)
        let parts = a.split(separator: "-")
        #expect(parts.count == 2 && parts.allSatisfy { $0.count == 5 })
        #expect(a.replacingOccurrences(of: "-", with: "").allSatisfy { VerificationCode.alphabet.contains($0) })
        #expect(VerificationCode.normalize(a) == a)
    }

    @Test func differsWhenAnyFieldChanges() throws {
        let key = try Fixture.key()
        let base = code(key: key)
        let variants = [
            code(key: try Fixture.key(1)),
            code(key: key, programme: "XC2021-2"),
            code(key: key, kind: .excellentTrainee),
            code(key: key, number: "XC2021-1-JY-000002"),
            code(key: key, id: Fixture.id(2)),
            code(key: key, name: "王月"),
        ]
        #expect(variants.allSatisfy { $0 != base })
        #expect(Set(variants).count == variants.count)
    }

    @Test func encodingIsUnambiguous() {
        // Moving bytes from one field to the next must change the message.
        let a = VerificationCode.canonicalMessage(programme: "P", kind: .completion, number: "AB", id: "C", name: "n")
        let b = VerificationCode.canonicalMessage(programme: "P", kind: .completion, number: "A", id: "BC", name: "n")
        #expect(a != b)
        // The length prefix is four bytes big-endian.
        let tag = Array("peixun-certificate-v1".utf8)
        #expect(Array(a.prefix(4 + tag.count)) == [0, 0, 0, UInt8(tag.count)] + tag)
    }

    @Test func normalisesIdAndName() throws {
        let key = try Fixture.key()
        let upper = code(key: key, id: "41010219800101001X")
        #expect(code(key: key, id: "41010219800101001x") == upper)
        // é as one code point and as e + combining accent.
        #expect(code(key: key, name: "Ren\u{E9}") == code(key: key, name: "Rene\u{301}"))
    }

    @Test(arguments: [("abcde-fghjk", "ABCDE-FGHJK"), ("ABCDEFGHJK", "ABCDE-FGHJK"), (" o1l2i-3 4567 ", "01121-34567"),
                      ("ABCDE-FGHJ", nil), ("ABCDE-FGHJKU", nil), ("ABCDE-FGHJU", nil), ("", nil)] as [(String, String?)])
    func normalizesTypedCodes(typed: String, expected: String?) {
        #expect(VerificationCode.normalize(typed) == expected)
    }

    @Test func matchesComparesNormalisedCodes() throws {
        let key = try Fixture.key()
        let real = code(key: key)
        #expect(VerificationCode.matches(real.lowercased(), expected: real))
        #expect(VerificationCode.matches(real.replacingOccurrences(of: "-", with: ""), expected: real))
        var wrong = Array(real)
        wrong[0] = wrong[0] == "A" ? "B" : "A"
        #expect(!VerificationCode.matches(String(wrong), expected: real))
        #expect(!VerificationCode.matches("", expected: real))
    }
}

@Suite struct VerifyTests {
    @Test func answersValidRevokedForgedUnknown() throws {
        let folder = try TemporaryFolder()
        let registry = try CertificateRegistry(path: folder.path("registry.sqlite"))
        let key = try Fixture.key()
        var results = try Fixture.results([Fixture.trainee(1, name: "王玥", passed: true),
                                           Fixture.trainee(2, name: "李喆", passed: true)])
        _ = try registry.reconcile(results: &results, runTime: Fixture.date(0))
        let number1 = results.trainees[0].certificates[0].number
        let number2 = results.trainees[1].certificates[0].number
        let code1 = VerificationCode.compute(key: key, programme: "XC2021-1", kind: .completion, number: number1,
                                             id: Fixture.id(1), name: "王玥")
        let code2 = VerificationCode.compute(key: key, programme: "XC2021-1", kind: .completion, number: number2,
                                             id: Fixture.id(2), name: "李喆")

        guard case .valid(let holder) = try registry.verify(number: number1, code: code1, key: key) else {
            Issue.record("expected valid"); return
        }
        #expect(holder.holderName == "王玥" && holder.maskedID == "410102********001" + String(Fixture.id(1).last ?? "?"))
        #expect(holder.maskedID == IDNumber.mask(Fixture.id(1)))
        #expect(holder.kind == .completion && holder.programmeCode == "XC2021-1")
        #expect(holder.programmeName == results.scheme.programme.name && holder.issuer == "许昌市中小学教师培训中心")
        #expect(try registry.verify(number: " \(number1) ", code: code1.lowercased(), key: key).isValid)
        #expect(try registry.verify(number: number1, code: code2, key: key) == .forged)
        #expect(try registry.verify(number: number1, code: "not a code", key: key) == .forged)
        #expect(try registry.verify(number: number1, code: code1, key: try Fixture.key(7)) == .forged)
        #expect(try registry.verify(number: "XC2021-1-JY-999999", code: code1, key: key) == .unknownNumber)
        #expect(registry.verificationCode(for: try #require(try registry.certificate(number: number2)), key: key) == code2)

        // 李喆 drops out: revoked, with the revoking run's time.
        var second = try Fixture.results([Fixture.trainee(1, name: "王玥", passed: true),
                                          Fixture.trainee(2, name: "李喆", passed: false)])
        _ = try registry.reconcile(results: &second, runTime: Fixture.date(86_400))
        guard case .revoked(let gone) = try registry.verify(number: number2, code: code2, key: key) else {
            Issue.record("expected revoked"); return
        }
        #expect(gone.holderName == "李喆" && gone.revokedAt.map { abs($0.timeIntervalSince(Fixture.date(86_400))) < 0.01 } == true)
        // A wrong code on a revoked number is forged, and discloses nothing.
        #expect(try registry.verify(number: number2, code: code1, key: key) == .forged)

        // A corrected name invalidates the old code.
        var renamed = try Fixture.results([Fixture.trainee(1, name: "王玥玥", passed: true)])
        _ = try registry.reconcile(results: &renamed, runTime: Fixture.date(2 * 86_400))
        #expect(try registry.verify(number: number1, code: code1, key: key) == .forged)
    }

    @Test func verifyNeedsAnExistingRegistry() throws {
        let folder = try TemporaryFolder()
        #expect(throws: RegistryError.self) { try CertificateRegistry(existingAt: folder.path("none.sqlite")) }
        #expect(!FileManager.default.fileExists(atPath: folder.path("none.sqlite")))
    }
}
