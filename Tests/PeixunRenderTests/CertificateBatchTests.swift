import Foundation
import Testing
@testable import PeixunRender
import PeixunCore

@Suite struct CertificateBatchTests {
    let renderer: CertificateRenderer
    init() throws { renderer = try CertificateRenderer.load(templatesDirectory: templatesDirectory) }

    var people: [CertificateData] {
        [
            sampleCertificate(name: "张三", number: "XC2021-JY-000003", school: "许昌市第一中学", county: "魏都区"),
            sampleCertificate(name: "王𬌗", number: "XC2021-JY-000001", school: "许昌市第一中学", county: "魏都区"),
            sampleCertificate(name: "李堃", number: "XC2021-JY-000002", school: "建安区实验小学", county: "建安区"),
            sampleCertificate(name: "赵\u{E000}", number: "XC2021-JY-000004", school: "建安区实验小学", county: "建安区"),
            sampleCertificate(kind: .excellentTutor, name: "陈喆", number: "XC2021-FD-000001", school: "许昌市第一中学", county: "魏都区"),
        ]
    }

    @Test func writesPerPersonAndMergedFilesAndNamesTheFailure() throws {
        let out = try temporaryDirectory("batch")
        let summary = try renderer.writeAll(people, outputDirectory: out.path, options: CertificateOutputOptions(workers: 2))
        #expect(summary.personFiles == [
            "completion/建安区/建安区实验小学/XC2021-JY-000002-李堃.pdf",
            "completion/魏都区/许昌市第一中学/XC2021-JY-000001-王𬌗.pdf",
            "completion/魏都区/许昌市第一中学/XC2021-JY-000003-张三.pdf",
            "excellent_tutor/魏都区/许昌市第一中学/XC2021-FD-000001-陈喆.pdf",
        ])
        #expect(summary.mergedFiles == [
            "print/completion/建安区.pdf", "print/completion/建安区/建安区实验小学.pdf",
            "print/completion/魏都区.pdf", "print/completion/魏都区/许昌市第一中学.pdf",
            "print/excellent_tutor/魏都区.pdf", "print/excellent_tutor/魏都区/许昌市第一中学.pdf",
        ])
        #expect(summary.failures.count == 1)
        let failure = try #require(summary.failures.first)
        #expect(failure.name == "赵\u{E000}" && failure.number == "XC2021-JY-000004")
        #expect(failure.error == .missingGlyphs(text: "赵\u{E000}", characters: ["\u{E000}"]))
        #expect(failure.description.contains("U+E000") && failure.description.contains("XC2021-JY-000004"))

        let root = out.path + "/certificates/"
        // No file for the failed person, no temporary leftovers.
        let all = try FileManager.default.subpathsOfDirectory(atPath: root)
        #expect(!all.contains { $0.contains("000004") || $0.hasSuffix(".part") })
        // The merged county file holds its certificates in number order, without the failed one.
        let wei = try pdfText(root + "print/completion/魏都区.pdf")
        let a = try #require(wei.range(of: "XC2021-JY-000001")), b = try #require(wei.range(of: "XC2021-JY-000003"))
        #expect(a.lowerBound < b.lowerBound)
        let jian = try pdfText(root + "print/completion/建安区.pdf")
        #expect(jian.contains("李堃") && !jian.contains("000004"))
        #expect(try run("pdfinfo", [root + "print/completion/魏都区.pdf"]).output.contains("Pages:           2"))
    }

    @Test func aSecondCertificateWithTheSameNumberAndNameIsAFailureNotAnOverwrite() throws {
        let out = try temporaryDirectory("duplicate")
        var twin = sampleCertificate(name: "张三", number: "XC2021-JY-000003", school: "许昌市第一中学", county: "魏都区")
        twin.hours = "99"
        let list = [people[0], twin]
        let summary = try renderer.writeAll(list, outputDirectory: out.path, options: CertificateOutputOptions(workers: 1))
        #expect(summary.personFiles == ["completion/魏都区/许昌市第一中学/XC2021-JY-000003-张三.pdf"])
        let failure = try #require(summary.failures.first)
        #expect(summary.failures.count == 1 && failure.number == "XC2021-JY-000003")
        #expect(failure.description.contains("a second certificate with the same number and name"))
        // The file drawn is the first one given (the twin's 99 hours are not on it).
        let text = try pdfText(out.path + "/certificates/" + summary.personFiles[0])
        #expect(!text.contains("99"))
        let planned = CertificateRenderer.plannedFiles(list)
        #expect(planned.personFiles == summary.personFiles && planned.mergedFiles == summary.mergedFiles)
    }

    /// A 单位 spelled in two normalisations (`é` precomposed in one roster row, decomposed in
    /// another) is two folders on the file system: each person's file is written into its own.
    @Test func aSchoolInTwoNormalisationsGetsBothFolders() throws {
        let out = try temporaryDirectory("normalisation")
        let list = [sampleCertificate(name: "张三", number: "XC2021-JY-000001", school: "Caf\u{E9}小学", county: "魏都区"),
                    sampleCertificate(name: "李四", number: "XC2021-JY-000002", school: "Cafe\u{301}小学", county: "魏都区")]
        let summary = try renderer.writeAll(list, outputDirectory: out.path, options: CertificateOutputOptions(workers: 1))
        #expect(summary.failures.isEmpty)
        #expect(summary.personFiles.count == 2)
        for file in summary.personFiles {
            #expect(FileManager.default.fileExists(atPath: out.path + "/certificates/" + file))
        }
        // On disk: two folders, with different bytes.
        let listed = try FileManager.default.contentsOfDirectory(atPath: out.path + "/certificates/completion/魏都区")
        #expect(listed.count == 2)
        #expect(Set(listed.map { Array($0.utf8) }).count == 2)
    }

    @Test func rerunIsByteIdentical() throws {
        let a = try temporaryDirectory("rerun-a"), b = try temporaryDirectory("rerun-b")
        let list = Array(people.prefix(3))
        _ = try renderer.writeAll(list, outputDirectory: a.path)
        _ = try renderer.writeAll(list.reversed(), outputDirectory: b.path, options: CertificateOutputOptions(workers: 1))
        let files = try FileManager.default.subpathsOfDirectory(atPath: a.path + "/certificates").filter { $0.hasSuffix(".pdf") }.sorted()
        #expect(files.count == 3 + 4)
        for f in files {
            let da = try Data(contentsOf: a.appendingPathComponent("certificates/" + f))
            let db = try Data(contentsOf: b.appendingPathComponent("certificates/" + f))
            #expect(da == db, "\(f) differs")
        }
    }

    @Test func overlayPrintsOnlyVariableTextShifted() throws {
        let dir = try temporaryDirectory("overlay")
        let full = dir.appendingPathComponent("full.pdf").path, overlay = dir.appendingPathComponent("overlay.pdf").path
        let d = sampleCertificate()
        try renderer.writePDF(d, to: full)
        try renderer.writePDF(d, to: overlay, mode: .overlay(dx: 2, dy: -1.5))
        let text = try pdfText(overlay)
        #expect(text.contains("王𬌗") && text.contains("XC2021-JY-000001"))
        #expect(!text.contains("姓") && !text.contains("工作单位") && !text.contains("身份证号") && !text.contains("扫描二维码"))
        // The name moved 2 mm right and 1.5 mm up.
        func nameBox(_ path: String) throws -> (Double, Double) {
            let html = try run("pdftotext", ["-bbox", path, "-"]).output
            let line = try #require(html.split(separator: "\n").first { $0.contains(">王𬌗<") })
            func attr(_ n: String) -> Double {
                let r = line.range(of: n + "=\"")!
                return Double(line[r.upperBound...].prefix { $0 != "\"" })!
            }
            return (attr("xMin"), attr("yMin"))
        }
        let (fx, fy) = try nameBox(full), (ox, oy) = try nameBox(overlay)
        #expect(abs((ox - fx) - Units.pt(mm: 2)) < 0.05)
        #expect(abs((oy - fy) + Units.pt(mm: 1.5)) < 0.05)
    }

    @Test func testSheetOutlinesTheBlocks() throws {
        let dir = try temporaryDirectory("sheet")
        let path = dir.appendingPathComponent("sheet.pdf").path
        try renderer.writeTestSheet(kind: .completion, to: path)
        let text = try pdfText(path)
        #expect(text.contains("校准页") && text.contains("school") && text.contains("280"))
    }

    @Test func longSchoolShrinksInsideItsBox() throws {
        let t = try renderer.template(for: .completion)
        let block = try #require(t.blocks.first { $0.name == "school" })
        let dir = try temporaryDirectory("shrink")
        let doc = try PDFDocument(path: dir.appendingPathComponent("s.pdf").path, pageSize: t.pageSize)
        let long = sampleCertificate(school: "许昌市建安区河街乡第二十三中心小学附属幼儿园暨许昌市教师发展中心第一实验学校（东校区）")
        let fit = try doc.canvas.drawText(t.text(of: block, for: long), in: block.box, style: block.style,
                                          shrinkToFit: block.shrinkToFit, minSize: block.minSize)
        #expect(fit.size < block.style.size)
        let minSize = try #require(block.minSize)
        #expect(fit.size >= minSize)
        #expect(block.box.contains(fit.extents))
        // And the rendered certificate still carries the whole name.
        let path = dir.appendingPathComponent("c.pdf").path
        try renderer.writePDF(long, to: path)
        let flat = try pdfText(path).replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "")
        #expect(flat.contains(long.school))
    }
}

@Suite struct TemplateLoadingTests {
    func write(_ toml: String) throws -> String {
        let dir = try temporaryDirectory("tpl")
        let path = dir.appendingPathComponent("t.toml").path
        try toml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
    let head = """
    version = 1
    page = { width = 297, height = 210 }
    margins = { top = 10, right = 10, bottom = 10, left = 10 }
    fonts = ["LXGW WenKai"]

    """

    @Test func unknownPlaceholderIsNamed() throws {
        let path = try write(head + """
        [[blocks]]
        name = "n"
        text = "{{nmae}}"
        box = { x = 20, y = 20, width = 50, height = 10 }
        size = 12
        """)
        #expect(throws: RenderError.self) { try CertificateTemplate.load(path: path) }
        do { _ = try CertificateTemplate.load(path: path) } catch let RenderError.template(_, key, message) {
            #expect(key == "blocks[0].text" && message.contains("nmae"))
        }
    }

    @Test func overlappingOrOutsideBlocksAreRejected() throws {
        let overlap = try write(head + """
        [[blocks]]
        name = "a"
        text = "A"
        box = { x = 20, y = 20, width = 50, height = 10 }
        size = 12
        [[blocks]]
        name = "b"
        text = "B"
        box = { x = 60, y = 25, width = 50, height = 10 }
        size = 12
        """)
        do { _ = try CertificateTemplate.load(path: overlap); Issue.record("no error") } catch let RenderError.template(_, key, message) {
            #expect(key == "blocks[1].box" && message.contains("overlaps"))
        }
        let outside = try write(head + """
        [[blocks]]
        name = "a"
        text = "A"
        box = { x = 250, y = 20, width = 50, height = 10 }
        size = 12
        """)
        do { _ = try CertificateTemplate.load(path: outside); Issue.record("no error") } catch let RenderError.template(_, key, _) {
            #expect(key == "blocks[0].box")
        }
    }

    @Test func missingKeyIsNamed() throws {
        let path = try write("version = 1\nmargins = { top = 1, right = 1, bottom = 1, left = 1 }\nfonts = [\"x\"]\nblocks = []\n")
        do { _ = try CertificateTemplate.load(path: path); Issue.record("no error") } catch let RenderError.template(_, key, _) {
            #expect(key == "page")
        }
    }

    @Test func brokenFixedTextFailsTheRunNotEachPerson() throws {
        let path = try write(head + """
        [[blocks]]
        name = "label"
        text = "姓\u{E000}名"
        box = { x = 20, y = 20, width = 50, height = 10 }
        size = 12
        [[blocks]]
        name = "name"
        text = "{{name}}"
        box = { x = 80, y = 20, width = 50, height = 10 }
        size = 12
        """)
        let renderer = CertificateRenderer(templates: [.completion: try CertificateTemplate.load(path: path)])
        let out = try temporaryDirectory("broken")
        #expect(throws: RenderError.missingGlyphs(text: "姓\u{E000}名", characters: ["\u{E000}"])) {
            try renderer.writeAll([sampleCertificate()], outputDirectory: out.path)
        }
    }
}

@Suite struct CertificateDataFromResultsTests {
    @Test func everyNumberedCertificateOnceAndNoneWithoutAName() throws {
        let scheme = try SchemeLoader.load(path: URL(fileURLWithPath: templatesDirectory).deletingLastPathComponent()
            .appendingPathComponent("seeds/xuchang-2021-1/scheme.toml").path)
        func trainee(_ id: String, _ name: String, _ refs: [CertificateRef]) -> TraineeResult {
            let p = Person(id: id, name: name, gender: "女", county: "魏都区", school: "一中", stage: "初中", subject: "语文",
                           className: "坊", role: .trainee, line: 2)
            return TraineeResult(person: p, hours: [Hours(whole: 20), Hours(whole: 15), Hours(whole: 10), Hours(whole: 20)],
                                 modulePoints: [], activitiesCompleted: [], activityPoints: [], homework: .missing,
                                 total: Points(hundredths: 9_000), passed: true, passBasis: .score, rank: 1, scopeSize: 10,
                                 quota: 1, excellent: true, participated: true, certificates: refs)
        }
        let results = Results(scheme: scheme, dataDate: scheme.programme.periodEnd, isMidTerm: false,
                              trainees: [trainee("A", "张三", [CertificateRef(kind: .completion, number: "N1"),
                                                               CertificateRef(kind: .excellentTrainee, number: "N2")]),
                                         trainee("B", "", [CertificateRef(kind: .completion, number: "N3")])],
                              tutors: [], classes: [], anomalies: [], inputs: [])
        let batch = CertificateData.batch(from: results) { ref, _ in "code-\(ref.number)" }
        #expect(batch.map(\.number) == ["N1", "N2"])
        #expect(batch.map(\.verificationCode) == ["code-N1", "code-N2"])
        #expect(batch[0].hours == "60")  // credited: the 20 h of 专业理念与师德 count as its 15 required
        #expect(batch[0].result == "合格" && batch[1].result == "优秀")
        #expect(batch[0].maskedID == IDNumber.mask("A") && batch[0].stageSubject == "初中语文")
    }
}
