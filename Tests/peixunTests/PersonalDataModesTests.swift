import Foundation
import Testing

/// Outputs with full ID numbers are never readable by "other", whatever the umask; the rest keeps
/// the umask; `--group` and a rerun keep the staff group.
@Suite struct PersonalDataModesTests {
    var seedCase: URL { CLI.conformanceCases.appendingPathComponent("seed_examples") }

    static func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? Int ?? -1)
    }

    static func groupID(_ path: String) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: path)[.groupOwnerAccountID] as? Int ?? -1
    }

    /// Every file holding an 18-digit ID of `ids`, found by reading the bytes (PDFs excluded:
    /// their text is compressed and shows masked IDs, checked elsewhere; xlsx are zips, so their
    /// sheets are read through unzip).
    static func filesWithFullIDs(in folder: URL, ids: [String]) throws -> [String] {
        var found: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: folder.path)!
        while let relative = enumerator.nextObject() as? String {
            let path = folder.appendingPathComponent(relative).path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue || relative.hasSuffix(".pdf") { continue }
            var data = try Data(contentsOf: URL(fileURLWithPath: path))
            if relative.hasSuffix(".xlsx") {
                let unzip = try CLI.shell("unzip -p '\(path)'")
                data = Data(unzip.utf8)
            }
            let text = String(decoding: data, as: UTF8.self)
            if ids.contains(where: text.contains) { found.append(relative) }
        }
        return found.sorted()
    }

    @Test(arguments: ["022", "000"]) func noFullIDIsReadableByOthers(umask: String) throws {
        let out = try CLI.temporaryDirectory().appendingPathComponent("out")
        let run = try CLI.run(["run", "--scheme", CLI.seedScheme, "--input", seedCase.path, "--out", out.path],
                              umask: umask)
        #expect(run.status == 0, "\(run.stderr)")
        let roster = try String(contentsOf: seedCase.appendingPathComponent("roster.csv"), encoding: .utf8)
        let ids = roster.split(separator: "\n").dropFirst().map { String($0.prefix(18)) }
        let sensitive = try Self.filesWithFullIDs(in: out, ids: ids)
        // The files the README names, and no others.
        #expect(sensitive == ["registry.sqlite", "results.json", "rosters/培训名册.xlsx"])
        for file in sensitive {
            let mode = try Self.mode(out.appendingPathComponent(file).path)
            #expect(mode & 0o007 == 0, "\(file) is \(String(mode, radix: 8)) under umask \(umask)")
            #expect(mode & 0o137 == 0, "\(file) is \(String(mode, radix: 8)): at most 0640")
        }
        for folder in ["", "rosters"] {
            let mode = try Self.mode(out.appendingPathComponent(folder).path)
            #expect(mode & 0o777 == 0o750, "\(folder) is \(String(mode, radix: 8))")
        }
        // Outputs without full IDs keep the umask.
        let wide = umask == "000" ? 0o666 : 0o644
        #expect(try Self.mode(out.appendingPathComponent("summary.md").path) == wide)
        let certificates = try CLI.shell("find '\(out.path)/certificates' -name '*.pdf' | head -1")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!certificates.isEmpty)
        #expect(try Self.mode(certificates) == wide)
        // Nothing was left beside --out but its lock.
        let beside = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)
        #expect(beside.sorted() == [".out.lock", "out"])
    }

    @Test func rosterCommandWritesPrivateWorkbooks() throws {
        let out = try CLI.temporaryDirectory().appendingPathComponent("rosters")
        let run = try CLI.run(["roster", "--scheme", CLI.seedScheme, "--input", seedCase.path, "--out", out.path,
                               "--split", "county"], umask: "000")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Self.mode(out.path) & 0o777 == 0o750)
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(files.count >= 2)
        for file in files { #expect(try Self.mode(out.appendingPathComponent(file).path) == 0o640, "\(file)") }
    }

    @Test func groupIsGivenAndKeptOnARerun() throws {
        guard let users = getgrnam("users")?.pointee.gr_gid, users != getegid() else { return }
        let out = try CLI.temporaryDirectory().appendingPathComponent("out")
        let arguments = ["run", "--scheme", CLI.seedScheme, "--input", seedCase.path, "--out", out.path, "--no-certificates"]
        let first = try CLI.run(arguments + ["--group", "users"])
        #expect(first.status == 0, "\(first.stderr)")
        for file in ["", "results.json", "rosters", "rosters/培训名册.xlsx", "registry.sqlite"] {
            #expect(try Self.groupID(out.appendingPathComponent(file).path) == Int(users), "\(file)")
        }
        #expect(try Self.mode(out.path) & 0o2000 != 0, "setgid: new files inherit the group")
        let second = try CLI.run(arguments)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try Self.groupID(out.appendingPathComponent("results.json").path) == Int(users))
        // The roster is taken over from the first run (a hard link): its group and mode stay.
        #expect(try Self.groupID(out.appendingPathComponent("rosters/培训名册.xlsx").path) == Int(users))
        #expect(try Self.mode(out.appendingPathComponent("rosters/培训名册.xlsx").path) & 0o777 == 0o640)

        let unknown = try CLI.run(arguments + ["--group", "no-such-group-peixun"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no-such-group-peixun"))
    }

    @Test func checkNamesTheFilesWithFullIDs() throws {
        let run = try CLI.run(["check", "--scheme", CLI.seedScheme, "--input", seedCase.path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("results.json") && run.stdout.contains("rosters/*.xlsx") && run.stdout.contains("registry.sqlite"))
        let help = try CLI.run(["help", "check"])
        #expect(help.stdout.contains("0640"))
    }
}
