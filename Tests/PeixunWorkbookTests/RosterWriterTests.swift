import Foundation
import PeixunCore
import Testing
@testable import PeixunWorkbook

@Suite("培训名册 workbook")
struct RosterWriterTests {
    static let allSheets = ["名册", "合格名单", "优秀学员", "坊主考核", "坊统计", "区县统计", "异常记录", "项目信息"]

    func writeFixture(_ options: RosterOptions = RosterOptions(), extraTrainees: Int = 0) throws
        -> (dir: String, paths: [String], reader: XlsxReader) {
        let dir = try Fixture.directory()
        let paths = try RosterWriter.write(results: try Fixture.results(extraTrainees: extraTrainees), to: dir,
                                           options: options)
        return (dir, paths, try XlsxReader(path: try #require(paths.first)))
    }

    @Test func writesEverySheetInOrderAndNoTemporaryFiles() throws {
        let (dir, paths, reader) = try writeFixture()
        #expect(paths == [dir + "/培训名册.xlsx"])
        #expect(reader.sheetNames == Self.allSheets)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["培训名册.xlsx"])
    }

    @Test func rosterHeaderComesFromTheScheme() throws {
        let sheet = try writeFixture().reader.sheet("名册")
        #expect(sheet.header == [
            "序号", "区县", "单位", "姓名", "性别", "身份证号", "学段", "学科", "坊",
            "专业理念与师德学时", "专业理念与师德得分", "专业知识学时", "专业知识得分",
            "专业能力学时", "专业能力得分", "信息技术学时", "信息技术得分",
            "我的近期发展规划得分", "信息技术应用大PK得分",
            "作业等级", "作业得分", "总分", "是否合格", "排名", "优秀学员", "证书编号", "荣誉证书编号",
        ])
        #expect(sheet["A1"]?.value == "许昌市“十四五”第一期中小学教师继续教育全员岗位培训　名册")
    }

    @Test(arguments: [true, false])
    func handCheckedTraineeRows(constantMemory: Bool) throws {
        let sheet = try writeFixture(RosterOptions(constantMemory: constantMemory)).reader.sheet("名册")
        // 张三, row 3: full marks, 优秀 homework, 优秀学员.
        let zhang = sheet.rowValues(2)
        #expect(Array(zhang.prefix(9)) == ["1", "魏都区", "许昌市第一实验小学", "张三", "男", Fixture.zhangID, "小学",
                                           "语文", "魏都区小学语文一坊"])
        #expect(Array(zhang[9...26]) == ["15", "20", "16.5", "20", "10", "10", "20", "20", "10", "10", "优秀", "10",
                                         "100", "合格", "1", "是", "XC2021-1-JY-000001", "000123"])
        // 李四: 12.5 h → 16.67 points, not passed.
        let li = sheet.rowValues(3)
        #expect(li[3] == "李四")
        #expect(li[9] == "12.5" && li[10] == "16.67")
        #expect(li[19] == "良好" && li[21] == "82.67" && li[22] == "不合格" && li[25] == "")
        // 赵六: pending homework shows its status; 钱七 (坊主兼学员) has no rank.
        #expect(sheet.rowValues(5)[19] == "待批阅")
        let qian = sheet.rowValues(6)
        #expect(qian[3] == "钱七" && qian[22] == "合格" && qian[23] == "" && qian[19] == "未提交")
        #expect(sheet.lastRow == 7)

        // Types: IDs and certificate numbers are strings, scores numbers with 0.00.
        for row in 2...6 {
            let id = try #require(sheet.cell(row: row, column: 5))
            #expect(id.isString && id.numberFormat == "@")
            #expect(id.type == (constantMemory ? "inlineStr" : "s"))
            let total = try #require(sheet.cell(row: row, column: 21))
            #expect(total.type == "n" && total.numberFormat == "0.00")
            #expect(sheet.cell(row: row, column: 9)?.numberFormat == "0.00")
        }
        let leadingZeros = try #require(sheet.cell(row: 2, column: 26))
        #expect(leadingZeros.isString && leadingZeros.value == "000123")
        #expect(sheet.cell(row: 2, column: 23)?.number == 1)
    }

    @Test func layoutIsReadableAndPrintable() throws {
        let reader = try writeFixture().reader
        let sheet = try reader.sheet("名册")
        // Title merged over the table, frozen header and name columns, filter on the header.
        #expect(sheet.xml.all("mergeCell").map { $0["ref"] } == ["A1:AA1"])
        let pane = try #require(sheet.xml.all("pane").first)
        #expect(pane["state"] == "frozen" && pane["xSplit"] == "4" && pane["ySplit"] == "2" && pane["topLeftCell"] == "E3")
        #expect(sheet.xml.all("autoFilter").first?["ref"] == "A2:AA7")
        // 不合格 rows highlighted by a formula rule over the data.
        let cf = try #require(sheet.xml.all("conditionalFormatting").first)
        #expect(cf["sqref"] == "A3:AA7")
        #expect(cf.all("formula").first?.text == "$W3=\"不合格\"")
        // Landscape A4, one page wide, header rows repeated, page numbers.
        let setup = try #require(sheet.xml.all("pageSetup").first)
        #expect(setup["orientation"] == "landscape" && setup["paperSize"] == "9")
        #expect((setup["fitToWidth"] ?? "1") == "1" && setup["fitToHeight"] == "0")  // 1 is the default, omitted
        #expect(sheet.xml.all("pageSetUpPr").first?["fitToPage"] == "1")
        let footer = try #require(sheet.xml.all("oddFooter").first?.text)
        #expect(footer.contains("&P") && footer.contains("&N"))
        #expect(reader.workbookXML.contains("'名册'!$1:$2"))
        // Header bold and filled: its style has a fill (checked via the header cell's style index > 0).
        #expect(sheet.raw.contains("<c r=\"A2\" s="))
        // Widths: 单位 (9 CJK characters) gets ≥ 18 units; 身份证号 fits 18 digits.
        let cols = sheet.xml.all("col")
        let width = { (c: Int) -> Double in
            Double(cols.first { Int($0["min"] ?? "") == c + 1 }?["width"] ?? "0") ?? 0 }
        #expect(width(2) >= 18 && width(2) < 25)
        #expect(width(5) >= 18 && width(5) < 24)
        #expect(width(0) < width(2))
        // A long title over a narrow table wraps onto more lines instead of being cut off.
        let rowHeight = { (sheet: XlsxReader.Sheet) -> Double in
            Double(sheet.xml.all("row").first { $0["r"] == "1" }?["ht"] ?? "0") ?? 0 }
        #expect(rowHeight(sheet) == 30)
        #expect(rowHeight(try reader.sheet("区县统计")) >= 51)
        // Document properties.
        let core = try reader.part("docProps/core.xml")
        #expect(core.contains("<dc:creator>许昌市中小学教师培训中心</dc:creator>"))
        #expect(core.contains("<dc:title>许昌市“十四五”第一期中小学教师继续教育全员岗位培训培训名册</dc:title>"))
    }

    @Test func listsOfPassedAndExcellentTrainees() throws {
        let reader = try writeFixture().reader
        let passed = try reader.sheet("合格名单")
        #expect(passed.header.suffix(3) == ["总分", "合格依据", "证书编号"])
        #expect((2...4).map { passed.rowValues($0)[3] } == ["张三", "赵六", "钱七"])
        #expect(passed.lastRow == 5)
        #expect(passed.rowValues(4)[10] == "坊主兼学员，学时≥40")
        #expect(passed.rowValues(2)[11] == "XC2021-1-JY-000001")
        let excellent = try reader.sheet("优秀学员")
        #expect(excellent.lastRow == 3)
        #expect(excellent.rowValues(2)[3] == "张三" && excellent.rowValues(2)[12] == "000123")
        #expect(excellent.cell(row: 2, column: 12)?.isString == true)
    }

    @Test func tutorAssessmentWithRatesAsPercentages() throws {
        let sheet = try writeFixture().reader.sheet("坊主考核")
        #expect(sheet.header == ["序号", "区县", "单位", "姓名", "性别", "身份证号", "所带坊", "学员数", "参训率", "合格率",
                                 "作业批阅率", "作业推优率", "研修公告数", "研修简报数", "参训率得分", "合格率得分",
                                 "研修公告得分", "研修简报得分", "点评作业得分", "作业推优得分", "总分", "是否合格",
                                 "排名", "优秀辅导教师", "证书编号"])
        let sun = sheet.rowValues(2)
        // 2 of 3 participated, 1 of 3 passed: rates rounded to 4 decimals.
        #expect(sun[3] == "孙八" && sun[8] == "0.6667" && sun[9] == "0.3333" && sun[10] == "1" && sun[11] == "0.5")
        #expect(sheet.cell(row: 2, column: 8)?.numberFormat == "0.00%")
        #expect(Array(sun[14...21]) == ["5", "0", "15", "20", "20", "20", "80", "不合格"])
        #expect(sheet.rowValues(3)[24] == "XC2021-1-FD-000001")
        #expect(sheet.xml.all("formula").first?.text == "$V3=\"不合格\"")
    }

    @Test func classStatisticsWithExactAverageAndMedian() throws {
        let sheet = try writeFixture().reader.sheet("坊统计")
        let first = sheet.rowValues(2)
        // Totals 100, 82.67, 0: average 182.67 / 3 = 60.89, median 82.67.
        #expect(Array(first[0...13]) == ["1", "魏都区小学语文一坊", "魏都区", "小学", "语文", "孙八", "3", "2", "0.6667",
                                         "1", "0.3333", "60.89", "82.67", "2"])
        #expect(first[16] == "1")
        // A 坊 without trainees: no average or median, and no tutor.
        let empty = sheet.rowValues(4)
        #expect(empty[1] == "空坊" && empty[5] == "（无坊主）" && empty[11] == "" && empty[12] == "")
    }

    @Test(arguments: [
        ([Int64](), nil as Int64?, nil as Int64?),
        ([9000], 9000, 9000),
        ([100, 201], 151, 151),         // 1.505 → 1.51 (half-up)
        ([0, 8267, 10000], 6089, 8267),
        ([100, 200, 400, 1000], 425, 300),
        ([1, 2, 4, 10], 4, 3)           // 0.0425 → 0.04; median 0.03,
    ])
    func averageAndMedian(hundredths: [Int64], average: Int64?, median: Int64?) {
        let points = hundredths.map { Points(hundredths: $0) }
        #expect(ScoreStatistics.average(points)?.hundredths == average)
        #expect(ScoreStatistics.median(points)?.hundredths == median)
    }

    @Test func countyStatisticsPerStageWithTotals() throws {
        let sheet = try writeFixture().reader.sheet("区县统计")
        #expect(sheet.header == ["区县", "学段", "人数", "合格人数", "合格率", "优秀学员", "平均分"])
        #expect(sheet.rowValues(2) == ["魏都区", "小学", "3", "1", "0.3333", "1", "60.89"])
        #expect(sheet.rowValues(3) == ["建安区", "初中", "2", "2", "1", "0", "72.5"])
        #expect(sheet.rowValues(4) == ["合计", "", "5", "3", "0.6", "1", "65.53"])
        #expect(sheet.lastRow == 5)
    }

    @Test func anomaliesLandOnTheirSheet() throws {
        let sheet = try writeFixture().reader.sheet("异常记录")
        #expect(sheet.header == ["序号", "文件", "行号", "类型", "说明"])
        #expect(sheet.rowValues(2) == ["1", "courses.csv", "7", "身份证号无效", "身份证号 41100219850101001X 校验位不符"])
        #expect(sheet.rowValues(3) == ["2", "学员名单.xlsx", "", "坊无坊主", "坊“空坊”没有坊主"])
        #expect(sheet.cell(row: 2, column: 2)?.number == 7)
    }

    @Test func noticesFollowTheAnomalies() throws {
        var results = try Fixture.results()
        results.notices = [Anomaly(file: "tutor_posts.csv", line: 9, kind: .notATutor, message: "发布者 李四 在名单中不是坊主")]
        let dir = try Fixture.directory()
        let paths = try RosterWriter.write(results: results, to: dir)
        let sheet = try XlsxReader(path: try #require(paths.first)).sheet("异常记录")
        #expect(sheet.rowValues(4) == ["3", "tutor_posts.csv", "9", "提示：非坊主发布", "发布者 李四 在名单中不是坊主"])
    }

    @Test func programmeSheetHasRealDates() throws {
        let sheet = try writeFixture().reader.sheet("项目信息")
        let end = try #require(sheet["B8"])
        #expect(sheet["A8"]?.value == "数据截止日期")
        #expect(end.type == "n" && end.value == "44550" && end.numberFormat == "yyyy-mm-dd")
        #expect(sheet["A6"]?.value == "培训开始日期" && sheet["B6"]?.value == "44449")
        #expect(sheet["B5"]?.isString == true && sheet["B5"]?.value == "XC2021-1")
    }

    @Test func splitsAtTheRowLimit() throws {
        // 4 rows a sheet: title, header and two data rows. 5 + 2 trainees → 名册, 名册(2), 名册(3), 名册(4).
        let (_, _, reader) = try writeFixture(RosterOptions(maxRowsPerSheet: 4), extraTrainees: 2)
        #expect(reader.sheetNames.prefix(4) == ["名册", "名册(2)", "名册(3)", "名册(4)"])
        #expect(reader.sheetNames.contains("合格名单") && reader.sheetNames.contains("合格名单(2)"))
        var numbers: [String] = []
        var names: [String] = []
        for name in ["名册", "名册(2)", "名册(3)", "名册(4)"] {
            let sheet = try reader.sheet(name)
            #expect(sheet.lastRow <= 4)
            #expect(sheet.header.first == "序号" && sheet.header.count == 27)
            #expect(sheet.xml.all("pane").first?["ySplit"] == "2")
            for row in 2..<sheet.lastRow {
                numbers.append(sheet.rowValues(row)[0])
                names.append(sheet.rowValues(row)[3])
            }
        }
        #expect(numbers == (1...7).map(String.init))
        #expect(names == ["张三", "李四", "王五", "赵六", "钱七", "学员1", "学员2"])
        #expect(try reader.sheet("名册(2)")["A1"]?.value.hasSuffix("（续1）") == true)
        #expect(reader.workbookXML.contains("'名册(4)'!$1:$2"))
    }

    @Test func exactlyFullSheetDoesNotStartAnEmptyOne() throws {
        let (_, _, reader) = try writeFixture(RosterOptions(maxRowsPerSheet: 7, sheets: [.roster]))
        #expect(reader.sheetNames == ["名册"])
        let (_, _, reader2) = try writeFixture(RosterOptions(maxRowsPerSheet: 6, sheets: [.roster]))
        #expect(reader2.sheetNames == ["名册", "名册(2)"])
    }

    @Test func countySplitWritesOneWorkbookPerCounty() throws {
        let (dir, paths, _) = try writeFixture(RosterOptions(split: .county))
        #expect(paths == [dir + "/培训名册.xlsx", dir + "/培训名册-魏都区.xlsx", dir + "/培训名册-建安区.xlsx"])
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: dir)) == Set(paths.map { ($0 as NSString).lastPathComponent }))
        let weidu = try XlsxReader(path: paths[1])
        #expect(weidu.sheetNames == Self.allSheets.filter { $0 != "异常记录" })
        let roster = try weidu.sheet("名册")
        #expect((2..<roster.lastRow).map { roster.rowValues($0)[3] } == ["张三", "李四", "王五"])
        #expect(roster["A1"]?.value.contains("（魏都区）") == true)
        let jianan = try XlsxReader(path: paths[2])
        let tutors = try jianan.sheet("坊主考核")
        #expect(tutors.lastRow == 3 && tutors.rowValues(2)[3] == "钱七")
        let classes = try jianan.sheet("坊统计")
        #expect((2..<classes.lastRow).map { classes.rowValues($0)[1] } == ["建安区初中数学二坊", "空坊"])
    }

    @Test(arguments: [2, 0, Workbook.maximumRows + 1])
    func refusesAnImpossibleRowLimit(limit: Int) throws {
        let dir = try Fixture.directory()
        let error = #expect(throws: RosterError.self) {
            try RosterWriter.write(results: try Fixture.results(), to: dir, options: RosterOptions(maxRowsPerSheet: limit))
        }
        guard case .invalidOption = error else { Issue.record("expected invalidOption, got \(String(describing: error))"); return }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    @Test func failureLeavesNoTemporaryFileAndKeepsWhatWasThere() throws {
        let dir = try Fixture.directory()
        // The target name is taken by a directory: the rename fails.
        try FileManager.default.createDirectory(atPath: dir + "/培训名册.xlsx/keep", withIntermediateDirectories: true)
        let error = #expect(throws: RosterError.self) { try RosterWriter.write(results: try Fixture.results(), to: dir) }
        guard case .fileSystem = error else { Issue.record("expected fileSystem, got \(String(describing: error))"); return }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["培训名册.xlsx"])
        #expect(FileManager.default.fileExists(atPath: dir + "/培训名册.xlsx/keep"))
        // An output "directory" that is a file.
        _ = FileManager.default.createFile(atPath: dir + "/plain", contents: Data("x".utf8))
        #expect(throws: RosterError.self) { try RosterWriter.write(results: try Fixture.results(), to: dir + "/plain/sub") }
    }

    @Test func overwritesAnEarlierRosterAtomically() throws {
        let (dir, paths, _) = try writeFixture()
        let again = try RosterWriter.write(results: try Fixture.results(extraTrainees: 1), to: dir)
        #expect(again == paths)
        #expect(try XlsxReader(path: paths[0]).sheet("名册").lastRow == 8)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["培训名册.xlsx"])
    }

    @Test func sameResultsGiveTheSameBytes() throws {
        let (_, first, _) = try writeFixture()
        let (_, second, _) = try writeFixture()
        #expect(try Data(contentsOf: URL(fileURLWithPath: first[0])) == Data(contentsOf: URL(fileURLWithPath: second[0])))
    }

    @Test func columnsFollowAnotherScheme() throws {
        var results = try Fixture.results()
        results.scheme.modules = [Module(name: "师德", requiredHours: Hours(whole: 10), points: Fraction(50))]
        results.scheme.activities = [Activity(name: "读书分享", module: "师德", points: Fraction(40))]
        results.scheme.programme.name = String(repeating: "很长的项目名称", count: 40)
        for i in results.trainees.indices {
            results.trainees[i].hours = [Hours(whole: i)]
            results.trainees[i].modulePoints = [Points(hundredths: Int64(i) * 500)]
            results.trainees[i].activityPoints = [Points(hundredths: 4000)]
        }
        let dir = try Fixture.directory()
        let paths = try RosterWriter.write(results: results, to: dir)
        let sheet = try XlsxReader(path: paths[0]).sheet("名册")
        #expect(Array(sheet.header[9...]) == ["师德学时", "师德得分", "读书分享得分", "作业等级", "作业得分", "总分", "是否合格",
                                             "排名", "优秀学员", "证书编号", "荣誉证书编号"])
        #expect(Array(sheet.rowValues(3)[9...11]) == ["1", "5", "40"])
        #expect(sheet.xml.all("formula").first?.text == "$P3=\"不合格\"")
        let footer = try #require(sheet.xml.all("oddFooter").first?.text)
        #expect(footer.count < 255 && footer.contains("…"))
    }

    @Test func emptyResultsStillGiveEverySheet() throws {
        var results = try Fixture.results()
        results.trainees = []; results.tutors = []; results.classes = []; results.anomalies = []
        let dir = try Fixture.directory()
        let reader = try XlsxReader(path: try RosterWriter.write(results: results, to: dir, options: RosterOptions(split: .county))[0])
        #expect(reader.sheetNames == Self.allSheets)
        let roster = try reader.sheet("名册")
        #expect(roster.lastRow == 2 && roster.header.count == 27)
        #expect(roster.xml.all("autoFilter").first?["ref"] == "A2:AA2")
        #expect(roster.xml.all("conditionalFormatting").isEmpty)
        #expect(try reader.sheet("区县统计").rowValues(2) == ["合计", "", "0", "0", "0", "0", ""])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["培训名册.xlsx"])
    }

    @Test func countyNamesAreMadeSafeForFileNames() {
        #expect(RosterWriter.safeFileComponent("魏都区") == "魏都区")
        #expect(RosterWriter.safeFileComponent("a/b:c") == "a_b_c")
        #expect(RosterWriter.safeFileComponent("") == "未填区县")
        #expect(RosterWriter.safeFileComponent("..") == "未填区县..")
    }

    @Test func textWidthCountsChineseAsTwo() {
        #expect(TextWidth.of("张三") == 4)
        #expect(TextWidth.of("411002198501010018") == 18)
        #expect(TextWidth.of("王𬌗") == 4)
        #expect(TextWidth.of("PK大赛") == 6)
        #expect(TableSheetWriter.columnName(0) == "A" && TableSheetWriter.columnName(26) == "AA")
        #expect(TableSheetWriter.columnName(702) == "AAA")
    }
}
