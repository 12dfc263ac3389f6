import Foundation
import Testing
@testable import PeixunCore

@Suite("Reading xlsx tables")
struct XLSXReadingTests {
    @Test func sharedStringsRichTextTitleRowAndBlankRow() throws {
        let path = ReadingFixtures.path("shared.xlsx")
        let reader = try TableReader(path: path, table: .roster)
        #expect(reader.fileName == "shared.xlsx")
        #expect(reader.headerLine == 2)  // row 1 is a title
        let rows = try readAll(path, .roster)
        #expect(rows.map(\.line) == [3, 5])  // row 4 is blank
        #expect(rows[0].cells == ["410102198001010014", "张三", "男", "魏都区", "许昌市第一中学", "初中", "语文", "第一坊", "学员"])
        #expect(rows[1].cells[0] == "410102198001010022")  // rich text runs joined
        #expect(rows[1].cells[1] == "李四")  // U+3000 and NBSP trimmed
        #expect(rows[1].fieldCount == 10 && rows[1].headerCount == 10)
        #expect(rows[0].fieldCount == 9)
        #expect(rows[0].numeric.allSatisfy { !$0 })
    }

    @Test func inlineStringsNumbersDateSerialsAndMissingCells() throws {
        let path = ReadingFixtures.path("inline.xlsx")
        let rows = try readAll(path, .courses)
        #expect(rows.map(\.line) == [2, 3, 4])
        // 身份证号, 课程名称, 模块, 学时, 完成时间
        #expect(rows[0].cells == ["410102198001010014", "师德修养", "专业理念与师德", "1.5", "44470.5"])
        #expect(rows[0].numeric == [false, false, false, true, true])
        #expect(rows[1].cells == ["410102198001010022", "信息技术基础", "信息技术", "", ""])
        #expect(rows[1].numeric == [false, false, false, false, false])
        #expect(rows[1].present == [true, true, true, true, true])  // the row reaches column E
        #expect(rows[1].fieldCount == 5)
        #expect(rows[2].cells == ["410102198001010030", "课程三", "专业知识", "0.3", "2021-11-01 08:30"])
        #expect(rows[2].numeric == [false, false, false, true, false])
    }

    @Test func handMadePackageWithPrefixesPhoneticRunsAndOtherCellTypes() throws {
        let path = ReadingFixtures.path("handmade.xlsx")
        let rows = try readAll(path, .tutorPosts)
        // Rows without `r` are numbered from 1; the first sheet in workbook order is read.
        #expect(rows.map(\.line) == [2, 5, 6])
        // 身份证号, 类型, 标题, 发布时间, 坊
        #expect(rows[0].cells == ["410102198001010022", "公告", "第一期 研修&简报", "44470.5", "TRUE"])
        #expect(rows[0].numeric == [false, false, false, true, false])
        #expect(rows[1].cells == ["410102198001010022", "简报", "第一行\r第二行", "2021-10-02 09:30:00", ""])
        #expect(rows[1].present == [true, true, true, true, false])
        #expect(rows[2].cells == ["", "", "", "44470.5", "#N/A"])
        #expect(rows[2].present == [true, true, true, true, true])
        #expect(rows[2].fieldCount == 7)
    }

    @Test func notAZipIsFatal() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("roster.xlsx", "身份证号,姓名\n")
        let error = try #require(fatalReason { _ = try TableReader(path: path, table: .roster) })
        #expect(error.file == "roster.xlsx")
        #expect(error.reason.contains("unreadable xlsx"))
    }

    @Test func zipWithoutAWorkbookIsFatal() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("roster.xlsx").path
        let script = "import zipfile,sys\nz=zipfile.ZipFile(sys.argv[1],'w')\nz.writestr('hello.txt','hi')\nz.close()\n"
        try runPython(script, path)
        let error = try #require(fatalReason { _ = try TableReader(path: path, table: .roster) })
        #expect(error.reason.contains("workbook"))
    }

    @Test func malformedSheetXMLIsFatal() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("courses.xlsx").path
        let script = """
            import zipfile,sys
            z=zipfile.ZipFile(sys.argv[1],'w')
            z.writestr('xl/workbook.xml','<workbook><sheets><sheet name="a" r:id="rId1" xmlns:r="x"/></sheets></workbook>')
            z.writestr('xl/_rels/workbook.xml.rels','<Relationships><Relationship Id="rId1" Type="t/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
            z.writestr('xl/worksheets/sheet1.xml','<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>身份证号</t></is></c></row><row><c>')
            z.close()

            """
        try runPython(script, path)
        let error = try #require(fatalReason { _ = try TableReader(path: path, table: .courses) })
        #expect(error.reason.contains("unreadable xlsx"))
    }

    @Test func missingColumnInXLSXIsFatalAndNamed() throws {
        let path = ReadingFixtures.path("inline.xlsx")
        let error = try #require(fatalReason { _ = try TableReader(path: path, table: .activities) })
        #expect(error.file == "inline.xlsx")
        #expect(error.reason.contains("活动名称") && error.reason.contains("状态"))
    }

    @Test func readingStopsWhenTheBodyThrows() throws {
        struct Stop: Error {}
        let reader = try TableReader(path: ReadingFixtures.path("inline.xlsx"), table: .courses)
        var seen = 0
        #expect(throws: Stop.self) { try reader.read { _ in seen += 1; throw Stop() } }
        #expect(seen == 1)
        #expect(try reader.read { _ in } == 3)
    }

    private func runPython(_ script: String, _ argument: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, argument]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}

@Suite("Excel cell text")
struct ExcelNumberTests {
    @Test(arguments: [
        ("44470.5", "44470.5"), ("1.5", "1.5"), ("15", "15"), ("0", "0"), ("-0", "0"),
        ("44470.500000000007", "44470.50000000001"), ("4.4470500000000001E4", "44470.5"),
        ("1E-3", "0.001"), ("1.234567890123457E+19", "12345678901234570000"),
        ("0.30000000000000004", "0.30000000000000004"), ("-2.50", "-2.5"), ("1e-7", "0.0000001"),
        ("100", "100"), ("1e2", "100"),
    ])
    func shortestDecimal(text: String, expected: String) {
        #expect(ExcelNumber.shortestDecimal(text) == expected)
    }

    @Test func notNumbers() {
        #expect(ExcelNumber.shortestDecimal("abc") == nil)
        #expect(ExcelNumber.shortestDecimal("") == nil)
        #expect(ExcelNumber.shortestDecimal("inf") == nil)
    }

    @Test func cellReferences() {
        #expect(ExcelNumber.columnIndex(ofReference: "A1") == 0)
        #expect(ExcelNumber.columnIndex(ofReference: "Z9") == 25)
        #expect(ExcelNumber.columnIndex(ofReference: "AA10") == 26)
        #expect(ExcelNumber.columnIndex(ofReference: "XFD1048576") == 16383)
        #expect(ExcelNumber.columnIndex(ofReference: "12") == nil)
    }

    @Test func ooxmlEscapes() {
        #expect(ExcelNumber.unescapeOOXML("a_x000D_b") == "a\rb")
        #expect(ExcelNumber.unescapeOOXML("a_x00") == "a_x00")
        #expect(ExcelNumber.unescapeOOXML("_x4E2D_文") == "中文")
    }
}
