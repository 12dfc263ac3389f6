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

    @Test func aDamagedSourceIsNamed() throws {
        let dir = try temporaryDirectory("concat-bad")
        let bad = dir.appendingPathComponent("bad.pdf").path
        try Data("%PDF-1.5\nnot really\n".utf8).write(to: URL(fileURLWithPath: bad))
        let merged = try PDFConcatenation()
        #expect(throws: RenderError.self) { try merged.append(fileAt: bad) }
        #expect(throws: RenderError.self) { try merged.append(fileAt: dir.appendingPathComponent("missing.pdf").path) }
    }
}
