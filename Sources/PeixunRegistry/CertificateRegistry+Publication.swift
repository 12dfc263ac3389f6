import Foundation
import GRDB

extension CertificateRegistry {
    /// One certificate with what a public verification page may print of it
    /// (the site masks the name and drops the ID).
    public struct PublicationRow: Sendable {
        public var certificate: CertificateRecord
        public var programme: ProgrammeRecord?
        /// When the run that issued it ran.
        public var issuedAt: Date?
        /// When the run that revoked it ran; nil while valid.
        public var revokedAt: Date?
    }

    /// Every certificate whose code is stored, of every programme, by number.
    public func publicationRows() throws -> [PublicationRow] {
        try read { db in
            var runDates: [Int64: Date] = [:]
            for run in try RunRecord.fetchAll(db) { if let id = run.id { runDates[id] = run.runAt } }
            var programmes: [String: ProgrammeRecord] = [:]
            for p in try ProgrammeRecord.fetchAll(db) { programmes[p.code] = p }
            return try CertificateRecord.filter(Column("code") != nil).order(Column("number")).fetchAll(db).map { c in
                PublicationRow(certificate: c, programme: programmes[c.programmeCode], issuedAt: runDates[c.issuedRun],
                               revokedAt: c.status == .revoked ? c.revokedRun.flatMap { runDates[$0] } : nil)
            }
        }
    }
}
