import Foundation

/// Reuse of unchanged drawn files on a rerun.
///
/// Every file a run draws is recorded with its content key: a digest of
/// everything its bytes depend on (the data drawn, the template and image
/// files, the font files, the libraries and Peixun's own binary — see
/// `RenderEnvironment`). The list is written as `.peixun-drawn` into the
/// output folder. The next run computes the same key before drawing a file;
/// when the previous output folder has that file under the same key, the
/// file is hard-linked (or copied) into the new staging folder instead of
/// drawn. Drawing is deterministic, so the outputs are byte-identical to a
/// full redraw; the previous folder is only read, never changed.
public final class OutputReuse: @unchecked Sendable {
    /// The manifest's file name, in the output folder's root.
    public static let manifestName = ".peixun-drawn"
    private static let header = "peixun drawn files v1"

    /// The previous output folder (nil on a first run or with reuse off).
    public let previousRoot: String?
    /// The folder being written (the staging folder).
    public let root: String
    private let previous: [String: String]
    private let lock = NSLock()
    private var current: [String: String] = [:]
    private var reusedCount = 0
    private let rootGroup: gid_t?

    /// `previousRoot`: the output folder of the previous run, if any; its
    /// manifest is read (a missing or unreadable one means nothing is reused).
    public init(previousRoot: String?, root: String) {
        self.root = root
        var entries: [String: String] = [:]
        if let previousRoot,
           let text = try? String(contentsOfFile: previousRoot + "/" + Self.manifestName, encoding: .utf8) {
            var lines = text.split(separator: "\n", omittingEmptySubsequences: true)[...]
            if lines.first == Substring(Self.header) {
                lines = lines.dropFirst()
                for line in lines {
                    guard let tab = line.firstIndex(of: "\t") else { continue }
                    entries[String(line[line.index(after: tab)...])] = String(line[..<tab])
                }
            }
        }
        self.previousRoot = entries.isEmpty ? nil : previousRoot
        previous = entries
        var st = stat()
        rootGroup = stat(root, &st) == 0 ? st.st_gid : nil
    }

    /// Files taken over from the previous run so far.
    public var reused: Int { lock.withLock { reusedCount } }
    /// Files recorded (taken over or drawn) so far.
    public var recorded: Int { lock.withLock { current.count } }

    /// Puts the previous run's `relativePath` in place when it was drawn from
    /// the same `key`, and records it; false when it has to be drawn. The
    /// folder of `relativePath` must exist.
    public func takeOver(_ relativePath: String, key: String) -> Bool {
        guard let previousRoot, previous[relativePath] == key else { return false }
        let from = previousRoot + "/" + relativePath
        let to = root + "/" + relativePath
        guard Self.place(from, at: to, group: rootGroup) else { return false }
        lock.withLock {
            current[relativePath] = key
            reusedCount += 1
        }
        return true
    }

    /// Records a file just drawn from `key`.
    public func record(_ relativePath: String, key: String) {
        lock.withLock { current[relativePath] = key }
    }

    /// Writes the manifest of everything recorded into `root` (atomically).
    public func writeManifest() throws {
        let entries = lock.withLock { current }
        var text = Self.header + "\n"
        for path in entries.keys.sorted() where !path.contains("\n") && !path.contains("\t") {
            text += entries[path]! + "\t" + path + "\n"
        }
        let path = root + "/" + Self.manifestName
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw RenderError.output(path: path, message: error.localizedDescription)
        }
    }

    /// A hard link when the file can share its inode (same file system, same
    /// group as the new folder, so `--group` still holds), else a copy.
    /// False when the previous file is gone or unreadable: then it is drawn.
    static func place(_ from: String, at to: String, group: gid_t?) -> Bool {
        var st = stat()
        guard stat(from, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return false }
        unlink(to)
        if group == nil || st.st_gid == group!, link(from, to) == 0 { return true }
        let tmp = to + ".part"
        do {
            try? FileManager.default.removeItem(atPath: tmp)
            try FileManager.default.copyItem(atPath: from, toPath: tmp)
            guard rename(tmp, to) == 0 else { unlink(tmp); return false }
            return true
        } catch {
            unlink(tmp)
            return false
        }
    }
}
