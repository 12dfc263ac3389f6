import Foundation
import GRDB
import PeixunCore

/// 证书登记库 — the certificate registry: one SQLite file that remembers
/// every certificate number ever assigned, so numbers survive reruns, revoked
/// numbers stay revoked and no number is ever reused.
///
/// Several processes may open the same file: writes take the database lock
/// for the whole reconcile, and a second writer waits up to `busyTimeout`
/// seconds, then fails with `RegistryError.busy`.
public final class CertificateRegistry: Sendable {
    /// `out/registry.sqlite`: the default path, relative to the current folder.
    public static let defaultPath = "out/registry.sqlite"

    public let path: String
    let queue: DatabaseQueue

    /// Opens (creating if needed) the registry at `path` and brings its schema
    /// up to date. The parent folder must exist.
    public init(path: String, busyTimeout: TimeInterval = 30) throws {
        self.path = path
        // It holds full ID numbers: created 0640 at most (SQLite keeps an existing file's mode
        // and gives its journal the same).
        if !FileManager.default.fileExists(atPath: path) {
            do { try PersonalDataFiles.touch(atPath: path) } catch { throw Self.translate(error, path: path) }
        }
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.label = "CertificateRegistry"
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
        } catch {
            throw Self.translate(error, path: path)
        }
        let migrator = RegistrySchema.migrator
        // Writers creating the same new registry at once race on each migration (GRDB reads
        // which are applied before it takes the write lock): the loser of a race tries again
        // and then sees that migration applied (each lost race means one more is): one that
        // keeps failing is a real error.
        for attempt in 1... {
            do {
                try migrator.migrate(queue)
                break
            } catch {
                if (try? queue.read { try migrator.hasCompletedMigrations($0) }) == true { break }
                if attempt > migrator.migrations.count { throw Self.translate(error, path: path) }
            }
        }
    }

    /// Opens a new registry at `path` that starts as a copy of the registry at
    /// `source` (the previous run's, when a run writes its outputs into a
    /// staging folder first); a fresh one when `source` is nil or missing.
    /// `source` is opened through SQLite first, which honours a journal left by
    /// a crashed run, and is not changed otherwise. Inside a read transaction
    /// (no writer can commit meanwhile) a rollback-journal file is copied byte
    /// for byte; a WAL-mode one, whose latest pages may be in its `-wal` file,
    /// through SQLite's backup API. Any file at `path` is replaced.
    public convenience init(path: String, copying source: String?, busyTimeout: TimeInterval = 30) throws {
        let fm = FileManager.default
        for suffix in ["", "-journal", "-wal", "-shm"] where fm.fileExists(atPath: path + suffix) {
            do { try fm.removeItem(atPath: path + suffix) } catch { throw Self.translate(error, path: path) }
        }
        if let source, fm.fileExists(atPath: source) {
            do {
                var config = Configuration()
                config.busyMode = .timeout(busyTimeout)
                let from = try DatabaseQueue(path: source, configuration: config)
                try PersonalDataFiles.touch(atPath: path)
                let copied = try from.read { db -> Bool in
                    // The first read takes the shared lock (and rolls back a hot journal).
                    _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master")
                    guard try String.fetchOne(db, sql: "PRAGMA journal_mode")?.lowercased() != "wal" else { return false }
                    try RegistryFileCopy.copy(from: source, to: path)
                    return true
                }
                if !copied {
                    let to = try DatabaseQueue(path: path)
                    try from.backup(to: to)
                    try to.close()
                }
                try from.close()
            } catch {
                throw Self.translate(error, path: source)
            }
        }
        try self.init(path: path, busyTimeout: busyTimeout)
    }

    /// Opens an existing registry without creating one (for `verify`).
    public convenience init(existingAt path: String, busyTimeout: TimeInterval = 30) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw RegistryError.database(path: path, message: "no registry file here (pass --registry PATH)")
        }
        try self.init(path: path, busyTimeout: busyTimeout)
    }

    /// Runs `body` in one IMMEDIATE transaction: the write lock is taken at
    /// the start, so a concurrent writer waits instead of deadlocking.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw RegistryError.database(path: path, message: "transaction without result") }
                return result
            }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read(body)
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    static func translate(_ error: Error, path: String) -> Error {
        if error is RegistryError { return error }
        if let db = error as? DatabaseError {
            if db.resultCode == .SQLITE_BUSY || db.resultCode == .SQLITE_LOCKED { return RegistryError.busy(path: path) }
            return RegistryError.database(path: path, message: db.message ?? db.description)
        }
        return RegistryError.database(path: path, message: String(describing: error))
    }

    // MARK: - Lookups

    /// The certificate with this number, if any.
    public func certificate(number: String) throws -> CertificateRecord? {
        try read { db in try CertificateRecord.filter(Column("number") == number).fetchOne(db) }
    }

    /// All certificates of a programme (issued and revoked), by kind then sequence.
    public func certificates(programme: String) throws -> [CertificateRecord] {
        try read { db in
            try CertificateRecord.filter(Column("programme_code") == programme)
                .order(Column("kind"), Column("sequence")).fetchAll(db)
        }
    }

    /// The runs of a programme, oldest first.
    public func runs(programme: String) throws -> [RunRecord] {
        try read { db in
            try RunRecord.filter(Column("programme_code") == programme).order(Column("id")).fetchAll(db)
        }
    }

    /// The programme as registered, if any.
    public func programme(code: String) throws -> ProgrammeRecord? {
        try read { db in try ProgrammeRecord.fetchOne(db, key: code) }
    }
}
