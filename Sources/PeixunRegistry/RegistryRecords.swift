import Foundation
import GRDB
import PeixunCore

/// 项目 — one programme known to the registry, with the numbering it was
/// first registered with.
public struct ProgrammeRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "programme"
    public var code: String
    public var name: String
    public var issuer: String
    /// The scheme's number format when the first certificate was issued.
    public var numberFormat: String
    /// The kind codes then, canonical text `completion=JY;excellent_trainee=YX;…`.
    public var kindCodes: String

    enum CodingKeys: String, CodingKey {
        case code, name, issuer
        case numberFormat = "number_format"
        case kindCodes = "kind_codes"
    }
}

/// Status of a certificate in the registry.
public enum CertificateStatus: String, Codable, Sendable, Equatable, DatabaseValueConvertible {
    /// 有效
    case issued
    /// 已撤销
    case revoked

    public var label: String { self == .issued ? "有效 valid" : "已撤销 revoked" }
}

/// 证书 — one certificate. Its key (programme, person, kind), number and
/// sequence never change once inserted (database triggers enforce it); the
/// holder's printed data follows the latest run.
public struct CertificateRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "certificate"
    public var rowID: Int64?
    public var programmeCode: String
    /// 身份证号 — full, upper-cased: the registry holds what the code is computed over.
    public var personID: String
    public var kind: CertificateKind
    public var number: String
    /// Per (programme, kind), from 1, never reused.
    public var sequence: Int
    public var status: CertificateStatus
    public var holderName: String
    public var maskedID: String
    public var county: String
    public var school: String
    /// The run that first issued it.
    public var issuedRun: Int64
    /// The run that revoked it last; nil while issued.
    public var revokedRun: Int64?
    /// 校验码 as printed (`XXXXX-XXXXX`); nil until a run with the key has made it.
    public var code: String?
    /// The fingerprint of the key `code` was made under.
    public var keyFingerprint: String?

    enum CodingKeys: String, CodingKey {
        case rowID = "id"
        case programmeCode = "programme_code"
        case personID = "person_id"
        case kind, number, sequence, status
        case holderName = "holder_name"
        case maskedID = "masked_id"
        case county, school
        case issuedRun = "issued_run"
        case revokedRun = "revoked_run"
        case code
        case keyFingerprint = "key_fingerprint"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { rowID = inserted.rowID }
}

extension CertificateKind: DatabaseValueConvertible {}

/// 运行 — one reconcile, with its counts.
public struct RunRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "run"
    public var id: Int64?
    public var programmeCode: String
    public var runAt: Date
    /// The last day whose records counted (`Results.dataDate`), `YYYY-MM-DD`.
    public var dataDate: String
    public var trainees: Int
    public var tutors: Int
    public var passed: Int
    public var excellentTrainees: Int
    public var excellentTutors: Int
    public var issued: Int
    public var revoked: Int
    public var reinstated: Int

    enum CodingKeys: String, CodingKey {
        case id
        case programmeCode = "programme_code"
        case runAt = "run_at"
        case dataDate = "data_date"
        case trainees, tutors, passed
        case excellentTrainees = "excellent_trainees"
        case excellentTutors = "excellent_tutors"
        case issued, revoked, reinstated
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A person's standing after the latest run: what the next run compares with
/// to say who crossed the pass line or the honour line.
struct StandingRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "standing"
    var programmeCode: String
    /// `trainee` or `tutor` (a 坊主兼学员 has one row of each).
    var role: String
    var personID: String
    var name: String
    var maskedID: String
    var county: String
    var school: String
    var passed: Bool
    var excellent: Bool
    /// Total points as printed (`90.50`).
    var total: String
    var run: Int64

    enum CodingKeys: String, CodingKey {
        case programmeCode = "programme_code"
        case role
        case personID = "person_id"
        case name
        case maskedID = "masked_id"
        case county, school, passed, excellent, total, run
    }
}

/// One line of a certificate's history.
struct CertificateEventRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "certificate_event"
    var certificateID: Int64
    var run: Int64
    /// `issued`, `revoked`, `reinstated`, `holder_updated`
    var event: String
    var detail: String?

    enum CodingKeys: String, CodingKey {
        case certificateID = "certificate_id"
        case run, event, detail
    }
}
