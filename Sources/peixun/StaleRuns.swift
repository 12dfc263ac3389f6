import Foundation

/// What a run killed mid-way (`kill -9`, a power cut) leaves beside `--out`:
/// its staging folder `.<name>.staging-<pid>`, and, if it died while swapping
/// folders, the previous outputs moved aside as `.<name>.old-<pid>`. The next
/// run, once it holds the lock, removes them (restoring the previous outputs
/// first if they were moved aside and not replaced) and says so in one line.
/// A folder whose process is still alive is never touched.
enum StaleRuns {
    static func clean(beside target: URL) {
        let fm = FileManager.default
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        guard let items = try? fm.contentsOfDirectory(atPath: parent.path) else { return }
        for item in items.sorted() {
            for kind in ["staging", "old"] {
                let prefix = ".\(name).\(kind)-"
                guard item.hasPrefix(prefix), let pid = Int32(item.dropFirst(prefix.count)), pid > 0,
                      pid != getpid(), !isAlive(pid) else { continue }
                let path = parent.appendingPathComponent(item).path
                if kind == "old" && !fm.fileExists(atPath: target.path) && rename(path, target.path) == 0 {
                    Log.notice("restored \(target.path) from \(item), left by a run that stopped (pid \(pid)) while replacing it")
                } else if (try? fm.removeItem(atPath: path)) != nil {
                    Log.notice("removed \(item), left beside \(name) by a run that stopped (pid \(pid) is gone); outputs unchanged")
                }
            }
        }
    }

    /// True unless no process has this id (`kill(pid, 0)` fails with ESRCH).
    static func isAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno != ESRCH
    }
}
