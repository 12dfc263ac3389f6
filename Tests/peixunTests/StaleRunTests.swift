import Foundation
import Testing

/// After a crash (`kill -9` mid-run) the next run removes what the dead run
/// left beside `--out`, and never what a live process owns.
@Suite(.serialized) struct StaleRunTests {
    @Test func aDeadRunsStagingIsRemovedWithOneLineAndALiveOnesIsKept() throws {
        let tmp = try CLI.temporaryDirectory()
        let input = try CLI.copyOfExport(CLI.conformanceCases.appendingPathComponent("seed_examples"))
        let out = tmp.appendingPathComponent("out")
        let args = ["run", "--scheme", CLI.seedScheme, "--input", input.path, "--out", out.path]
        #expect(try CLI.run(args).status == 0)

        // A dead run: a process that has exited, whose staging folder is left.
        let dead = Process()
        dead.executableURL = URL(fileURLWithPath: "/bin/true")
        try dead.run()
        dead.waitUntilExit()
        let deadStaging = tmp.appendingPathComponent(".out.staging-\(dead.processIdentifier)")
        try FileManager.default.createDirectory(at: deadStaging.appendingPathComponent("certificates"),
                                                withIntermediateDirectories: true)
        try Data("half written".utf8).write(to: deadStaging.appendingPathComponent("results.json"))
        // A live process's folder (this test's own pid): never touched.
        let liveStaging = tmp.appendingPathComponent(".out.staging-\(getpid())")
        try FileManager.default.createDirectory(at: liveStaging, withIntermediateDirectories: true)

        let rerun = try CLI.run(args)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let notices = rerun.stderr.split(separator: "\n").filter { $0.contains(".out.staging-\(dead.processIdentifier)") }
        #expect(notices.count == 1, "\(rerun.stderr)")
        #expect(!FileManager.default.fileExists(atPath: deadStaging.path))
        #expect(FileManager.default.fileExists(atPath: liveStaging.path))
        try FileManager.default.removeItem(at: liveStaging)
        // Nothing but --out and its lock beside it.
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: tmp.path)) == ["out", ".out.lock"])
    }

    @Test func killedMidRunLeavesOutputsAsTheyWereAndTheNextRunCleansUp() throws {
        let tmp = try CLI.temporaryDirectory()
        let input = try CLI.copyOfExport(CLI.conformanceCases.appendingPathComponent("seed_examples"))
        let out = tmp.appendingPathComponent("out")
        let args = ["run", "--scheme", CLI.seedScheme, "--input", input.path, "--out", out.path]
        #expect(try CLI.run(args).status == 0)
        let before = try Data(contentsOf: out.appendingPathComponent("results.json"))

        // kill -9 as soon as the staging folder appears.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLI.binary)
        p.arguments = args
        p.environment = ProcessInfo.processInfo.environment.merging(
            ["PEIXUN_KEY_FILE": FileManager.default.temporaryDirectory.appendingPathComponent("peixun-test-keys/secret.key").path]) { $1 }
        p.standardError = FileHandle.nullDevice
        try p.run()
        let staging = tmp.appendingPathComponent(".out.staging-\(p.processIdentifier)")
        var seen = false
        for _ in 0..<2_000 where !seen {
            seen = FileManager.default.fileExists(atPath: staging.path)
            if !seen { usleep(1_000) }
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        let left = FileManager.default.fileExists(atPath: staging.path)
        #expect(seen)
        #expect(try Data(contentsOf: out.appendingPathComponent("results.json")) == before)

        let rerun = try CLI.run(args)
        #expect(rerun.status == 0)
        if left { #expect(rerun.stderr.contains("staging-\(p.processIdentifier)")) }
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: tmp.path)) == ["out", ".out.lock"])
    }
}
