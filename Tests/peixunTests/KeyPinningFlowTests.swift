import Foundation
import Testing

/// CONTRACT §8: the registry pins the key; `key rotate` is the one way to change it.
@Suite(.serialized) struct KeyPinningFlowTests {
    /// Every file beside and under `dir` (hidden ones too), with its bytes.
    func snapshot(_ dir: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)
        while let url = e?.nextObject() as? URL {
            let rel = url.path.replacingOccurrences(of: dir.path, with: "")
            out[rel] = url.hasDirectoryPath ? Data() : ((try? Data(contentsOf: url)) ?? Data())
        }
        return out
    }

    func fingerprints(_ text: String) throws -> Set<String> {
        Set(text.matches(of: try Regex("[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}")).map { String(text[$0.range]) })
    }

    struct Printed: Equatable {
        var number: String
        var code: String
    }

    func codeOf(_ name: String, under out: URL) throws -> Printed {
        let certificates = out.appendingPathComponent("certificates/completion")
        let e = FileManager.default.enumerator(at: certificates, includingPropertiesForKeys: nil)
        while let url = e?.nextObject() as? URL {
            guard url.lastPathComponent.hasSuffix("-\(name).pdf") else { continue }
            let text = try Tools.pdfText(url.path)
            let number = try #require(text.firstMatch(of: try Regex("XC2021-1-JY-[0-9]{6}"))).0
            let code = try #require(text.firstMatch(of: try Regex("[0-9A-Z]{5}-[0-9A-Z]{5}"))).0
            return Printed(number: String(number), code: String(code))
        }
        throw Tools.Failure("no certificate of \(name)")
    }

    @Test func anotherKeyIsRefusedAndChangesNothingThenRotateKeepsOldCodesValid() throws {
        let tmp = try CLI.temporaryDirectory()
        let keyA = tmp.appendingPathComponent("home-a/secret.key").path
        let keyB = tmp.appendingPathComponent("home-b/secret.key").path
        let input = try CLI.copyOfExport(CLI.conformanceCases.appendingPathComponent("seed_examples"))
        let site = VerificationSiteTests()
        let scheme = try site.scheme(in: tmp)  // with a verification site
        let parent = tmp.appendingPathComponent("outputs")
        let out = parent.appendingPathComponent("xuchang")
        func run(key: String) throws -> CLI.Output {
            try CLI.run(["run", "--scheme", scheme, "--input", input.path, "--out", out.path],
                        environment: ["PEIXUN_KEY_FILE": key])
        }
        let first = try run(key: keyA)
        #expect(first.status == 0, "\(first.stderr)")
        let before = snapshot(parent)
        let zhang = try codeOf("张明", under: out)
        let li = try codeOf("王芳", under: out)

        // Cron with another HOME: no key there. Refused, nothing written, no key made.
        let missing = try run(key: keyB)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains(keyB) && missing.stderr.contains(keyA) && missing.stderr.contains("key rotate"))
        #expect(!FileManager.default.fileExists(atPath: keyB))
        #expect(snapshot(parent) == before)

        // Another key file: refused with both fingerprints, outputs byte-identical.
        let made = try CLI.run(["key", "rotate", "--registry", tmp.appendingPathComponent("scratch.sqlite").path, "--key", keyB])
        #expect(made.status == 1)  // no such registry; and no key made either
        #expect(!FileManager.default.fileExists(atPath: keyB))
        try FileManager.default.createDirectory(atPath: (keyB as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: keyB, contents: Data((0..<32).map { UInt8($0) }), attributes: [.posixPermissions: 0o600])
        let other = try run(key: keyB)
        #expect(other.status == 1)
        #expect(try fingerprints(other.stderr).count == 2, "\(other.stderr)")
        #expect(other.stderr.contains(keyA) && other.stderr.contains(keyB) && other.stderr.contains("PEIXUN_KEY_FILE"))
        #expect(snapshot(parent) == before)

        // The deliberate change: rotate, then run with the new key.
        let registry = out.appendingPathComponent("registry.sqlite").path
        let rotated = try CLI.run(["key", "rotate", "--registry", registry, "--key", keyB])
        #expect(rotated.status == 0, "\(rotated.stderr)")
        let listed = try CLI.run(["key", "list", "--registry", registry])
        #expect(listed.stdout.contains("retired") && listed.stdout.contains("current"))
        #expect(try fingerprints(listed.stdout) == fingerprints(other.stderr))
        #expect(try run(key: keyA).status == 1)  // the old key is retired now

        // A name correction: 张明 → 张明明 gets a code under the new key.
        let roster = input.appendingPathComponent("roster.csv")
        let text = try String(contentsOf: roster, encoding: .utf8)
        try text.replacingOccurrences(of: ",张明,", with: ",张明明,").write(to: roster, atomically: true, encoding: .utf8)
        let again = try run(key: keyB)
        #expect(again.status == 0, "\(again.stderr)")
        let renamed = try codeOf("张明明", under: out)
        #expect(renamed.number == zhang.number && renamed.code != zhang.code)
        #expect(try codeOf("王芳", under: out) == li)  // reprinted with the code first printed

        // Old and new codes both verify, with no key at hand.
        for printed in [li, renamed] {
            let answer = try CLI.run(["verify", printed.number, printed.code, "--registry", registry],
                                     environment: ["PEIXUN_KEY_FILE": tmp.appendingPathComponent("nowhere.key").path])
            #expect(answer.status == 0 && answer.stdout.contains("有效 VALID"), "\(answer.stdout) \(answer.stderr)")
        }
        let stale = try CLI.run(["verify", zhang.number, zhang.code, "--registry", registry])
        #expect(stale.status == 1 && stale.stdout.contains("伪造"))

        // A reprint with certify needs no key either: it carries the stored codes.
        let reprint = tmp.appendingPathComponent("reprint")
        let certified = try CLI.run(["certify", "--scheme", scheme, "--input", input.path, "--registry", registry,
                                     "--out", reprint.path],
                                    environment: ["PEIXUN_KEY_FILE": tmp.appendingPathComponent("nowhere.key").path])
        #expect(certified.status == 0, "\(certified.stderr)")
        #expect(try codeOf("王芳", under: reprint) == li && codeOf("张明明", under: reprint) == renamed)

        // And on the republished site.
        let page = out.appendingPathComponent("verify/index.html").absoluteString
        for (printed, verdict) in [(li, "有效"), (renamed, "有效"), (zhang, "无效")] {
            let dom = try site.dom(page + "#\(printed.number).\(printed.code)")
            #expect(site.text(of: "verdict", in: dom) == verdict, "\(printed)")
        }
    }
}

/// Small helpers around the command-line tools the tests read outputs with.
enum Tools {
    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }

    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let box = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { box.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self), String(decoding: box.data, as: UTF8.self))
    }

    static func pdfText(_ path: String) throws -> String { try run("/usr/bin/pdftotext", [path, "-"]).stdout }
}
