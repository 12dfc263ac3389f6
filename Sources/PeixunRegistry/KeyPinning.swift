import Foundation
import GRDB

/// What a registry file says about its keys, read without changing the file:
/// the keys it has recorded (oldest first; the last is the one new codes use)
/// and how many certificates it holds.
public struct KeyPinState: Sendable, Equatable {
    public var keys: [PinnedKey]
    public var certificates: Int
    /// Certificates whose code is not stored yet (a registry from before key pinning).
    public var certificatesWithoutCode: Int

    public var current: PinnedKey? { keys.last }

    /// Reads the registry at `path` read-only; a missing file (or nil) is an empty registry.
    public static func read(registryAt path: String?) throws -> KeyPinState {
        guard let path, FileManager.default.fileExists(atPath: path) else {
            return KeyPinState(keys: [], certificates: 0, certificatesWithoutCode: 0)
        }
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(30)
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            return try queue.read { db in
                let certificates = try db.tableExists("certificate")
                    ? try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM certificate") ?? 0 : 0
                guard try db.tableExists("verification_key") else {
                    return KeyPinState(keys: [], certificates: certificates, certificatesWithoutCode: certificates)
                }
                let keys = try PinnedKey.order(Column("id")).fetchAll(db)
                let missing = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM certificate WHERE code IS NULL") ?? 0
                return KeyPinState(keys: keys, certificates: certificates, certificatesWithoutCode: missing)
            }
        } catch {
            throw CertificateRegistry.translate(error, path: path)
        }
    }
}

extension VerificationKey {
    /// The key a run may issue certificates with into the registry at
    /// `registryPath` (the previous run's; nil for none), checked before the
    /// run writes anything:
    /// - a registry that has recorded a key takes only that key; another key,
    ///   or no key file at all, is refused (`keyMismatch`, `keyMissingForRegistry`);
    /// - a registry with certificates but no recorded key (made before keys were
    ///   pinned) takes the key file that exists, never a new one;
    /// - only a registry without certificates lets a first key be created.
    /// `origin` says why `keyPath` was looked at (`--key`, `PEIXUN_KEY_FILE`, `HOME`).
    public static func forRun(registryAt registryPath: String?, registryName: String, keyPath: String,
                              origin: String) throws -> VerificationKey {
        let state = try KeyPinState.read(registryAt: registryPath)
        if let pinned = state.current {
            guard let key = try loadIfPresent(at: keyPath) else {
                throw RegistryError.keyMissingForRegistry(registry: registryName, pinned: pinned, keyPath: keyPath,
                                                          origin: origin, certificates: state.certificates)
            }
            guard key.fingerprint == pinned.fingerprint else {
                throw RegistryError.keyMismatch(registry: registryName, pinned: pinned, keyPath: keyPath, origin: origin,
                                                found: key.fingerprint,
                                                retired: state.keys.contains { $0.fingerprint == key.fingerprint })
            }
            return key
        }
        if state.certificates > 0 {
            guard let key = try loadIfPresent(at: keyPath) else {
                throw RegistryError.keyMissingForRegistry(registry: registryName, pinned: nil, keyPath: keyPath,
                                                          origin: origin, certificates: state.certificates)
            }
            return key
        }
        return try loadOrCreate(at: keyPath)
    }
}

extension CertificateRegistry {
    /// Records `key` as the registry's key when it has none; refuses another
    /// key (in the reconcile transaction, so two racing runs cannot both pin).
    static func pin(_ key: VerificationKey, keyPath: String, at time: Date, registry: String, db: Database) throws {
        let keys = try PinnedKey.order(Column("id")).fetchAll(db)
        if let current = keys.last {
            guard current.fingerprint == key.fingerprint else {
                throw RegistryError.keyMismatch(registry: registry, pinned: current, keyPath: keyPath, origin: "",
                                                found: key.fingerprint,
                                                retired: keys.contains { $0.fingerprint == key.fingerprint })
            }
            return
        }
        var record = PinnedKey(id: nil, fingerprint: key.fingerprint, keyPath: keyPath, recordedAt: time, reason: "first_run")
        try record.insert(db)
    }

    /// Fills the code of every certificate that has none (new, renamed, or
    /// from before key pinning) with `key`, the registry's current key.
    static func storeMissingCodes(key: VerificationKey, db: Database) throws {
        let rows = try CertificateRecord.filter(Column("code") == nil).fetchAll(db)
        let update = try db.cachedStatement(sql: "UPDATE certificate SET code = ?, key_fingerprint = ? WHERE id = ?")
        let fingerprint = key.fingerprint
        for cert in rows {
            try update.execute(arguments: [code(of: cert, key: key), fingerprint, cert.rowID])
        }
    }

    /// The code printed on `cert` under `key`: it covers the programme, kind, number, ID and name.
    static func code(of cert: CertificateRecord, key: VerificationKey) -> String {
        VerificationCode.compute(key: key, programme: cert.programmeCode, kind: cert.kind,
                                 number: cert.number, id: cert.personID, name: cert.holderName)
    }

    /// 更换校验密钥 — records `newKey` as the key new codes are made with.
    /// Codes already issued keep the key they were made under and stay
    /// verifiable. Refused when the key is already recorded, or while some
    /// certificate's code is not stored (run once with the current key first).
    @discardableResult
    public func rotateKey(to newKey: VerificationKey, keyPath: String, at time: Date) throws -> (previous: PinnedKey?, new: PinnedKey) {
        try write { db in
            let keys = try PinnedKey.order(Column("id")).fetchAll(db)
            if let same = keys.first(where: { $0.fingerprint == newKey.fingerprint }) {
                throw RegistryError.keyAlreadyRecorded(registry: path, key: same, isCurrent: same == keys.last)
            }
            let missing = try CertificateRecord.filter(Column("code") == nil).fetchCount(db)
            if missing > 0 { throw RegistryError.codesNotStored(registry: path, certificates: missing) }
            var record = PinnedKey(id: nil, fingerprint: newKey.fingerprint, keyPath: keyPath, recordedAt: time,
                                   reason: "rotate")
            try record.insert(db)
            return (keys.last, record)
        }
    }

    /// The keys the registry has recorded, oldest first.
    public func pinnedKeys() throws -> [PinnedKey] {
        try read { db in try PinnedKey.order(Column("id")).fetchAll(db) }
    }
}
