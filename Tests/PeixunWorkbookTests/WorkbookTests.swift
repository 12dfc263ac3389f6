import Foundation
import PeixunCore
import Testing
@testable import PeixunWorkbook

@Suite("Workbook wrapper")
struct WorkbookTests {
    @Test(arguments: [false, true])
    func writesTypedCellsThatReadBack(constantMemory: Bool) throws {
        let dir = try Fixture.directory()
        let path = dir + "/t.xlsx"
        let wb = try Workbook(path: path, options: .init(constantMemory: constantMemory))
        let ws = try wb.addWorksheet(named: "表一")
        let date = try wb.style(Format(numberFormat: "yyyy-mm-dd"))
        let score = try wb.style(Format(numberFormat: "0.00"))
        try ws.write("411002198501010018", row: 0, column: 0)
        try ws.write(93.5, row: 0, column: 1, style: score)
        try ws.write(7, row: 0, column: 2)
        try ws.write(try #require(CivilDate(year: 2021, month: 12, day: 20)), row: 0, column: 3, style: date)
        try ws.write(Timestamp(date: try #require(CivilDate(year: 2021, month: 9, day: 10)), hour: 12),
                     row: 0, column: 4, style: date)
        try ws.write("王𬌗 & <张>", row: 1, column: 0)
        try wb.close()
        #expect(!wb.isOpen)

        let reader = try XlsxReader(path: path)
        #expect(reader.sheetNames == ["表一"])
        let sheet = try reader.sheet("表一")
        let id = try #require(sheet["A1"])
        #expect(id.isString)
        #expect(id.type == (constantMemory ? "inlineStr" : "s"))
        #expect(id.value == "411002198501010018")
        #expect(sheet["B1"] == .init(type: "n", value: "93.5", numberFormat: "0.00"))
        #expect(sheet["C1"]?.number == 7)
        // Excel serial of 2021-12-20 is 44550.
        #expect(sheet["D1"] == .init(type: "n", value: "44550", numberFormat: "yyyy-mm-dd"))
        #expect(sheet["E1"]?.number == 44449.5)
        #expect(sheet["A2"]?.value == "王𬌗 & <张>")
    }

    @Test func documentPropertiesAreStored() throws {
        let dir = try Fixture.directory()
        let wb = try Workbook(path: dir + "/p.xlsx")
        _ = try wb.addWorksheet(named: "S")
        try wb.setProperties(DocumentProperties(title: "培训名册", author: "许昌市中小学教师培训中心",
                                                created: Date(timeIntervalSince1970: 1_640_908_800)))
        try wb.close()
        let core = try XlsxReader(path: dir + "/p.xlsx").part("docProps/core.xml")
        #expect(core.contains("<dc:title>培训名册</dc:title>"))
        #expect(core.contains("<dc:creator>许昌市中小学教师培训中心</dc:creator>"))
        #expect(core.contains("2021-12-31T00:00:00Z"))
    }

    @Test(arguments: [
        ("a/b", XlsxError.Code.invalidSheetnameCharacter),
        ("名册[1]", .invalidSheetnameCharacter),
        (String(repeating: "长", count: 32), .sheetnameLengthExceeded),
        ("'名册", .sheetnameStartEndApostrophe),
        ("重复", .sheetnameAlreadyUsed),
    ])
    func badSheetNamesThrow(name: String, code: XlsxError.Code) throws {
        let wb = try Workbook(path: try Fixture.directory() + "/x.xlsx")
        _ = try wb.addWorksheet(named: "重复")
        let error = #expect(throws: XlsxError.self) { try wb.addWorksheet(named: name) }
        #expect(error?.code == code)
        #expect(wb.worksheetNames == ["重复"])
    }

    @Test func badCellsThrowTheLibrarysCode() throws {
        let wb = try Workbook(path: try Fixture.directory() + "/x.xlsx")
        let ws = try wb.addWorksheet(named: "S")
        #expect(throws: XlsxError.self) { try ws.write("x", row: Workbook.maximumRows, column: 0) }
        #expect(throws: XlsxError.self) { try ws.write(1.0, row: -1, column: 0) }
        #expect(throws: XlsxError.self) { try ws.write(1.0, row: 0, column: Workbook.maximumColumns) }
        let tooLong = #expect(throws: XlsxError.self) {
            try ws.write(String(repeating: "x", count: 32_768), row: 0, column: 0)
        }
        #expect(tooLong?.code == .maxStringLengthExceeded)
        let early = #expect(throws: XlsxError.self) {
            try ws.write(try #require(CivilDate(year: 2021, month: 1, day: 1)).adding(days: -365 * 200), row: 0, column: 0)
        }
        #expect(early?.code == .parameterValidation)
    }

    @Test func constantMemoryRefusesAnEarlierRow() throws {
        let wb = try Workbook(path: try Fixture.directory() + "/x.xlsx", options: .init(constantMemory: true))
        let ws = try wb.addWorksheet(named: "S")
        try ws.write("a", row: 5, column: 0)
        try ws.write("b", row: 6, column: 0)
        let error = #expect(throws: XlsxError.self) { try ws.write("c", row: 2, column: 0) }
        #expect(error?.code == .worksheetIndexOutOfRange)
    }

    @Test func closeIntoAMissingDirectoryThrows() throws {
        let wb = try Workbook(path: "/nonexistent-peixun-dir/x.xlsx")
        _ = try wb.addWorksheet(named: "S")
        let error = #expect(throws: XlsxError.self) { try wb.close() }
        #expect(error?.code == .creatingXlsxFile)
        #expect(!wb.isOpen)
    }

    @Test func useAfterCloseThrowsInsteadOfCrashing() throws {
        let dir = try Fixture.directory()
        let wb = try Workbook(path: dir + "/x.xlsx")
        let ws = try wb.addWorksheet(named: "S")
        try wb.close()
        #expect(throws: XlsxError.self) { try ws.write("late", row: 0, column: 0) }
        #expect(throws: XlsxError.self) { try wb.addWorksheet(named: "T") }
        #expect(throws: XlsxError.self) { try wb.close() }
    }

    @Test func aWorkbookDroppedWithoutCloseWritesNothing() throws {
        let dir = try Fixture.directory()
        do {
            let wb = try Workbook(path: dir + "/dropped.xlsx", options: .init(constantMemory: true))
            try wb.addWorksheet(named: "S").write("x", row: 0, column: 0)
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/dropped.xlsx"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    @Test func everyLibraryCodeHasItsOwnCase() {
        let codes = (1..<XlsxError.libraryCodeLimit).map { XlsxError(libraryCode: $0, operation: "op") }
        #expect(codes.count == XlsxError.Code.allCases.count - 1)
        #expect(!codes.contains { $0.code == .unknown })
        #expect(Set(codes.map(\.code.rawValue)).count == codes.count)
        #expect(codes.allSatisfy { !$0.message.isEmpty && !$0.message.hasPrefix("libxlsxwriter error") })
        #expect(XlsxError(libraryCode: 500, operation: "op").code == .unknown)
        #expect(XlsxError(libraryCode: 23, operation: "op").code == .worksheetIndexOutOfRange)
    }

    @Test func aStyleOfAnotherWorkbookIsRefused() throws {
        let dir = try Fixture.directory()
        let a = try Workbook(path: dir + "/a.xlsx"), b = try Workbook(path: dir + "/b.xlsx")
        let style = try a.style(Format(bold: true))
        #expect(try a.style(Format(bold: true)).pointer == style.pointer)
        let sheet = try b.addWorksheet(named: "S")
        let error = #expect(throws: XlsxError.self) { try sheet.write("x", row: 0, column: 0, style: style) }
        #expect(error?.code == .parameterValidation)
    }

    @Test func errorsCarryTheOperationAndLibraryMessage() throws {
        let wb = try Workbook(path: try Fixture.directory() + "/x.xlsx")
        let error = #expect(throws: XlsxError.self) { try wb.addWorksheet(named: "a:b") }
        #expect(error?.description.contains("addWorksheet(named: a:b)") == true)
        #expect(error?.message.isEmpty == false)
    }
}
