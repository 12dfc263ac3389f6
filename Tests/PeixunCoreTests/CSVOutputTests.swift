import Foundation
import Testing
@testable import PeixunCore

@Suite struct CSVOutputTests {
    @Test(arguments: [
        ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""), ("+86", "'+86"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"),
        ("\tX", "'\tX"), ("张三", "张三"), ("a,b", "\"a,b\""), ("line\nbreak", "\"line\nbreak\""),
    ])
    func fieldsCannotStartAFormula(_ text: String, _ written: String) {
        #expect(CSVText.field(text) == written)
    }

    @Test func gradeCSVDefusesANameThatLooksLikeAFormula() throws {
        var e = ExportBuilder()
        e.person(ExportBuilder.id(99), "坊主", role: "坊主")
        e.person(ExportBuilder.id(1), "=1+2")
        let r = try e.grade()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("peixun-csv-\(UUID().uuidString).csv").path
        let out = try BufferedOutput(path: path)
        try ResultsCSV.write(r, to: out)
        try out.close()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(",'=1+2,"))
        #expect(!text.contains(",=1+2,"))
    }
}
