import Foundation
import Testing
@testable import PeixunRender
import PeixunCore

/// Content keys and the take-over of unchanged files on a rerun.
@Suite struct OutputReuseTests {
    @Test func fieldsAreFramedSoSplitsDiffer() {
        var a = ContentKey(), b = ContentKey(), c = ContentKey()
        a.add("ab"); a.add("c")
        b.add("a"); b.add("bc")
        c.add("ab"); c.add("c")
        #expect(a.hex != b.hex)
        #expect(a.hex == c.hex)
        #expect(a.hex.count == 64 && a.hex.allSatisfy { "0123456789abcdef".contains($0) })
    }

    @Test func everyPrintedFieldChangesTheKeyOfAPersonsFile() throws {
        let renderer = try CertificateRenderer.load(templatesDirectory: templatesDirectory)
        let keys = try ContentKeys(renderer, mode: .full)
        let d = sampleCertificate()
        let edits: [(String, (inout CertificateData) -> Void)] = [
            ("kind", { $0.kind = .excellentTrainee }), ("name", { $0.name = "王明" }),
            ("maskedID", { $0.maskedID = "410102********1230" }), ("school", { $0.school = "许昌市第二中学" }),
            ("county", { $0.county = "建安区" }), ("stageSubject", { $0.stageSubject = "初中语文" }),
            ("programme", { $0.programme += "（补训）" }), ("hours", { $0.hours = "51" }),
            ("result", { $0.result = "优秀" }), ("number", { $0.number = "XC2021-JY-000002" }),
            ("verificationCode", { $0.verificationCode = "7K3M-9QXE" }), ("issuer", { $0.issuer = "许昌市教育局" }),
            ("issueDate", { $0.issueDate = CivilDate(year: 2021, month: 12, day: 26)! }),
            ("verifyURL", { $0.verifyURL = "https://example.edu.cn/verify/" }),
        ]
        // Every stored property is in the key (a new field must be added there).
        #expect(Mirror(reflecting: d).children.count == CertificateData.fieldCount)
        #expect(edits.count == CertificateData.fieldCount)
        let original = try #require(keys.person(d))
        #expect(keys.person(d) == original)  // stable
        for (field, edit) in edits {
            var changed = d
            edit(&changed)
            #expect(keys.person(changed) != original, "\(field)")
        }
        // The mode is part of the key: an overlay is another file.
        let overlay = try ContentKeys(renderer, mode: .overlay(dx: 0, dy: 0))
        #expect(overlay.person(d) != original)
        // A merged file's key follows its pages and their order.
        let e = sampleCertificate(name: "李雷", number: "XC2021-JY-000003")
        #expect(keys.merged([d, e], title: "t") != keys.merged([e, d], title: "t"))
        #expect(keys.merged([d, e], title: "t") != keys.merged([d, e], title: "u"))
    }

    @Test func aTemplateFileByteChangesTheKeysOfItsKindOnly() throws {
        let dir = try temporaryDirectory("reuse-templates")
        for kind in CertificateKind.allCases {
            try FileManager.default.copyItem(atPath: templatesDirectory + "/\(kind.rawValue).toml",
                                             toPath: dir.path + "/\(kind.rawValue).toml")
        }
        let before = try ContentKeys(CertificateRenderer.load(templatesDirectory: dir.path), mode: .full)
        let completion = dir.appendingPathComponent("completion.toml")
        try (String(contentsOf: completion, encoding: .utf8) + "\n# edited by the centre\n")
            .write(to: completion, atomically: true, encoding: .utf8)
        let after = try ContentKeys(CertificateRenderer.load(templatesDirectory: dir.path), mode: .full)
        #expect(before.person(sampleCertificate()) != after.person(sampleCertificate()))
        let tutor = sampleCertificate(kind: .excellentTutor)
        #expect(before.person(tutor) == after.person(tutor))
    }

    /// A rerun links unchanged files (same inode), draws changed ones, and gives the bytes of a full redraw.
    @Test func batchRerunTakesOverUnchangedFilesAndDrawsTheRest() throws {
        let renderer = try CertificateRenderer.load(templatesDirectory: templatesDirectory)
        let people = (1...6).map { i in
            sampleCertificate(name: "学员\(i)", number: String(format: "XC2021-JY-%06d", i),
                              school: i <= 3 ? "许昌市第一中学" : "许昌市第二中学")
        }
        let tmp = try temporaryDirectory("reuse-batch")
        let first = tmp.appendingPathComponent("first").path
        let firstReuse = OutputReuse(previousRoot: nil, root: first)
        try FileManager.default.createDirectory(atPath: first, withIntermediateDirectories: true)
        let s1 = try renderer.writeAll(people, outputDirectory: first, options: CertificateOutputOptions(reuse: firstReuse))
        #expect(s1.reused == 0)
        try firstReuse.writeManifest()
        // Every file drawn is in the manifest: 6 people, 2 school files, 1 county file.
        #expect(firstReuse.recorded == 9)

        var corrected = people
        corrected[4].name = "学员五"   // a name corrected in the second school
        let second = tmp.appendingPathComponent("second").path
        try FileManager.default.createDirectory(atPath: second, withIntermediateDirectories: true)
        let reuse = OutputReuse(previousRoot: first, root: second)
        let s2 = try renderer.writeAll(corrected, outputDirectory: second, options: CertificateOutputOptions(reuse: reuse))
        // 5 unchanged people and the first school's print file are taken over; the rest drawn.
        #expect(s2.reused == 6)
        func inode(_ path: String) -> ino_t { var st = stat(); return stat(path, &st) == 0 ? st.st_ino : 0 }
        let layout1 = CertificateOutputLayout(outputDirectory: first), layout2 = CertificateOutputLayout(outputDirectory: second)
        #expect(inode(layout1.root + "/" + layout1.personFile(people[0])) == inode(layout2.root + "/" + layout2.personFile(corrected[0])))
        #expect(FileManager.default.fileExists(atPath: layout2.root + "/" + layout2.personFile(corrected[4])))
        #expect(!FileManager.default.fileExists(atPath: layout2.root + "/" + layout1.personFile(people[4])))
        let county = layout2.countyFile(kind: .completion, county: "魏都区")
        #expect(inode(layout1.root + "/" + county) != inode(layout2.root + "/" + county))

        // The same bytes as drawing everything afresh.
        let fresh = tmp.appendingPathComponent("fresh").path
        _ = try renderer.writeAll(corrected, outputDirectory: fresh)
        for rel in s2.personFiles + s2.mergedFiles {
            let a = try Data(contentsOf: URL(fileURLWithPath: layout2.root + "/" + rel))
            let b = try Data(contentsOf: URL(fileURLWithPath: CertificateOutputLayout(outputDirectory: fresh).root + "/" + rel))
            #expect(a == b, "\(rel)")
        }
    }

    @Test func aMissingOrForeignManifestOrAVanishedFileMeansDrawing() throws {
        let tmp = try temporaryDirectory("reuse-manifest")
        let previous = tmp.appendingPathComponent("previous").path, root = tmp.appendingPathComponent("root").path
        try FileManager.default.createDirectory(atPath: previous, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: previous + "/a.pdf"))
        #expect(!OutputReuse(previousRoot: previous, root: root).takeOver("a.pdf", key: "k"))  // no manifest
        try Data("some other format\nk\ta.pdf\n".utf8).write(to: URL(fileURLWithPath: previous + "/" + OutputReuse.manifestName))
        #expect(!OutputReuse(previousRoot: previous, root: root).takeOver("a.pdf", key: "k"))  // not ours
        try Data("peixun drawn files v1\nk\ta.pdf\nk\tgone.pdf\n".utf8)
            .write(to: URL(fileURLWithPath: previous + "/" + OutputReuse.manifestName))
        let reuse = OutputReuse(previousRoot: previous, root: root)
        #expect(!reuse.takeOver("a.pdf", key: "other"))   // another key
        #expect(!reuse.takeOver("gone.pdf", key: "k"))    // listed but deleted by hand
        #expect(reuse.takeOver("a.pdf", key: "k"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: root + "/a.pdf")) == Data("x".utf8))
        #expect(reuse.reused == 1)
    }

    @Test func theManifestReadsBackWhatWasRecordedSortedByPath() throws {
        let tmp = try temporaryDirectory("reuse-manifest-roundtrip")
        let root = tmp.path
        let reuse = OutputReuse(previousRoot: nil, root: root)
        let entries = ["certificates/completion/魏都区/许昌市第一中学/XC-2-张三.pdf": "b2",
                       "certificates/completion/魏都区/许昌市第一中学/XC-1-李四.pdf": "a1",
                       "briefings/魏都区/坊 1.pdf": "c3", "bad\tname.pdf": "d4", "bad\nname.pdf": "e5",
                       "briefings/魏都区/坊 1": "f6"]  // a prefix of another path sorts first
        for (path, key) in entries { reuse.record(path, key: key) }
        try reuse.writeManifest()
        let data = try Data(contentsOf: URL(fileURLWithPath: root + "/" + OutputReuse.manifestName))
        var expected = entries
        expected["bad\tname.pdf"] = nil; expected["bad\nname.pdf"] = nil   // cannot be listed: drawn again
        #expect(paths(OutputReuse.parse(data)) == expected)
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines.first == "peixun drawn files v1")
        #expect(lines.dropFirst().map { String($0.split(separator: "\t")[1]) }
                == ["briefings/魏都区/坊 1", "briefings/魏都区/坊 1.pdf", "certificates/completion/魏都区/许昌市第一中学/XC-1-李四.pdf",
                    "certificates/completion/魏都区/许昌市第一中学/XC-2-张三.pdf"])
        #expect(paths(OutputReuse.parse(Data("peixun drawn files v1\nk\t\u{FF}bad\nk2\tok.pdf\n".utf8.map { $0 == 0xC3 ? 0xFF : $0 }))) == ["ok.pdf": "k2"])
    }

    func paths(_ entries: [PathKey: String]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: entries.map { ($0.key.path, $0.value) })
    }

    /// A file name is its bytes: `é` precomposed and `e` with a combining accent are two files,
    /// which `String` would take for one (canonical equivalence). Each takes over its own.
    @Test func pathsDifferingOnlyInNormalisationAreTwoFiles() throws {
        let tmp = try temporaryDirectory("reuse-normalisation")
        let previous = tmp.path + "/prev", root = tmp.path + "/new"
        try FileManager.default.createDirectory(atPath: previous, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let composed = "Caf\u{E9}.pdf", decomposed = "Cafe\u{301}.pdf"
        #expect(composed == decomposed && Array(composed.utf8) != Array(decomposed.utf8))
        try Data("one".utf8).write(to: URL(fileURLWithPath: previous + "/" + composed))
        try Data("two".utf8).write(to: URL(fileURLWithPath: previous + "/" + decomposed))
        try Data("peixun drawn files v1\nk1\t\(composed)\nk2\t\(decomposed)\n".utf8)
            .write(to: URL(fileURLWithPath: previous + "/" + OutputReuse.manifestName))
        let reuse = OutputReuse(previousRoot: previous, root: root)
        #expect(!reuse.takeOver(decomposed, key: "k1"))   // k1 is the composed file's key
        #expect(reuse.takeOver(decomposed, key: "k2"))
        #expect(reuse.takeOver(composed, key: "k1"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: root + "/" + decomposed)) == Data("two".utf8))
        #expect(try Data(contentsOf: URL(fileURLWithPath: root + "/" + composed)) == Data("one".utf8))
        try reuse.writeManifest()
        let listed = OutputReuse.parse(try Data(contentsOf: URL(fileURLWithPath: root + "/" + OutputReuse.manifestName)))
        #expect(listed.count == 2)
        #expect(listed[PathKey(composed)] == "k1" && listed[PathKey(decomposed)] == "k2")
    }
}
