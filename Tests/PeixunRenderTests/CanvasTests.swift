import Foundation
import Testing
@testable import PeixunRender
import PeixunCore

@Suite struct CanvasTests {
    let style = TextStyle(families: TextStyle.defaultFamilies, size: 20)

    func page(_ path: String, _ draw: (Canvas) throws -> Void) throws {
        let doc = try PDFDocument(path: path, pageSize: .a4Landscape,
                                  metadata: PDFMetadata(title: "测试", author: "许昌市教师培训中心", created: issueDate))
        try draw(doc.canvas)
        try doc.endPage()
        try doc.finish()
    }

    @Test func textReadsBackAndFontsAreEmbeddedSubsets() throws {
        let dir = try temporaryDirectory()
        let path = dir.appendingPathComponent("a.pdf").path
        try page(path) { c in
            c.strokeRect(BoxMM(x: 10, y: 10, width: 277, height: 190), color: .sealRed, width: 1, radius: 3)
            try c.drawText("王𬌗 堃喆玥昇 证书编号 XC2021-JY-000001", in: BoxMM(x: 20, y: 20, width: 250, height: 20), style: style)
        }
        let text = try pdfText(path)
        #expect(text.contains("王𬌗 堃喆玥昇 证书编号 XC2021-JY-000001"))
        let fonts = try pdfFonts(path)
        #expect(!fonts.isEmpty)
        for f in fonts {
            #expect(f.embedded && f.subset, "font \(f.name)")
        }
    }

    @Test func identicalInputGivesIdenticalBytes() throws {
        let dir = try temporaryDirectory()
        let a = dir.appendingPathComponent("a.pdf").path, b = dir.appendingPathComponent("b.pdf").path
        for p in [a, b] {
            try page(p) { c in try c.drawText("张三 结业证书", in: BoxMM(x: 20, y: 20, width: 200, height: 30), style: style) }
        }
        let da = try Data(contentsOf: URL(fileURLWithPath: a)), db = try Data(contentsOf: URL(fileURLWithPath: b))
        #expect(da == db)
        #expect(String(decoding: da, as: UTF8.self).contains("/CreationDate (20211225000000)"))
    }

    @Test(arguments: ["\u{E000}", "\u{10FFFD}", "\u{0378}"])
    func missingGlyphIsAnErrorNamingTheCharacter(_ bad: String) throws {
        let dir = try temporaryDirectory()
        let doc = try PDFDocument(path: dir.appendingPathComponent("x.pdf").path, pageSize: .a4Landscape)
        #expect(throws: RenderError.missingGlyphs(text: "李\(bad)四", characters: [bad.unicodeScalars.first!])) {
            try doc.canvas.drawText("李\(bad)四", in: BoxMM(x: 0, y: 0, width: 100, height: 20), style: style)
        }
    }

    @Test func fallbackFaceIsNamed() throws {
        let dir = try temporaryDirectory()
        let doc = try PDFDocument(path: dir.appendingPathComponent("x.pdf").path, pageSize: .a4Landscape)
        // U+3106C is not in LXGW WenKai; the list's Noto Serif CJK SC has it.
        let fit = try doc.canvas.measureText("王\u{3106C}", in: BoxMM(x: 0, y: 0, width: 100, height: 20), style: style)
        #expect(fit.faces == [FaceRun(family: "LXGW WenKai", text: "王"), FaceRun(family: "Noto Serif CJK SC", text: "\u{3106C}")])
        // Without Noto in the list the fallback is refused.
        let onlyKai = TextStyle(families: ["LXGW WenKai"], size: 20)
        #expect(throws: RenderError.self) {
            try doc.canvas.measureText("王\u{3106C}", in: BoxMM(x: 0, y: 0, width: 100, height: 20), style: onlyKai)
        }
    }

    @Test func longTextShrinksThenWrapsInsideItsBox() throws {
        let dir = try temporaryDirectory()
        let doc = try PDFDocument(path: dir.appendingPathComponent("x.pdf").path, pageSize: .a4Landscape)
        let box = BoxMM(x: 30, y: 40, width: 80, height: 20)
        let short = try doc.canvas.measureText("许昌市第一中学", in: box, style: style, shrinkToFit: true, minSize: 10)
        #expect(short.size == 20 && short.lineCount == 1)
        let long = "许昌市建安区河街乡第二十三中心小学附属幼儿园暨教师发展中心实验学校"
        let fit = try doc.canvas.drawText(long, in: box, style: style, shrinkToFit: true, minSize: 10)
        #expect(fit.size <= 10)
        #expect(fit.lineCount == 2)
        #expect(box.contains(fit.extents))
        let huge = String(repeating: long, count: 20)
        #expect(throws: RenderError.self) {
            try doc.canvas.drawText(huge, in: box, style: style, shrinkToFit: true, minSize: 10)
        }
    }
}
