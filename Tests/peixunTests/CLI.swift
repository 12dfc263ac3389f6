import Foundation

/// Runs the built `peixun` binary, as a user or cron would.
enum CLI {
    static var repoRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
    static var seedScheme: String { repoRoot.appendingPathComponent("seeds/xuchang-2021-1/scheme.toml").path }
    static var seedSample: String { repoRoot.appendingPathComponent("seeds/xuchang-2021-1/sample").path }
    /// The contract's conformance cases, copied under Tests/ so a fresh clone has them.
    static var conformanceCases: URL { repoRoot.appendingPathComponent("Tests/peixunTests/Fixtures/conformance") }

    /// The binary next to the test bundle (`swift build` puts both in the same folder).
    static var binary: String {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("peixun").path,
            repoRoot.appendingPathComponent(".build/debug/peixun").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[1]
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary (in `directory`, if given); with `umask`, under that umask (through
    /// `/bin/sh`), as a shell user would.
    static func run(_ arguments: [String], environment: [String: String] = [:], umask: String? = nil,
                    in directory: URL? = nil) throws -> Output {
        let p = Process()
        if let umask {
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", "umask \(umask) && exec \"$0\" \"$@\"", binary] + arguments
        } else {
            p.executableURL = URL(fileURLWithPath: binary)
            p.arguments = arguments
        }
        if let directory { p.currentDirectoryURL = directory }
        // Tests never touch the user's real key: a key of their own unless one is given.
        let testKey = FileManager.default.temporaryDirectory.appendingPathComponent("peixun-test-keys/secret.key").path
        p.environment = ProcessInfo.processInfo.environment.merging(["PEIXUN_KEY_FILE": testKey]) { $1 }
            .merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        // Read both pipes before waiting so a large output cannot block the child.
        let outData = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { outData.data = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return Output(status: p.terminationStatus, stdout: String(decoding: outData.data, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs a shell command line and returns its standard output (for reading outputs back).
    static func shell(_ command: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("peixun-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A copy of a conformance case (or any export folder) that a test may damage.
    static func copyOfExport(_ source: URL) throws -> URL {
        let dir = try temporaryDirectory().appendingPathComponent("export")
        try FileManager.default.copyItem(at: source, to: dir)
        try? FileManager.default.removeItem(at: dir.appendingPathComponent("expected.json"))
        return dir
    }
}

/// Filled by the reading thread, read after it has finished.
final class DataBox: @unchecked Sendable {
    var data = Data()
}
