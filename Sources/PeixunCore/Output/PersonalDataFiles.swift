import Foundation

/// Files and folders that hold full ID numbers (身份证号): `results.json` (other programs need
/// them), the rosters (the education bureau needs them), the certificate registry. They are
/// created readable by their owner and group only — `0640` files in `0750` folders, tightened
/// further by a stricter umask but never loosened by a looser one (`umask 000` on a shared
/// server) — from the moment they exist, so no half-written file is ever world-readable.
/// Everything else a run writes (certificates, briefings, the summary, pages) keeps the umask.
public enum PersonalDataFiles {
    /// The widest mode a file with full ID numbers gets.
    public static let fileMode: mode_t = 0o640
    /// The widest mode a folder that holds such files gets.
    public static let folderMode: mode_t = 0o750

    /// What a file with full IDs names, for `check` and the README.
    public static let explanation = """
        Files with full ID numbers (身份证号): results.json (for other programs), rosters/*.xlsx \
        (the education bureau needs the full number), registry.sqlite (certificate numbers per \
        person). They are written 0640 in 0750 folders whatever the umask; certificates, \
        briefings, summaries and pages show masked numbers only (411081********6709).
        """

    /// The process's umask, read without changing it (Linux `/proc/self/status`); 022 if unknown.
    public static let umask: mode_t = {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
           let value = mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8) {
            return value
        }
        return 0o022
    }()

    /// The mode a new personal-data file gets: 0640 narrowed by the umask.
    public static var effectiveFileMode: mode_t { fileMode & ~umask }
    /// The mode a new personal-data folder gets: 0750 narrowed by the umask.
    public static var effectiveFolderMode: mode_t { folderMode & ~umask }

    /// Creates `path` (truncating an existing file) with the personal-data mode from the first
    /// byte, and returns a handle for writing.
    public static func create(atPath path: String) throws -> FileHandle {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, effectiveFileMode)
        guard fd >= 0 else {
            throw FatalError(file: path, reason: "cannot create the file (\(String(cString: strerror(errno))))")
        }
        // An existing file keeps its old mode through O_CREAT: narrow it too.
        guard fchmod(fd, effectiveFileMode) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw FatalError(file: path, reason: "cannot set the file's mode (\(reason))")
        }
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    /// Creates an empty personal-data file for a library that opens the path itself
    /// (libxlsxwriter, SQLite keep the mode of a file that already exists).
    public static func touch(atPath path: String) throws {
        try create(atPath: path).close()
    }

    /// Creates `path` (and missing parents, with the same mode) as a personal-data folder, or
    /// narrows the mode of an existing one.
    public static func makeFolder(atPath path: String) throws {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            let parent = (path as NSString).deletingLastPathComponent
            if !parent.isEmpty, !FileManager.default.fileExists(atPath: parent) { try makeFolder(atPath: parent) }
            guard mkdir(path, effectiveFolderMode) == 0 || errno == EEXIST else {
                throw FatalError(file: path, reason: "cannot create the folder (\(String(cString: strerror(errno))))")
            }
        } else if !isDirectory.boolValue {
            throw FatalError(file: path, reason: "not a folder")
        }
        try narrow(path, to: effectiveFolderMode)
    }

    /// Narrows an existing file's mode to the personal-data mode (a library's side files such as
    /// SQLite's `-wal`): keeps the setgid bit of a folder, drops every bit for others.
    public static func protect(path: String) throws {
        try narrow(path, to: effectiveFileMode)
    }

    private static func narrow(_ path: String, to mode: mode_t) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw FatalError(file: path, reason: "cannot read the mode (\(String(cString: strerror(errno))))")
        }
        let wanted = info.st_mode & 0o7777 & (mode | mode_t(S_ISGID))
        if info.st_mode & 0o7777 != wanted, chmod(path, wanted) != 0 {
            throw FatalError(file: path, reason: "cannot set the mode (\(String(cString: strerror(errno))))")
        }
    }
}
