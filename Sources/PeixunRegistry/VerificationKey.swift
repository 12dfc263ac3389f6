import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// 校验密钥 — the secret behind the verification codes: 32 random bytes in a
/// file of mode 0600, created on first use, kept out of the output folder.
/// Whoever holds it can mint valid codes; whoever loses it can no longer
/// verify the certificates already printed. Back it up like a seal.
public struct VerificationKey: Sendable {
    /// Key length in bytes.
    public static let length = 32

    let bytes: [UInt8]

    var symmetricKey: SymmetricKey { SymmetricKey(data: bytes) }

    /// A key from raw bytes (exactly 32).
    public init(bytes: [UInt8]) throws {
        guard bytes.count == Self.length else {
            throw RegistryError.badKeyFile(path: "(memory)", reason: "a key is \(Self.length) bytes, got \(bytes.count)")
        }
        self.bytes = bytes
    }

    /// `$PEIXUN_KEY_FILE` when set, else `~/.config/peixun/secret.key`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["PEIXUN_KEY_FILE"], !path.isEmpty { return path }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".config/peixun/secret.key")
    }

    /// Reads the key at `path`; creates it first if there is none (parent
    /// folders are created with mode 0700). Safe against a concurrent first
    /// run: the file appears atomically, complete, and exactly one key wins.
    public static func loadOrCreate(at path: String) throws -> VerificationKey {
        if let key = try loadIfPresent(at: path) { return key }
        try createParentFolders(of: path)
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: .min ... .max))"
        try writeNewFile(at: temporary, bytes: bytes)
        defer { unlink(temporary) }
        // link() fails if another process created the key meanwhile: theirs wins.
        if link(temporary, path) != 0 {
            switch errno {
            case EEXIST: break
            case EPERM, EOPNOTSUPP, EXDEV, EMLINK:
                // A file system without hard links: create the key in place, still exclusively.
                do { try writeNewFile(at: path, bytes: bytes) } catch where errno == EEXIST {}
            default: throw keyError(path: path, "cannot create")
            }
        }
        guard let key = try loadIfPresent(at: path) else { throw RegistryError.keyFileMissing(path: path) }
        return key
    }

    /// Creates `path` exclusively with mode 0600 (whatever the umask) and writes `bytes` durably.
    private static func writeNewFile(at path: String, bytes: [UInt8]) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw keyError(path: path, "cannot create") }
        let written: Int = bytes.withUnsafeBytes { buffer in
            guard fchmod(fd, 0o600) == 0 else { return -1 }
            return write(fd, buffer.baseAddress, buffer.count)
        }
        let synced = written == bytes.count && fsync(fd) == 0
        let savedErrno = errno
        close(fd)
        guard synced else {
            unlink(path)
            errno = savedErrno
            throw keyError(path: path, "cannot write")
        }
    }

    /// Reads the key at `path`; throws `keyFileMissing` when there is none
    /// (verification must never mint a new key).
    public static func load(at path: String) throws -> VerificationKey {
        guard let key = try loadIfPresent(at: path) else { throw RegistryError.keyFileMissing(path: path) }
        return key
    }

    static func loadIfPresent(at path: String) throws -> VerificationKey? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw keyError(path: path, "cannot open")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw keyError(path: path, "cannot stat") }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw RegistryError.badKeyFile(path: path, reason: "not a regular file")
        }
        guard info.st_mode & 0o077 == 0 else {
            throw RegistryError.badKeyFile(path: path, reason: String(format: "mode %03o lets others read it; run chmod 600", info.st_mode & 0o777))
        }
        var bytes = [UInt8](repeating: 0, count: length + 1)
        let count = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count == length else {
            throw RegistryError.badKeyFile(path: path, reason: count < 0 ? "cannot read" : "holds \(count < length ? "\(count)" : "more than \(length)") bytes, expected \(length)")
        }
        return try VerificationKey(bytes: Array(bytes.prefix(length)))
    }

    static func createParentFolders(of path: String) throws {
        let parent = (path as NSString).deletingLastPathComponent
        guard !parent.isEmpty else { return }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw RegistryError.badKeyFile(path: path, reason: "\(parent) is not a folder") }
            return
        }
        try createParentFolders(of: parent)
        if mkdir(parent, 0o700) != 0 && errno != EEXIST { throw keyError(path: parent, "cannot create folder") }
        chmod(parent, 0o700)
    }

    /// Throws `keyInsideOutput` when `keyPath` lies in `outputFolder` (or is it):
    /// the output folder is published, the key never is. Symbolic links are resolved.
    public static func ensure(keyPath: String, isOutside outputFolder: String) throws {
        func resolved(_ path: String) -> [String] {
            let url = URL(fileURLWithPath: path).standardizedFileURL
            // Resolve the deepest existing ancestor, keep the rest as written.
            var existing = url
            var rest: [String] = []
            while !FileManager.default.fileExists(atPath: existing.path), existing.pathComponents.count > 1 {
                rest.insert(existing.lastPathComponent, at: 0)
                existing.deleteLastPathComponent()
            }
            return existing.resolvingSymlinksInPath().pathComponents + rest
        }
        let key = resolved(keyPath)
        let folder = resolved(outputFolder)
        if key.count >= folder.count && Array(key.prefix(folder.count)) == folder {
            throw RegistryError.keyInsideOutput(keyPath: keyPath, outputFolder: outputFolder)
        }
    }

    private static func keyError(path: String, _ what: String) -> RegistryError {
        .badKeyFile(path: path, reason: "\(what): \(String(cString: strerror(errno)))")
    }
}
