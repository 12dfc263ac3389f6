import Foundation
import Testing

/// The term-end flow a training centre relies on: run, rerun, verify, correct the data.
@Suite(.serialized) struct CertificateFlowTests {
    func pdfText(_ path: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        p.arguments = [path, "-"]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func files(under dir: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)
        while let url = e?.nextObject() as? URL {
            if let d = try? Data(contentsOf: url), !url.hasDirectoryPath {
                out[url.path.replacingOccurrences(of: dir.path, with: "")] = d
            }
        }
        return out
    }

    @Test func rerunChangesNoNumberAndNoCertificateByteAndVerifyAnswers() throws {
        let tmp = try CLI.temporaryDirectory()
        let key = tmp.appendingPathComponent("keys/secret.key").path
        let input = try CLI.copyOfExport(CLI.conformanceCases.appendingPathComponent("seed_examples"))
        let out = tmp.appendingPathComponent("out")
        let args = ["run", "--scheme", CLI.seedScheme, "--input", input.path, "--out", out.path, "--key", key]
        let first = try CLI.run(args)
        #expect(first.status == 0, "\(first.stderr)")
        let certificates = out.appendingPathComponent("certificates")
        let before = files(under: certificates)
        #expect(before.keys.contains { $0.hasSuffix("-张明.pdf") })
        let second = try CLI.run(args)
        #expect(second.status == 0)
        #expect(files(under: certificates) == before)  // same numbers, same bytes

        // The certificate carries its number and code; verify confirms it and rejects a forged code.
        let path = try #require(before.keys.first { $0.contains("/completion/") && $0.hasSuffix("-张明.pdf") })
        let text = try pdfText(certificates.path + path)
        let number = try #require(text.firstMatch(of: try Regex("XC2021-1-JY-[0-9]{6}"))).0
        let code = try #require(text.firstMatch(of: try Regex("[0-9A-Z]{5}-[0-9A-Z]{5}"))).0
        #expect(!text.contains("411002198408238028"))
        #expect(text.contains("411002********8028"))
        let registry = out.appendingPathComponent("registry.sqlite").path
        // grade --registry lists the same number in results JSON (read only).
        let graded = try CLI.run(["grade", "--scheme", CLI.seedScheme, "--input", input.path, "--registry", registry])
        #expect(graded.status == 0)
        #expect(graded.stdout.contains("{\"kind\":\"completion\",\"number\":\"\(number)\"}"))
        let valid = try CLI.run(["verify", String(number), String(code), "--registry", registry, "--key", key])
        #expect(valid.status == 0, "\(valid.stdout) \(valid.stderr)")
        #expect(valid.stdout.contains("张明") && valid.stdout.contains("VALID"))
        let forgedCode = String(code.prefix(4)) + (code.dropFirst(4).first == "A" ? "B" : "A") + String(code.dropFirst(5))
        let forged = try CLI.run(["verify", String(number), forgedCode, "--registry", registry, "--key", key])
        #expect(forged.status == 1)
        #expect(forged.stdout.contains("FORGED"))

        // A data correction: 张明 loses his courses, so his certificate is revoked, never reused.
        let courses = input.appendingPathComponent("courses.csv")
        let kept = try String(contentsOf: courses, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("411002198408238028") }.joined(separator: "\n") + "\n"
        try kept.write(to: courses, atomically: true, encoding: .utf8)
        let third = try CLI.run(args)
        #expect(third.status == 0)
        let changes = try String(contentsOf: out.appendingPathComponent("changes.txt"), encoding: .utf8)
        #expect(changes.contains("张明"))
        let revoked = try CLI.run(["verify", String(number), String(code), "--registry", registry, "--key", key])
        #expect(revoked.status == 1)
        #expect(revoked.stdout.contains("REVOKED"))
        #expect(!files(under: certificates).keys.contains { $0.hasSuffix("-张明.pdf") && $0.contains("/completion/") })
    }

    @Test func testSheetNeedsNoData() throws {
        let out = try CLI.temporaryDirectory().appendingPathComponent("sheets")
        let r = try CLI.run(["certify", "--test-sheet", "--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let found = files(under: out).keys.filter { $0.contains("test-sheet") }
        #expect(found.count == 3)
    }
}
