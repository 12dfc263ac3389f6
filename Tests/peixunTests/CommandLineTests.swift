import Foundation
import Testing

@Suite(.serialized) struct CommandLineTests {
    var seedCase: URL { CLI.conformanceCases.appendingPathComponent("seed_examples") }

    func export() throws -> URL { try CLI.copyOfExport(seedCase) }

    @Test func gradePrintsContractJSON() throws {
        let r = try CLI.run(["grade", "--scheme", CLI.seedScheme, "--input", try export().path])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let trainees = try #require(json["trainees"] as? [[String: Any]])
        let zhang = try #require(trainees.first { $0["name"] as? String == "张明" })
        #expect(zhang["total"] as? Double == 100)
        #expect(zhang["passed"] as? Bool == true)
        #expect((json["tutors"] as? [[String: Any]])?.first?["total"] as? Double == 96)
    }

    @Test func gradeCSVStartsWithTheSchemesColumns() throws {
        let r = try CLI.run(["grade", "--scheme", CLI.seedScheme, "--input", try export().path, "--format", "csv"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("身份证号,姓名,角色,区县,单位,学段,学科,坊,专业理念与师德学时,专业理念与师德得分"))
    }

    @Test func fatalInputExitsOneWithNothingOnStdout() throws {
        let dir = try export()
        try FileManager.default.removeItem(at: dir.appendingPathComponent("courses.csv"))
        let r = try CLI.run(["grade", "--scheme", CLI.seedScheme, "--input", dir.path])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("courses"))
    }

    /// Fonts are registered before anything is drawn on any thread; a --fonts that is not a folder
    /// stops the run before it writes, naming the option.
    @Test func aFontsPathThatIsNotAFolderStopsTheRunUnwritten() throws {
        let tmp = try CLI.temporaryDirectory()
        let file = tmp.appendingPathComponent("not-a-folder.ttf")
        try Data("x".utf8).write(to: file)
        let out = tmp.appendingPathComponent("out")
        let r = try CLI.run(["run", "--scheme", CLI.seedScheme, "--input", try export().path, "--out", out.path,
                             "--key", tmp.appendingPathComponent("k/secret.key").path, "--fonts", file.path])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("--fonts \(file.path): not a folder"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("results.json").path))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try CLI.run(["grade", "--input", "x"]).status == 2)
        #expect(try CLI.run(["grade", "--scheme", CLI.seedScheme, "--input", "x", "--format", "xml"]).status == 2)
        #expect(try CLI.run(["grade", "--scheme", CLI.seedScheme, "--input", "x", "--as-of", "2021-13-01"]).status == 2)
        #expect(try CLI.run(["no-such-command"]).status == 2)
        let bare = try CLI.run([])
        #expect(bare.status == 2 && bare.stdout.isEmpty && bare.stderr.contains("USAGE"))
    }

    @Test func malformedSchemeExitsOneNamingTheKey() throws {
        let dir = try CLI.temporaryDirectory()
        let text = try String(contentsOfFile: CLI.seedScheme, encoding: .utf8).replacingOccurrences(of: "pass_score = 90\nexcellent_ratio = 0.10\nexcellent_scope", with: "pass_score = 90\nexcellent_ratio = 2\nexcellent_scope")
        let scheme = dir.appendingPathComponent("scheme.toml")
        try text.write(to: scheme, atomically: true, encoding: .utf8)
        let r = try CLI.run(["grade", "--scheme", scheme.path, "--input", try export().path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("trainee.excellent_ratio"))
    }

    @Test func checkListsAnomaliesAndExitsZero() throws {
        let dir = try export()
        let h = try FileHandle(forWritingTo: dir.appendingPathComponent("courses.csv"))
        try h.seekToEnd()
        try h.write(contentsOf: Data("411002198408238028,某课,体育,2,2021-10-01 10:00:00\n".utf8))
        try h.close()
        let r = try CLI.run(["check", "--scheme", CLI.seedScheme, "--input", dir.path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("unknown_module"))
        #expect(!r.stdout.contains("411002198408238028"))  // IDs are masked in messages
    }

    @Test func runWritesOutputsAndAFailedRunKeepsThePreviousOnes() throws {
        let out = try CLI.temporaryDirectory().appendingPathComponent("out")
        let input = try export()
        let first = try CLI.run(["run", "--scheme", CLI.seedScheme, "--input", input.path, "--out", out.path])
        #expect(first.status == 0, "\(first.stderr)")
        let results = out.appendingPathComponent("results.json")
        let before = try Data(contentsOf: results)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("anomalies.csv").path))
        // Break the input: the run fails and leaves the previous outputs as they were.
        try FileManager.default.removeItem(at: input.appendingPathComponent("roster.csv"))
        let second = try CLI.run(["run", "--scheme", CLI.seedScheme, "--input", input.path, "--out", out.path])
        #expect(second.status == 1)
        #expect(try Data(contentsOf: results) == before)
        // No staging folders are left behind.
        let siblings = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)
        #expect(siblings.filter { $0.contains("staging") || $0.contains(".old-") }.isEmpty)
    }

    @Test func aSecondRunOnTheSameOutIsRefused() throws {
        let out = try CLI.temporaryDirectory().appendingPathComponent("out")
        // Hold the lock as a running peixun would.
        let lock = out.deletingLastPathComponent().appendingPathComponent(".out.lock").path
        let fd = open(lock, O_CREAT | O_RDWR, 0o644)
        #expect(fd >= 0)
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        defer { flock(fd, LOCK_UN); close(fd) }
        let r = try CLI.run(["run", "--scheme", CLI.seedScheme, "--input", try export().path, "--out", out.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("another peixun run"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func everyCommandExplainsItself() throws {
        for command in ["run", "grade", "check"] {
            let r = try CLI.run([command, "--help"])
            #expect(r.status == 0)
            #expect(r.stdout.contains("--scheme"), "\(command)")
        }
    }
}

extension CommandLineTests {
    @Test func aFolderPeixunDidNotWriteIsNeverReplaced() throws {
        let out = try CLI.temporaryDirectory().appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let precious = out.appendingPathComponent("thesis.docx")
        try Data("keep me".utf8).write(to: precious)
        let r = try CLI.run(["run", "--scheme", CLI.seedScheme, "--input", try export().path, "--out", out.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("not written by peixun"))
        #expect(try Data(contentsOf: precious) == Data("keep me".utf8))
    }
}
