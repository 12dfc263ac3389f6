import Foundation
import PeixunCore

/// Writes a run's outputs into a hidden staging folder beside `--out` and
/// swaps it into place only when everything succeeded, so a failed run
/// leaves the previous outputs intact. A lock file beside the folder refuses
/// a second run on the same `--out` while one is going.
final class Staging {
    let target: URL
    let staging: URL
    private let lockFD: Int32
    private var committed = false

    /// Marks a folder as peixun's own, so that replacing it can never delete
    /// someone's unrelated files (`--out ~/Documents` by mistake).
    static let marker = ".peixun-output"

    /// `group`: the staff group that may read the outputs; nil keeps the previous output
    /// folder's group (if it had one other than ours).
    init(out: String, group: gid_t? = nil) throws {
        let fm = FileManager.default
        target = URL(fileURLWithPath: out).standardizedFileURL
        if let contents = try? fm.contentsOfDirectory(atPath: target.path), !contents.isEmpty,
           !contents.contains(Staging.marker) {
            throw RunFailure(message: "\(out) exists and was not written by peixun: it would be replaced as a whole, so choose an empty or new folder")
        }
        if (try? fm.attributesOfItem(atPath: target.path)[.type] as? FileAttributeType) == .typeRegular {
            throw RunFailure(message: "\(out) is a file, not a folder")
        }
        let parent = target.deletingLastPathComponent()
        try? fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let name = target.lastPathComponent
        let lockPath = parent.appendingPathComponent(".\(name).lock").path
        lockFD = open(lockPath, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard lockFD >= 0 else {
            throw RunFailure(message: "\(out): cannot create the lock file \(lockPath): \(String(cString: strerror(errno)))")
        }
        guard flock(lockFD, LOCK_EX | LOCK_NB) == 0 else {
            close(lockFD)
            throw RunFailure(message: "\(out): another peixun run is writing to this folder; try again when it has finished")
        }
        StaleRuns.clean(beside: target)  // a crashed run's leftovers, now that the lock is ours
        staging = parent.appendingPathComponent(".\(name).staging-\(getpid())")
        try? fm.removeItem(at: staging)
        do {
            // The folder holds results.json and the registry (full ID numbers): 0750 from the start.
            guard mkdir(staging.path, PersonalDataFiles.effectiveFolderMode) == 0 else {
                throw RunFailure(message: String(cString: strerror(errno)))
            }
            try Self.share(staging.path, group: group ?? Self.keptGroup(of: target.path))
            try Data("written by peixun; this folder is replaced as a whole by the next run\n".utf8)
                .write(to: staging.appendingPathComponent(Staging.marker))
        } catch {
            flock(lockFD, LOCK_UN); close(lockFD)
            throw RunFailure(message: "\(out): cannot create a staging folder: \(error.localizedDescription)")
        }
    }

    /// The previous output folder's group, when it is not the one new files get anyway.
    private static func keptGroup(of path: String) -> gid_t? {
        guard let gid = OutputGroup.group(ofPath: path), gid != getegid() else { return nil }
        return gid
    }

    /// Gives the staging folder to `group` with the setgid bit, so every file and folder created
    /// inside inherits the group.
    private static func share(_ path: String, group: gid_t?) throws {
        guard let group else { return }
        try OutputGroup.assign(group, to: path)
        guard chmod(path, PersonalDataFiles.effectiveFolderMode | mode_t(S_ISGID)) == 0 else {
            throw RunFailure(message: "\(path): cannot set the setgid bit (\(String(cString: strerror(errno))))")
        }
    }

    deinit {
        if !committed { try? FileManager.default.removeItem(at: staging) }
        flock(lockFD, LOCK_UN)
        close(lockFD)
    }

    /// A path inside the staging folder.
    func path(_ relative: String) -> String { staging.appendingPathComponent(relative).path }

    /// The previous run's copy of a file, if any (e.g. the registry), to carry over.
    func previous(_ relative: String) -> String? {
        let p = target.appendingPathComponent(relative).path
        return FileManager.default.fileExists(atPath: p) ? p : nil
    }

    /// Moves the staging folder to `folder` (a split run's `base/`, `PartsJob`) instead of
    /// replacing the target, which stays as it is.
    func hand(to folder: URL) throws {
        try? FileManager.default.removeItem(at: folder)
        guard rename(staging.path, folder.path) == 0 else {
            throw RunFailure(message: "\(folder.path): cannot move the outputs there: \(String(cString: strerror(errno)))")
        }
        committed = true
    }

    /// Puts the staging folder in place of the target: the old outputs are
    /// moved aside, the new ones renamed in, the old ones deleted.
    func commit() throws {
        let fm = FileManager.default
        let aside = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).old-\(getpid())")
        var movedAside = false
        if fm.fileExists(atPath: target.path) {
            guard rename(target.path, aside.path) == 0 else {
                throw RunFailure(message: "\(target.path): cannot replace the previous outputs: \(String(cString: strerror(errno)))")
            }
            movedAside = true
        }
        guard rename(staging.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            if movedAside { _ = rename(aside.path, target.path) }
            throw RunFailure(message: "\(target.path): cannot move the new outputs in place: \(reason)")
        }
        committed = true
        if movedAside {
            TreeRemoval.remove(aside.path)
            try? fm.removeItem(at: aside)   // whatever the threads could not remove
        }
    }
}
