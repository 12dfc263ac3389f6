import Foundation
import Testing
@testable import PeixunRender
import PeixunCore

/// Text of a PDF with all white space removed (wrapping and table layout
/// split lines anywhere).
func compactText(_ path: String) throws -> String {
    String(try pdfText(path).unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
}

func compact(_ s: String) -> String {
    String(s.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
}

func pageCount(_ path: String) throws -> Int {
    let info = try run("pdfinfo", [path]).output
    for line in info.split(separator: "\n") where line.hasPrefix("Pages:") {
        return Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces)) ?? 0
    }
    return 0
}

@Suite struct ClassBriefingPDFTests {
    @Test func figuresAndNamesReadBack() throws {
        let r = try SyntheticResults.make(classes: 1, perClass: 40, seed: 7)
        let f = try #require(ClassBriefingFacts.all(results: r).first)
        let dir = try temporaryDirectory("brief")
        let path = dir.appendingPathComponent("a.pdf").path
        try ClassBriefingPDF.write(f, issuer: r.scheme.programme.issuer, to: path)
        let text = try compactText(path)
        #expect(text.contains(compact("研修简报 · \(f.className)")))
        #expect(text.contains(f.tutorNames[0]))
        #expect(text.contains("数据截至2021年12月20日"))
        #expect(text.contains("参训\(f.counts.participated)人"))
        #expect(text.contains(BriefingFormat.percent(f.counts.participationRate)))
        #expect(text.contains(BriefingFormat.percent(f.counts.passRate)))
        #expect(text.contains("合格\(f.counts.passed)人"))
        #expect(text.contains(BriefingFormat.score(try #require(f.scores.average))))
        #expect(text.contains("中位数\(BriefingFormat.score(try #require(f.scores.median)))"))
        #expect(text.contains("合格线90"))
        #expect(text.contains("已批阅\(f.homework.graded)"))
        #expect(text.contains("推优\(f.homework.recommended)份"))
        #expect(!f.lacks.isEmpty)
        for l in f.lacks { #expect(text.contains(l.name)) }
        for e in f.excellent { #expect(text.contains(e.name)) }
        for m in f.modules { #expect(text.contains(m.module)) }
        // The first lacks line, item by item.
        for item in f.lacks[0].items { #expect(text.contains(compact(item))) }
        // No full ID anywhere.
        for t in r.trainees { #expect(!text.contains(t.id)) }
        #expect(try pageCount(path) <= 3)
        #expect(try pdfFonts(path).allSatisfy(\.embedded))
    }

    @Test func twoHundredTraineesFlowOverPagesWithRepeatedHeaders() throws {
        let r = try SyntheticResults.make(classes: 1, perClass: 200, seed: 3)
        let f = try #require(ClassBriefingFacts.all(results: r).first)
        #expect(f.lacks.count > 40)
        let path = try temporaryDirectory("brief200").appendingPathComponent("big.pdf").path
        try ClassBriefingPDF.write(f, issuer: "中心", to: path)
        let pages = try pageCount(path)
        #expect(pages >= 3)
        let raw = try pdfText(path)
        #expect(raw.contains("未合格学员（续）"))
        // The chase table's header is on the first page of the table and on every continuation.
        let headers = raw.components(separatedBy: "还缺什么").count - 1
        #expect(headers >= 2)
        #expect(raw.components(separatedBy: "未合格学员（续）").count - 1 == headers - 1)
        // Every page has its footer with its number.
        let text = compact(raw)
        for p in 1...pages { #expect(text.contains("第\(p)页")) }
        #expect(text.components(separatedBy: compact("\(f.className) · 研修简报")).count - 1 == pages)
        #expect(text.contains(compact(f.lacks.last?.summary ?? "")) || text.contains(f.lacks.last?.name ?? "?"))
    }

    @Test func classWithoutSubmissionsRenders() throws {
        let r = try SyntheticResults.make(classes: 1, perClass: 25, seed: 5, noSubmissions: true)
        let f = try #require(ClassBriefingFacts.all(results: r).first)
        #expect(f.homework.submitted == 0)
        let path = try temporaryDirectory("nosub").appendingPathComponent("n.pdf").path
        try ClassBriefingPDF.write(f, issuer: "中心", to: path)
        let text = try compactText(path)
        #expect(text.contains("推优0份（尚无作业提交）"))
        #expect(text.contains("尚无作业提交"))
        #expect(text.contains("暂无推优作业"))
        #expect(text.contains("作业未提交"))
    }

    @Test func emptyClassAndClassWithoutTutorRender() throws {
        var r = try SyntheticResults.make(classes: 1, perClass: 3, seed: 9)
        r.classes[0].traineeIndices = []
        r.classes[0].tutorIDs = []
        let f = try #require(ClassBriefingFacts.all(results: r).first)
        let path = try temporaryDirectory("empty").appendingPathComponent("e.pdf").path
        try ClassBriefingPDF.write(f, issuer: "中心", to: path)
        let text = try compactText(path)
        #expect(text.contains("本坊暂无学员"))
        #expect(text.contains("本坊在名单中没有坊主"))
        #expect(try pageCount(path) == 1)
    }

    @Test func longNamesOfSchoolsAndClassesFit() throws {
        let r = try SyntheticResults.make(classes: 1, perClass: 30, seed: 11, longNames: true)
        let f = try #require(ClassBriefingFacts.all(results: r).first)
        let path = try temporaryDirectory("long").appendingPathComponent("l.pdf").path
        try ClassBriefingPDF.write(f, issuer: "中心", to: path)
        let text = try compactText(path)
        #expect(text.contains(compact(f.className)))
        #expect(text.contains(compact(try #require(f.lacks.first).school)))
    }

    @Test func rareCharactersInNamesReadBack() throws {
        var r = try SyntheticResults.make(classes: 1, perClass: 20, seed: 13)
        let i = try #require(r.classes[0].traineeIndices.first { !r.trainees[$0].passed })
        r.trainees[i].person.name = "王𬌗"
        r.trainees[i].person.school = "许昌市𫖯𬘡学校"
        let f = try #require(ClassBriefingFacts.all(results: r).first)
        let path = try temporaryDirectory("rare").appendingPathComponent("r.pdf").path
        try ClassBriefingPDF.write(f, issuer: "中心", to: path)
        let text = try compactText(path)
        #expect(text.contains("王𬌗"))
        #expect(text.contains("许昌市𫖯𬘡学校"))
    }

    @Test func midTermBriefingShowsRemainingDays() throws {
        let r = try SyntheticResults.make(classes: 1, perClass: 20, seed: 2, asOf: CivilDate(year: 2021, month: 11, day: 30))
        let f = try #require(ClassBriefingFacts.all(results: r).first)
        let path = try temporaryDirectory("mid").appendingPathComponent("m.pdf").path
        try ClassBriefingPDF.write(f, issuer: "中心", to: path)
        let text = try compactText(path)
        #expect(text.contains("还有20天"))
        #expect(text.contains("尚未合格学员"))
    }
}

@Suite struct ProgrammeSummaryPDFTests {
    @Test func summaryHasTheFiguresByCountyStageAndSubject() throws {
        let r = try SyntheticResults.make(classes: 12, perClass: 30, seed: 4)
        let f = ProgrammeSummaryFacts(results: r)
        let path = try temporaryDirectory("sum").appendingPathComponent("summary.pdf").path
        try ProgrammeSummaryPDF.write(f, to: path)
        let text = try compactText(path)
        #expect(text.contains(compact(f.programme)))
        #expect(text.contains("\(f.total.trainees)"))
        #expect(text.contains(BriefingFormat.percent(f.total.passRate)))
        for g in f.byCounty + f.byStage + f.bySubject {
            #expect(text.contains(compact(g.name)))
            #expect(text.contains(BriefingFormat.percent(g.passRate)))
        }
        #expect(text.contains("数据异常（\(f.anomalyTotal)条）"))
        #expect(text.contains("身份证号不在名单中"))
        #expect(text.contains("优秀辅导教师"))
        #expect(try pdfFonts(path).allSatisfy(\.embedded))
    }
}

@Suite struct BriefingWriterTests {
    @Test func writesEveryClassAndTheSummary() throws {
        let r = try SyntheticResults.make(classes: 9, perClass: 15, seed: 8)
        let dir = try temporaryDirectory("writer")
        let written = try BriefingWriter.write(results: r, to: dir.path, workers: 2)
        #expect(written.count == 2 * 9 + 2)
        #expect(written.first == "briefings/魏都区/魏都区小学语文1坊.pdf")
        #expect(written.suffix(2) == ["summary.pdf", "summary.md"])
        for p in written {
            let attrs = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(p).path)
            #expect((attrs[.size] as? Int ?? 0) > 200, "\(p)")
        }
        let md = try String(contentsOf: dir.appendingPathComponent("briefings/魏都区/魏都区小学语文1坊.md"), encoding: .utf8)
        #expect(md.hasPrefix("## 研修简报｜魏都区小学语文1坊\n"))
        let summary = try String(contentsOf: dir.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(summary.contains("| 魏都区 |"))
        // Same input, same bytes (fixed creation date, one document per task).
        let again = try temporaryDirectory("writer2")
        try BriefingWriter.write(results: r, to: again.path, workers: 1)
        let a = try Data(contentsOf: dir.appendingPathComponent(written[0]))
        let b = try Data(contentsOf: again.appendingPathComponent(written[0]))
        #expect(a == b)
    }
}

extension BriefingWriterTests {
    /// A name with a character no font has costs that 坊 its PDF, not the run.
    @Test func oneUndrawableNameDoesNotStopTheOtherClasses() throws {
        var r = try SyntheticResults.make(classes: 3, perClass: 12, seed: 4)
        let victim = try #require(r.classes[1].traineeIndices.first)
        r.trainees[victim].person.name = "王\u{E000}"
        r.trainees[victim].passed = false
        let dir = try temporaryDirectory("writer-glyph")
        let output = try BriefingWriter.writeAll(results: r, to: dir.path, workers: 2)
        #expect(output.failures.count == 1)
        #expect(output.failures.first?.className == r.classes[1].name)
        #expect(!output.written.contains { $0.hasSuffix("\(r.classes[1].name).pdf") })
        #expect(output.written.filter { $0.hasSuffix(".pdf") }.count == 2 + 1)
        #expect(output.written.filter { $0.hasSuffix(".md") }.count == 3 + 1)
        #expect(output.written.contains("summary.pdf"))
        #expect(throws: BriefingError.self) { try BriefingWriter.write(results: r, to: dir.path + "-strict") }
    }
}

@Suite struct PageFlowTests {
    /// The one-line shortcut must never claim one line for text Pango wraps.
    @Test func oneLineEstimateIsConservative() throws {
        let path = try temporaryDirectory("flow").appendingPathComponent("f.pdf").path
        let flow = try PageFlow(path: path, metadata: PDFMetadata(), footer: "f")
        let style = BriefingStyle.cell
        let one = try flow.measure("国", width: 100, style: style)
        let samples = ["WWWWWWWWWWWW", "许昌市第一中学", "Mmmmm@@@%%%", "1234567890.55", "魏都区第3实验学校（原ABC）",
                       "信息技术 还差 6 学时；作业 未提交", "“十四五”第一期", "ＡＢＣ全角字母"]
        var claimed = 0
        for text in samples {
            for width in stride(from: 8.0, through: 60.0, by: 2.0) where flow.surelyOneLine(text, width: width, style: style) {
                claimed += 1
                #expect(try flow.measure(text, width: width, style: style) <= one + 0.01, "\(text) @ \(width) mm")
            }
        }
        #expect(claimed > 20)
        try flow.finish()
    }
}
