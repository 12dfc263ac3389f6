import ArgumentParser
import Foundation

/// `--group NAME`: the staff group that may read the outputs with full ID numbers (0640 files in
/// 0750 folders). Without it a rerun keeps the group the previous output folder had, so a share
/// set up once with `chgrp` stays readable by the clerks.
struct OutputGroup: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The group that may read the outputs (results.json, rosters and registry are 0640 in 0750 folders); default: the previous output folder's group.", valueName: "name"))
    var group: String?

    func validate() throws {
        if let group, Self.gid(of: group) == nil { throw ValidationError("--group: no group named '\(group)' on this machine") }
    }

    /// The group id asked for, if any.
    var gid: gid_t? { group.flatMap(Self.gid(of:)) }

    /// A group's id from its name, or from a number.
    static func gid(of name: String) -> gid_t? {
        if let entry = getgrnam(name) { return entry.pointee.gr_gid }
        if let number = gid_t(name), getgrgid(number) != nil { return number }
        return nil
    }

    /// The group of an existing file or folder.
    static func group(ofPath path: String) -> gid_t? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_gid : nil
    }

    /// Gives `path` to the group (the owner stays); throws when the user may not.
    static func assign(_ gid: gid_t, to path: String) throws {
        guard chown(path, uid_t.max, gid) == 0 else {
            throw RunFailure(message: "\(path): cannot give it to group \(gid) (\(String(cString: strerror(errno)))); are you a member?")
        }
    }
}
