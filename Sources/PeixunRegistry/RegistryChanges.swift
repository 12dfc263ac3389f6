import Foundation
import PeixunCore

/// What one reconcile changed since the previous run of the same programme.
/// Holds masked IDs only, so it can go to logs and into the output folder.
public struct RegistryChanges: Sendable, Equatable, Codable {
    /// One certificate that was issued, revoked, reinstated or updated.
    public struct Certificate: Sendable, Equatable, Codable {
        public var kind: CertificateKind
        public var number: String
        public var name: String
        public var maskedID: String
        public var county: String
        public var school: String
        /// For `holderUpdated`: what changed (`姓名 旧 → 新`).
        public var detail: String?

        enum CodingKeys: String, CodingKey {
            case kind, number, name
            case maskedID = "masked_id"
            case county, school, detail
        }
    }

    /// One person whose standing crossed a line.
    public struct Person: Sendable, Equatable, Codable {
        /// `trainee` or `tutor`.
        public var role: String
        public var name: String
        public var maskedID: String
        public var county: String
        public var school: String
        /// Total points before (nil when the person was not in the previous run) and now
        /// (nil when no longer in the roster).
        public var previousTotal: String?
        public var total: String?

        enum CodingKeys: String, CodingKey {
            case role, name
            case maskedID = "masked_id"
            case county, school
            case previousTotal = "previous_total"
            case total
        }
    }

    public var programmeCode: String
    public var programmeName: String
    public var run: Int64
    public var runAt: Date
    public var previousRun: Int64?
    public var previousRunAt: Date?
    /// New numbers, in the order they were assigned.
    public var issued: [Certificate] = []
    /// Certificates of persons who no longer qualify.
    public var revoked: [Certificate] = []
    /// Revoked certificates whose holder qualifies again: same number, valid again.
    public var reinstated: [Certificate] = []
    /// Certificates whose holder's printed data changed (a new name changes the
    /// verification code: reprint them).
    public var holderUpdated: [Certificate] = []
    /// Crossed the pass line upwards / downwards since the previous run.
    public var nowPassed: [Person] = []
    public var noLongerPassed: [Person] = []
    /// Crossed the honour line (优秀学员, 优秀辅导教师) upwards / downwards.
    public var nowExcellent: [Person] = []
    public var noLongerExcellent: [Person] = []

    public var isFirstRun: Bool { previousRun == nil }

    /// The 区县 of every certificate and person that changed (each is on that 区县's rosters).
    public var counties: Set<String> {
        var counties = Set((issued + revoked + reinstated + holderUpdated).map(\.county))
        for person in nowPassed + noLongerPassed + nowExcellent + noLongerExcellent { counties.insert(person.county) }
        return counties
    }

    /// True when nothing at all changed.
    public var isEmpty: Bool {
        issued.isEmpty && revoked.isEmpty && reinstated.isEmpty && holderUpdated.isEmpty && nowPassed.isEmpty
            && noLongerPassed.isEmpty && nowExcellent.isEmpty && noLongerExcellent.isEmpty
    }

    enum CodingKeys: String, CodingKey {
        case programmeCode = "programme_code"
        case programmeName = "programme_name"
        case run
        case runAt = "run_at"
        case previousRun = "previous_run"
        case previousRunAt = "previous_run_at"
        case issued, revoked, reinstated
        case holderUpdated = "holder_updated"
        case nowPassed = "now_passed"
        case noLongerPassed = "no_longer_passed"
        case nowExcellent = "now_excellent"
        case noLongerExcellent = "no_longer_excellent"
    }
}
