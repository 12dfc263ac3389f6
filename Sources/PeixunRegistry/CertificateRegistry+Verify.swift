import Foundation
import GRDB
import PeixunCore

extension CertificateRegistry {
    /// Checks a certificate number and the code printed beside it against the
    /// code the registry stored when it issued the certificate (under whichever
    /// of its keys was current then), in constant time; the holder's data is
    /// only disclosed when it matches. `key` is needed only for a certificate
    /// from before codes were stored: its code is recomputed with it.
    public func verify(number: String, code: String, key: VerificationKey? = nil) throws -> VerificationResult {
        let trimmed = number.trimmingCharacters(in: .whitespacesAndNewlines)
        let found: (CertificateRecord, ProgrammeRecord?, Date?)? = try read { db in
            guard let cert = try CertificateRecord.filter(Column("number") == trimmed).fetchOne(db) else { return nil }
            let programme = try ProgrammeRecord.fetchOne(db, key: cert.programmeCode)
            let revokedAt = try cert.revokedRun.flatMap { try RunRecord.fetchOne(db, key: $0)?.runAt }
            return (cert, programme, revokedAt)
        }
        guard let (cert, programme, revokedAt) = found else { return .unknownNumber }
        let expected = cert.code ?? key.map { key in
            VerificationCode.compute(key: key, programme: cert.programmeCode, kind: cert.kind,
                                     number: cert.number, id: cert.personID, name: cert.holderName)
        }
        guard let expected else { throw RegistryError.codesNotStored(registry: path, certificates: 1) }
        guard VerificationCode.matches(code, expected: expected) else { return .forged }
        let verified = VerifiedCertificate(number: cert.number, kind: cert.kind, programmeCode: cert.programmeCode,
                                           programmeName: programme?.name ?? cert.programmeCode,
                                           issuer: programme?.issuer ?? "", holderName: cert.holderName,
                                           maskedID: cert.maskedID, county: cert.county, school: cert.school,
                                           revokedAt: cert.status == .revoked ? revokedAt : nil)
        return cert.status == .issued ? .valid(verified) : .revoked(verified)
    }

    /// The code to print on a registered certificate: the stored one, else
    /// (a registry from before codes were stored) recomputed with `key`.
    public func verificationCode(for certificate: CertificateRecord, key: VerificationKey) -> String {
        certificate.code ?? VerificationCode.compute(key: key, programme: certificate.programmeCode,
                                                     kind: certificate.kind, number: certificate.number,
                                                     id: certificate.personID, name: certificate.holderName)
    }

    /// Every stored code of a programme, by certificate number (for drawing:
    /// a reprint carries the code first printed, whichever key made it).
    public func storedCodes(programme: String) throws -> [String: String] {
        try read { db in
            var codes: [String: String] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT number, code FROM certificate WHERE programme_code = ? AND code IS NOT NULL",
                                           arguments: [programme])
            while let row = try rows.next() { codes[row["number"]] = row["code"] }
            return codes
        }
    }
}
