import Foundation
import GRDB

/// 已登记的校验密钥 — one key the registry has accepted: its fingerprint (never
/// the key), where it was found, when and why it was recorded.
public struct PinnedKey: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "verification_key"
    public var id: Int64?
    public var fingerprint: String
    /// The key file's path as given when it was recorded.
    public var keyPath: String
    public var recordedAt: Date
    /// `first_run` (pinned by the first run that issued with it) or `rotate`.
    public var reason: String

    enum CodingKeys: String, CodingKey {
        case id, fingerprint
        case keyPath = "key_path"
        case recordedAt = "recorded_at"
        case reason
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// `3f2a-9c1b-07de-55a0 (recorded 2026-12-01 from /home/a/.config/peixun/secret.key)`
    public var summary: String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withFullDate]
        f.timeZone = TimeZone(identifier: "Asia/Shanghai")
        return "\(fingerprint) (recorded \(f.string(from: recordedAt)) \(reason == "rotate" ? "by key rotate " : "")from \(keyPath))"
    }
}
