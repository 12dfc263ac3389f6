import Foundation
import Testing
@testable import PeixunRender
import PeixunCore

/// A 区县 print file is its 单位 print files, page by page (qpdf).
@Suite struct PDFConcatenationTests {
    @Test func countyFileIsItsSchoolFilesInOrderWithTextFontsAndTitle() throws {
        let renderer = try CertificateRenderer.load(templatesDirectory: templatesDirectory)
        let people = [("许昌市第二中学", "乙二"), ("许昌市第一中学", "甲一"), ("许昌市第一中学", "甲二")].enumerated().map { i, p in
            sampleCertificate(name: p.1, number: String(format: "XC2021-JY-%06d", i + 1), school: p.0)
        }
        let dir = try temporaryDirectory("concat")
        let summary = try renderer.writeAll(people, outputDirectory: dir.path)
        let layout = CertificateOutputLayout(outputDirectory: dir.path)
        let county = layout.root + "/" + layout.countyFile(kind: .completion, county: "魏都区")
        #expect(summary.mergedFiles.contains(layout.countyFile(kind: .completion, county: "魏都区")))
        let info = try run("pdfinfo", [county]).output
        #expect(info.contains("Pages:           3"))
        #expect(info.contains("Title:           结业证书 魏都区"))
        // Print order: 单位 then number — 第一中学 (甲一, 甲二) before 第二中学 (乙二).
        let text = try pdfText(county)
        let order = ["甲一", "甲二", "乙二"].compactMap { text.range(of: $0)?.lowerBound }
        #expect(order.count == 3 && order == order.sorted())
        #expect(try pdfFonts(county).allSatisfy { $0.embedded && $0.subset })
        // The same 单位 files give the same bytes.
        let again = dir.appendingPathComponent("again.pdf").path
        let merged = try PDFConcatenation()
        for school in ["许昌市第一中学", "许昌市第二中学"] {
            try merged.append(fileAt: layout.root + "/" + layout.schoolFile(kind: .completion, county: "魏都区", school: school))
        }
        try merged.write(to: again, metadata: renderer.metadata(people[1], title: "结业证书 魏都区"))
        #expect(merged.pageCount == 3)
        #expect(try Data(contentsOf: URL(fileURLWithPath: again)) == Data(contentsOf: URL(fileURLWithPath: county)))
    }

    @Test(arguments: [([3, 3, 3], 5, [0..<1, 1..<2, 2..<3]), ([2, 2, 1], 5, [0..<3]), ([7, 1], 5, [0..<1, 1..<2]),
                      ([1, 7, 1], 5, [0..<1, 1..<2, 2..<3]), ([2, 3, 4], 5, [0..<2, 2..<3]), ([], 5, [0..<0]),
                      ([5, 5], 5, [0..<1, 1..<2]), ([1, 1, 1, 1], 2, [0..<2, 2..<4])])
    func volumesAreWholeUnitsOfAtMostTheLimit(pages: [Int], limit: Int, expected: [Range<Int>]) {
        #expect(CertificateRenderer.volumes(pages, maxPages: limit) == expected)
    }

    /// A 区县 bigger than a volume is printed as 第1册, 第2册 … of whole 单位, each made of its
    /// 单位 files, and no single 区县 file; a smaller one keeps its one file.
    @Test func aBigCountyIsPrintedInVolumesOfWholeUnits() throws {
        let renderer = try CertificateRenderer.load(templatesDirectory: templatesDirectory)
        let people = [("魏都区", "许昌市第一中学", "甲一"), ("魏都区", "许昌市第二中学", "乙一"), ("魏都区", "许昌市第二中学", "乙二"),
                      ("魏都区", "许昌市第三中学", "丙一"), ("建安区", "建安区实验小学", "丁一")].enumerated().map { i, p in
            sampleCertificate(name: p.2, number: String(format: "XC2021-JY-%06d", i + 1), school: p.1, county: p.0)
        }
        let dir = try temporaryDirectory("volumes")
        var options = CertificateOutputOptions()
        options.volumePages = 2
        let summary = try renderer.writeAll(people, outputDirectory: dir.path, options: options)
        let layout = CertificateOutputLayout(outputDirectory: dir.path)
        // 单位 in print order: 第一中学 (1), 第三中学 (1), 第二中学 (2) → volumes [一, 三], [二].
        let v1 = layout.countyVolumeFile(kind: .completion, county: "魏都区", volume: 1)
        let v2 = layout.countyVolumeFile(kind: .completion, county: "魏都区", volume: 2)
        #expect(v1 == "print/completion/魏都区-第1册.pdf" && v2 == "print/completion/魏都区-第2册.pdf")
        #expect(summary.mergedFiles.filter { !$0.contains("/魏都区/") && !$0.contains("/建安区/") }
                == ["print/completion/建安区.pdf", v1, v2].sorted())
        #expect(!FileManager.default.fileExists(atPath: layout.root + "/" + layout.countyFile(kind: .completion, county: "魏都区")))
        let info1 = try run("pdfinfo", [layout.root + "/" + v1]).output
        #expect(info1.contains("Pages:           2") && info1.contains("Title:           结业证书 魏都区 第1册"))
        let text1 = try pdfText(layout.root + "/" + v1), text2 = try pdfText(layout.root + "/" + v2)
        let order = ["甲一", "丙一"].compactMap { text1.range(of: $0)?.lowerBound }
        #expect(order.count == 2 && order == order.sorted())
        #expect(text2.contains("乙一") && text2.contains("乙二") && !text2.contains("甲一") && !text1.contains("乙一"))
        #expect(try run("pdfinfo", [layout.root + "/" + v2]).output.contains("Title:           结业证书 魏都区 第2册"))
        // The plan names the same files.
        #expect(CertificateRenderer.plannedFiles(people, options: options).mergedFiles == summary.mergedFiles)
    }

    @Test func aDamagedSourceIsNamed() throws {
        let dir = try temporaryDirectory("concat-bad")
        let bad = dir.appendingPathComponent("bad.pdf").path
        try Data("%PDF-1.5\nnot really\n".utf8).write(to: URL(fileURLWithPath: bad))
        let merged = try PDFConcatenation()
        #expect(throws: RenderError.self) { try merged.append(fileAt: bad) }
        #expect(throws: RenderError.self) { try merged.append(fileAt: dir.appendingPathComponent("missing.pdf").path) }
    }
}
