import Foundation
import Testing

/// `run --parts N`, `part K/N`, `assemble`: a run split by whole 区县 gives the bytes of one run.
@Suite(.serialized) struct PartsTests {
    /// Every file under `dir` by relative path; the run's own time stamps masked.
    func tree(_ dir: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)
        let stamp = try Regex("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}(Z|[+-][0-9:]{5})")
        while let url = e?.nextObject() as? URL {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else { continue }
            let rel = String(url.path.dropFirst(dir.path.count))
            guard rel != "/registry.sqlite" else { continue }  // holds the run's time; compared through verify below
            var data = try Data(contentsOf: url)
            if rel.hasPrefix("/changes.") {
                data = Data(String(decoding: data, as: UTF8.self).replacing(stamp, with: "TIME").utf8)
            }
            out[rel] = data
        }
        return out
    }

    @Test func threePartsAssembleToTheBytesOfOneRun() throws {
        let tmp = try CLI.temporaryDirectory()
        let input = tmp.appendingPathComponent("in")
        let key = tmp.appendingPathComponent("keys/secret.key").path
        #expect(try CLI.run(["sample", "--people", "150", "--seed", "11", "--out", input.path]).status == 0)
        let single = tmp.appendingPathComponent("single"), split = tmp.appendingPathComponent("split")
        let common = ["--scheme", CLI.seedScheme, "--input", input.path, "--key", key]
        let one = try CLI.run(["run", "--out", single.path] + common)
        #expect(one.status == 0, "\(one.stderr)")

        let prepared = try CLI.run(["run", "--out", split.path, "--parts", "3"] + common)
        #expect(prepared.status == 0, "\(prepared.stderr)")
        #expect(prepared.stderr.contains("peixun part K/3 --out"))
        #expect(!FileManager.default.fileExists(atPath: split.path))  // untouched until assemble
        let job = URL(fileURLWithPath: split.path + ".parts")
        let plan = try JSONSerialization.jsonObject(with: Data(contentsOf: job.appendingPathComponent("plan.json"))) as? [String: Any]
        let counties = try #require(plan?["counties"] as? [String: Int])
        #expect(Set(counties.values) == [1, 2, 3])  // every part has whole 区县 to draw
        // The batch holds masked ID numbers only.
        let batch = try String(contentsOf: job.appendingPathComponent("batch.jsonl"), encoding: .utf8)
        let fullID = try Regex("[0-9]{17}[0-9X]")
        #expect(batch.contains("********") && batch.firstMatch(of: fullID) == nil)

        // Not all parts done: assemble refuses and names the missing ones.
        #expect(try CLI.run(["part", "3/3", "--out", split.path]).status == 0)
        #expect(try CLI.run(["part", "1/3", "--out", split.path]).status == 0)
        let early = try CLI.run(["assemble", "--out", split.path])
        #expect(early.status == 1)
        #expect(early.stderr.contains("2/3"))
        // A part of another split is refused.
        let wrong = try CLI.run(["part", "2/4", "--out", split.path])
        #expect(wrong.status == 1 && wrong.stderr.contains("3 parts"))
        #expect(try CLI.run(["part", "2/3", "--out", split.path]).status == 0)
        let assembled = try CLI.run(["assemble", "--out", split.path])
        #expect(assembled.status == 0, "\(assembled.stderr)")
        #expect(!FileManager.default.fileExists(atPath: job.path))

        let a = try tree(single), b = try tree(split)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, data) in a { #expect(b[path] == data, "\(path)") }
        #expect(a.keys.contains { $0.hasPrefix("/certificates/print/completion/") })

        // The registry is the one run's: a certificate verifies against it.
        let text = try CLI.shell("pdftotext \"$(find '\(split.path)/certificates/completion' -name '*.pdf' | head -1)\" -")
        let number = try #require(text.firstMatch(of: try Regex("XC2021-1-JY-[0-9]{6}"))).0
        let code = try #require(text.firstMatch(of: try Regex("[0-9A-Z]{5}-[0-9A-Z]{5}"))).0
        let verified = try CLI.run(["verify", String(number), String(code), "--registry", split.path + "/registry.sqlite", "--key", key])
        #expect(verified.status == 0 && verified.stdout.contains("VALID"))

        // Split again with nothing changed: the parts take over every file of the assembled outputs.
        #expect(try CLI.run(["run", "--out", split.path, "--parts", "2"] + common).status == 0)
        let second = try CLI.run(["part", "1/2", "--out", split.path])
        #expect(second.status == 0)
        #expect(second.stderr.contains("taken over unchanged") && !second.stderr.contains("(0 taken over"))
    }

    @Test func aPartRefusesOtherTemplates() throws {
        let tmp = try CLI.temporaryDirectory()
        let input = tmp.appendingPathComponent("in"), out = tmp.appendingPathComponent("out")
        #expect(try CLI.run(["sample", "--people", "40", "--seed", "3", "--out", input.path]).status == 0)
        let key = tmp.appendingPathComponent("keys/secret.key").path
        #expect(try CLI.run(["run", "--scheme", CLI.seedScheme, "--input", input.path, "--out", out.path, "--key", key,
                             "--parts", "2"]).status == 0)
        let templates = tmp.appendingPathComponent("templates")
        try FileManager.default.copyItem(at: CLI.repoRoot.appendingPathComponent("Templates"), to: templates)
        let completion = templates.appendingPathComponent("completion.toml")
        try (String(contentsOf: completion, encoding: .utf8) + "\n# edited\n").write(to: completion, atomically: true, encoding: .utf8)
        let part = try CLI.run(["part", "1/2", "--out", out.path, "--templates", templates.path])
        #expect(part.status == 1)
        #expect(part.stderr.contains("not the ones the run planned with"))
        #expect(!FileManager.default.fileExists(atPath: out.path + ".parts/part-1"))
    }
}
