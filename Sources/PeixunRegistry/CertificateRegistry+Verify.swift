import Foundation
import GRDB
import PeixunCore

extension CertificateRegistry {
    /// Checks a certificate number and the code printed beside it. The code is
    /// recomputed from the registry's record and the key, and compared in
    /// constant time; the holder's data is only disclosed when it matches.
    public func verify(number: String, code: String, key: VerificationKey) throws -> VerificationResult {
        let trimmed = number.trimmingCharacters(in: .whitespacesAndNewlines)
        let found: (CertificateRecord, ProgrammeRecord?, Date?)? = try read { db in
            guard let cert = try CertificateRecord.filter(Column("number") == trimmed).fetchOne(db) else { return nil }
            let programme = try ProgrammeRecord.fetchOne(db, key: cert.programmeCode)
            let revokedAt = try cert.revokedRun.flatMap { try RunRecord.fetchOne(db, key: $0)?.runAt }
            return (cert, programme, revokedAt)
        }
        guard let (cert, programme, revokedAt) = found else { return .unknownNumber }
        let expected = VerificationCode.compute(key: key, programme: cert.programmeCode, kind: cert.kind,
                                                number: cert.number, id: cert.personID, name: cert.holderName)
        guard VerificationCode.matches(code, expected: expected) else { return .forged }
        let verified = VerifiedCertificate(number: cert.number, kind: cert.kind, programmeCode: cert.programmeCode,
                                           programmeName: programme?.name ?? cert.programmeCode,
                                           issuer: programme?.issuer ?? "", holderName: cert.holderName,
                                           maskedID: cert.maskedID, county: cert.county, school: cert.school,
                                           revokedAt: cert.status == .revoked ? revokedAt : nil)
        return cert.status == .issued ? .valid(verified) : .revoked(verified)
    }

    /// The code to print on a registered certificate.
    public func verificationCode(for certificate: CertificateRecord, key: VerificationKey) -> String {
        VerificationCode.compute(key: key, programme: certificate.programmeCode, kind: certificate.kind,
                                 number: certificate.number, id: certificate.personID, name: certificate.holderName)
    }
}
