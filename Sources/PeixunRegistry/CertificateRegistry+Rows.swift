import Foundation
import GRDB
import PeixunCore

/// Reading and updating certificate rows with prepared statements and plain
/// rows: a rerun reads every certificate of the programme, and decoding each
/// through `Codable` costs more than the rest of the reconcile.
extension CertificateRegistry {
    /// Every certificate of `programme`, by kind then sequence.
    static func fetchCertificates(programme: String, db: Database) throws -> [CertificateRecord] {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, person_id, kind, number, sequence, status, holder_name, masked_id, county, school,
                   issued_run, revoked_run, code, key_fingerprint
            FROM certificate WHERE programme_code = ? ORDER BY kind, sequence
            """, arguments: [programme])
        var out: [CertificateRecord] = []
        while let row = try rows.next() {
            let kindText: String = row[2], statusText: String = row[5]
            guard let kind = CertificateKind(rawValue: kindText) else {
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "certificate \(row[3] as String): unknown kind \(kindText)")
            }
            guard let status = CertificateStatus(rawValue: statusText) else {
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "certificate \(row[3] as String): unknown status \(statusText)")
            }
            out.append(CertificateRecord(rowID: row[0], programmeCode: programme, personID: row[1], kind: kind,
                                         number: row[3], sequence: row[4], status: status, holderName: row[6],
                                         maskedID: row[7], county: row[8], school: row[9], issuedRun: row[10],
                                         revokedRun: row[11], code: row[12], keyFingerprint: row[13]))
        }
        return out
    }

    /// Writes what a reconcile may change in a certificate: its status, the
    /// holder's printed data and the code. (Its identity never changes.)
    static func update(_ cert: CertificateRecord, db: Database) throws {
        guard let id = cert.rowID else { return }
        let statement = try db.cachedStatement(sql: """
            UPDATE certificate SET status = ?, holder_name = ?, masked_id = ?, county = ?, school = ?,
                                   revoked_run = ?, code = ?, key_fingerprint = ?
            WHERE id = ?
            """)
        try statement.execute(arguments: [cert.status.rawValue, cert.holderName, cert.maskedID, cert.county,
                                          cert.school, cert.revokedRun, cert.code, cert.keyFingerprint, id])
    }

    /// `a == b` (canonical equivalence, as Swift compares), with the common
    /// case — the same bytes — decided without normalising.
    static func same(_ a: String, _ b: String) -> Bool {
        a.hasSameBytes(as: b) || a == b
    }
}
