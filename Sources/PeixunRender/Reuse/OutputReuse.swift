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
    /// Keyed by the paths' bytes (`PathKey`), as the manifest lists them and the file system names files.
    private let previous: [PathKey: String]
    private let lock = NSLock()
    private var current: [PathKey: String] = [:]
    private var reusedCount = 0
    private let rootGroup: gid_t?

    /// `previousRoot`: the output folder of the previous run, if any; its
    /// manifest is read (a missing or unreadable one means nothing is reused).
    public init(previousRoot: String?, root: String) {
        self.root = root
        var entries: [PathKey: String] = [:]
        if let previousRoot, let data = FileManager.default.contents(atPath: previousRoot + "/" + Self.manifestName) {
            entries = Self.parse(data)
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
        let path = PathKey(relativePath)
        guard let previousRoot, previous[path] == key else { return false }
        let from = previousRoot + "/" + relativePath
        let to = root + "/" + relativePath
        guard Self.place(from, at: to, group: rootGroup) else { return false }
        lock.withLock {
            current[path] = key
            reusedCount += 1
        }
        return true
    }

    /// Whether the previous run recorded `relativePath` (under any key).
    public func hasPrevious(_ relativePath: String) -> Bool {
        previous[PathKey(relativePath)] != nil  // empty without a previous folder
    }

    /// Records a file just drawn from `key`.
    public func record(_ relativePath: String, key: String) {
        let path = PathKey(relativePath)
        lock.withLock { current[path] = key }
    }

    /// The manifest's entries (path → key); none unless it starts with the header line and is UTF-8.
    static func parse(_ data: Data) -> [PathKey: String] {
        var entries: [PathKey: String] = [:]
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: true)[...]
            guard let first = lines.first, first.elementsEqual(Self.header.utf8) else { return }
            lines = lines.dropFirst()
            entries.reserveCapacity(lines.count)
            for line in lines {
                guard let tab = line.firstIndex(of: 0x09),
                      let key = String(validating: line[line.startIndex..<tab], as: UTF8.self),
                      let path = String(validating: line[(tab + 1)...], as: UTF8.self) else { continue }
                entries[PathKey(path)] = key
            }
        }
        return entries
    }

    /// Writes the manifest of everything recorded into `root` (atomically), sorted by path bytes.
    public func writeManifest() throws {
        let entries = lock.withLock { current }
        // Every path's and key's bytes in one buffer, sorted by index with memcmp: no array per
        // entry to retain, release and compare element by element.
        var text: [UInt8] = []
        var spans: [(path: Range<Int>, key: Range<Int>)] = []
        spans.reserveCapacity(entries.count)
        for (entry, key) in entries {
            let path = entry.path
            if path.utf8.contains(where: { $0 == 0x0A || $0 == 0x09 }) { continue }
            let start = text.count
            text += path.utf8
            let pathEnd = text.count
            text += key.utf8
            spans.append((start..<pathEnd, pathEnd..<text.count))
        }
        let order = text.withUnsafeBufferPointer { bytes -> [Int] in
            guard let base = bytes.baseAddress else { return [] }
            return spans.indices.sorted { a, b in
                let x = spans[a].path, y = spans[b].path
                let common = memcmp(base + x.lowerBound, base + y.lowerBound, min(x.count, y.count))
                return common != 0 ? common < 0 : x.count < y.count
            }
        }
        var bytes = Array((Self.header + "\n").utf8)
        bytes.reserveCapacity(bytes.count + text.count + 2 * spans.count)
        for i in order {
            bytes += text[spans[i].key]
            bytes.append(0x09)
            bytes += text[spans[i].path]
            bytes.append(0x0A)
        }
        let path = root + "/" + Self.manifestName
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
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
        if group == nil || st.st_gid == group! {
            // The staging folder is new: the name is free but for a retry.
            if link(from, to) == 0 { return true }
            if errno == EEXIST, unlink(to) == 0, link(from, to) == 0 { return true }
        }
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
