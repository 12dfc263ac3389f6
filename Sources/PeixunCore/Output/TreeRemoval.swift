import Foundation

/// Deletes a folder tree on several threads: the previous outputs after a run's swap, where a
/// rerun at 100,000 people has that many files to unlink. Deletions in different folders do not
/// wait on one another, so each level of the tree is shared out by folder.
public enum TreeRemoval {
    /// Removes `path` and everything below it (symbolic links are removed, never followed).
    /// What cannot be removed is left in place; the caller's last `removeItem` reports nothing.
    public static func remove(_ path: String, workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        var levels: [[String]] = []
        var frontier = [path]
        while !frontier.isEmpty {
            levels.append(frontier)
            let found = SubfolderLists(count: frontier.count)
            let current = frontier
            let threads = min(max(1, workers), current.count)
            DispatchQueue.concurrentPerform(iterations: threads) { worker in
                for i in stride(from: worker, to: current.count, by: threads) { found.set(i, emptyFiles(of: current[i])) }
            }
            frontier = found.all
        }
        for level in levels.reversed() {
            for folder in level { rmdir(folder) }
        }
    }

    /// Unlinks every entry of `folder` that is not a folder; returns its subfolders.
    private static func emptyFiles(of folder: String) -> [String] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var subfolders: [String] = []
        let fd = dirfd(dir)
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var st = stat()
                isFolder = fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
            }
            if isFolder { subfolders.append(folder + "/" + name) } else { unlinkat(fd, name, 0) }
        }
        return subfolders
    }
}

/// The subfolders found by each worker, in folder order.
private final class SubfolderLists: @unchecked Sendable {
    private let lock = NSLock()
    private var lists: [[String]]
    init(count: Int) { lists = Array(repeating: [], count: count) }
    func set(_ i: Int, _ list: [String]) { lock.withLock { lists[i] = list } }
    var all: [String] { lock.withLock { lists.flatMap { $0 } } }
}
