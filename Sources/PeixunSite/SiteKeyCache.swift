import Crypto
import Foundation
import PeixunCore

/// The salt, ids and record keys a verification site was last written with, kept beside the
/// site (never inside the published `verify/` folder) so the next publication keeps the salt and
/// runs PBKDF2 only for numbers and codes it has not seen: a rerun at 100,000 certificates
/// would otherwise spend seconds deriving keys it already had.
///
/// It holds what the registry's codes give anyway (a code and the salt derive the key), so it is
/// as private as the registry: written 0600. Entries are found by SHA-256 of `NUMBER.CODE`, so the
/// codes themselves are not written a second time.
public struct SiteKeyCache: Sendable, Equatable {
    static let header = "peixun site keys v1"

    public var salt: [UInt8]
    public var iterations: Int
    /// Hex SHA-256 of the password → (record id, 16-byte record key).
    var keys: [String: Derived]

    struct Derived: Sendable, Equatable {
        var id: String
        var key: [UInt8]
    }

    public init(salt: [UInt8], iterations: Int) {
        self.salt = salt; self.iterations = iterations; keys = [:]
    }

    public var count: Int { keys.count }

    static func slot(number: String, code: String) -> String {
        SiteLookup.hex(SHA256.hash(data: Array(SiteLookup.password(number: number, code: code).utf8)))
    }

    /// The cache at `path`; nil when there is none or it is not one (then everything is derived
    /// under a new salt).
    public static func read(path: String) -> SiteKeyCache? {
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8) else { return nil }
        var lines = text.split(separator: "\n")[...]
        guard lines.first.map(String.init) == header, lines.count >= 2 else { return nil }
        let params = lines.dropFirst().first!.split(separator: "\t")
        guard params.count == 2, let salt = SiteLookup.bytes(hex: params[0]), salt.count == 16,
              let iterations = Int(params[1]), iterations > 0 else { return nil }
        var cache = SiteKeyCache(salt: salt, iterations: iterations)
        lines = lines.dropFirst(2)
        cache.keys.reserveCapacity(lines.count)
        for line in lines {
            let f = line.split(separator: "\t")
            guard f.count == 3, f[0].utf8.count == 64, f[1].utf8.count == 16,
                  let key = SiteLookup.bytes(hex: f[2]), key.count == 16 else { return nil }
            cache.keys[String(f[0])] = Derived(id: String(f[1]), key: key)
        }
        return cache
    }

    /// Writes the cache to `path` atomically, readable by its owner only.
    public func write(to path: String) throws {
        var text = Self.header + "\n" + SiteLookup.hex(salt) + "\t\(iterations)\n"
        for slot in keys.keys.sorted() {
            let d = keys[slot]!
            text += slot + "\t" + d.id + "\t" + SiteLookup.hex(d.key) + "\n"
        }
        let tmp = path + ".part"
        unlink(tmp)
        let fd = open(tmp, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw SiteError.cache(path: tmp, reason: String(cString: strerror(errno))) }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data(text.utf8))
            try handle.close()
        } catch {
            unlink(tmp)
            throw SiteError.cache(path: tmp, reason: error.localizedDescription)
        }
        guard rename(tmp, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(tmp)
            throw SiteError.cache(path: path, reason: reason)
        }
    }
}
