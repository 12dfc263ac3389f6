import Foundation
import Testing
@testable import PeixunCore

/// Hostile .xlsx files are refused early (bytes inflated checked, not times), naming the file
/// and the limit; each is generated here, small on disk.
@Suite("Refusing hostile xlsx files")
struct HostileXLSXTests {
    let folder: TemporaryFolder
    let path: String

    init() throws {
        folder = try TemporaryFolder()
        path = folder.url.appendingPathComponent("courses.xlsx").path
    }

    /// Reads every row of the first sheet; returns the error and the sheet bytes inflated.
    private func read(_ zip: TestZip, limits: XLSXLimits = .standard) throws -> (error: FatalError?, inflated: Int64, rows: Int) {
        try zip.write(to: path)
        var rows = 0
        var source: XLSXRowSource?
        do {
            source = try XLSXRowSource(path: path, fileName: "courses.xlsx", limits: limits)
            try source?.forEachRow { _ in rows += 1; return true }
        } catch let error as FatalError {
            return (error, source?.lastInflatedBytes ?? -1, rows)
        }
        return (nil, source?.lastInflatedBytes ?? -1, rows)
    }

    private func sheet(_ rows: String) -> String {
        "<worksheet><sheetData>" + TestZip.coursesHeader + rows + "</sheetData></worksheet>"
    }

    @Test func aWellFormedHandMadePackageReads() throws {
        var zip = TestZip.workbook()
        zip.stored("xl/sharedStrings.xml", "<sst><si><t>A&amp;B &#x4E2D;&#25991;</t></si></sst>")
        zip.stored("xl/worksheets/sheet1.xml", sheet(#"<row r="2"><c t="s"><v>0</v></c><c r="D2"><v>1.50</v></c></row>"#))
        let result = try read(zip)
        #expect(result.error == nil)
        #expect(result.rows == 2)
        let rows = try readAll(path, .courses)
        #expect(rows.map(\.cells) == [["A&B 中文", "", "", "1.5", ""]])
    }

    @Test func aZipBombIsRefusedOnItsDeclaredRatioBeforeInflating() throws {
        // 1.5 GB of <row/> in about 3 MB, sizes declared honestly: 516:1.
        let bomb = DeflateBomb.stream(prefix: "<worksheet><sheetData>", unit: "<row/>", size: 1_500_000_000)
        #expect(bomb.stream.count < 3_000_000)
        var zip = TestZip.workbook()
        zip.deflated("xl/worksheets/sheet1.xml", stream: bomb.stream, declaredSize: UInt64(bomb.inflated))
        let result = try read(zip)
        let error = try #require(result.error)
        #expect(error.file == "courses.xlsx")
        #expect(error.reason.hasPrefix("refused xlsx: xl/worksheets/sheet1.xml inflates 5"))
        #expect(error.reason.contains(":1 (limit 250:1), a zip bomb"))
        #expect(result.inflated == 0)
    }

    @Test func aPartThatInflatesPastItsDeclaredSizeStopsThere() throws {
        // Declares 32 MiB (ratio 11:1) but would inflate to 1.5 GB of spaces.
        let bomb = DeflateBomb.stream(prefix: "<worksheet><sheetData>", unit: "      ", size: 1_500_000_000)
        var zip = TestZip.workbook()
        zip.deflated("xl/worksheets/sheet1.xml", stream: bomb.stream, declaredSize: 32 << 20)
        let result = try read(zip)
        let error = try #require(result.error)
        #expect(error.reason == "refused xlsx: xl/worksheets/sheet1.xml inflates past its declared 33554432 bytes")
        #expect(result.inflated > 32 << 20 && result.inflated <= (32 << 20) + Int64(XLSXPackage.chunkSize))
    }

    @Test func aPartDeclaredOverTheSizeCapIsRefusedBeforeInflating() throws {
        let bomb = DeflateBomb.stream(prefix: "<worksheet><sheetData>", unit: "      ", size: 30_000_000)
        var zip = TestZip.workbook()
        zip.deflated("xl/worksheets/sheet1.xml", stream: bomb.stream, declaredSize: 5 << 30)  // zip64 sizes
        let result = try read(zip)
        #expect(result.error?.reason == "refused xlsx: xl/worksheets/sheet1.xml declares 5368709120 bytes inflated, over the limit of 4294967296")
        #expect(result.inflated == 0)
    }

    @Test func rowsCountingOnPastExcelsLastRowAreRefused() throws {
        // <row/> without numbers, declared size 100 MB (ratio 35:1): row 1,048,577 stops it after ~6 MB.
        let bomb = DeflateBomb.stream(prefix: "<worksheet><sheetData>", unit: "<row/>", size: 1_500_000_000)
        var zip = TestZip.workbook()
        zip.deflated("xl/worksheets/sheet1.xml", stream: bomb.stream, declaredSize: 100_000_000)
        let result = try read(zip)
        let error = try #require(result.error)
        #expect(error.reason == "refused xlsx: xl/worksheets/sheet1.xml has a row numbered beyond 1048576, Excel's last row")
        #expect(error.line == 1_048_577)
        #expect(result.rows == 1_048_576)
        #expect(result.inflated < 8_000_000)
    }

    @Test func aRowNumberPastExcelsLastRowIsRefused() throws {
        var zip = TestZip.workbook()
        zip.stored("xl/worksheets/sheet1.xml", sheet(#"<row r="1048577"><c><v>1</v></c></row>"#))
        let error = try #require(try read(zip).error)
        #expect(error.reason.contains("row numbered beyond 1048576"))
    }

    @Test func cellsBeyondColumnXFDOrTooManyInARowAreRefused() throws {
        var zip = TestZip.workbook()
        zip.stored("xl/worksheets/sheet1.xml", sheet(#"<row r="2"><c r="XFE2"><v>1</v></c></row>"#))
        #expect(try read(zip).error?.reason == "refused xlsx: xl/worksheets/sheet1.xml has a cell XFE2 beyond column XFD, Excel's last")
        zip.parts.removeLast()
        zip.stored("xl/worksheets/sheet1.xml", sheet("<row r=\"2\">" + String(repeating: #"<c r="A2"/>"#, count: 16_385) + "</row>"))
        let error = try #require(try read(zip).error)
        #expect(error.reason == "refused xlsx: a row of xl/worksheets/sheet1.xml has more than 16384 cells")
        #expect(error.line == 2)
    }

    @Test func aCellOverTheLengthLimitIsRefused() throws {
        var zip = TestZip.workbook()
        let long = String(repeating: "学", count: 50_000)  // 150,000 bytes
        zip.stored("xl/worksheets/sheet1.xml", sheet("<row r=\"2\"><c t=\"inlineStr\"><is><t>\(long)</t></is></c></row>"))
        #expect(try read(zip).error?.reason == "refused xlsx: a cell of xl/worksheets/sheet1.xml holds more than 131072 bytes of text")
        // Excel's longest cell, 32,767 characters of three UTF-8 bytes each, still reads.
        zip.parts.removeLast()
        let longest = String(repeating: "学", count: 32_767)
        zip.stored("xl/worksheets/sheet1.xml", sheet("<row r=\"2\"><c t=\"inlineStr\"><is><t>\(longest)</t></is></c></row>"))
        #expect(try read(zip).error == nil)
    }

    @Test func aRowOverTheSizeLimitThroughSharedStringsIsRefused() throws {
        var zip = TestZip.workbook()
        zip.stored("xl/sharedStrings.xml", "<sst><si><t>" + String(repeating: "x", count: 100_000) + "</t></si></sst>")
        // 700 references to a 100 kB string: 70 MB from a 20 kB row.
        zip.stored("xl/worksheets/sheet1.xml", sheet("<row r=\"2\">" + String(repeating: "<c t=\"s\"><v>0</v></c>", count: 700) + "</row>"))
        #expect(try read(zip).error?.reason == "refused xlsx: a row of xl/worksheets/sheet1.xml holds more than 67108864 bytes of text")
    }

    @Test func aDTDOrAnUndefinedEntityIsRefusedAnywhere() throws {
        let laughs = #"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>"#
        var zip = TestZip.workbook()
        zip.stored("xl/worksheets/sheet1.xml", laughs + sheet("<row><c t=\"inlineStr\"><is><t>&lol2;</t></is></c></row>"))
        #expect(try read(zip).error?.reason == "refused xlsx: xl/worksheets/sheet1.xml has a DTD or entity declaration (<!DOCTYPE …), which OOXML never uses")

        zip = TestZip.workbook()
        zip.stored("xl/sharedStrings.xml", #"<!ENTITY x SYSTEM "file:///etc/passwd"><sst><si><t>&x;</t></si></sst>"#)
        zip.stored("xl/worksheets/sheet1.xml", sheet(""))
        #expect(try read(zip).error?.reason.hasPrefix("refused xlsx: xl/sharedStrings.xml has a DTD or entity declaration") == true)

        zip = TestZip.workbook()
        zip.stored("xl/worksheets/sheet1.xml", sheet("<row><c t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>"))
        #expect(try read(zip).error?.reason == "refused xlsx: xl/worksheets/sheet1.xml uses the entity &xxe;, which only a DTD could define (OOXML has none)")

        zip = TestZip()
        zip.stored("xl/workbook.xml", "<!DOCTYPE workbook><workbook/>")
        #expect(try read(zip).error?.reason.hasPrefix("refused xlsx: xl/workbook.xml has a DTD") == true)
    }

    @Test func deepNestingAndOverlongMarkupAreRefused() throws {
        var zip = TestZip.workbook()
        let deep = String(repeating: "<x>", count: 300) + String(repeating: "</x>", count: 300)
        zip.stored("xl/worksheets/sheet1.xml", "<worksheet>\(deep)<sheetData></sheetData></worksheet>")
        #expect(try read(zip).error?.reason == "refused xlsx: xl/worksheets/sheet1.xml nests elements deeper than 256")

        zip.parts.removeLast()
        let attribute = String(repeating: "a", count: 1_200_000)
        zip.stored("xl/worksheets/sheet1.xml", sheet("<row r=\"2\" x=\"\(attribute)\"></row>"))
        #expect(try read(zip).error?.reason == "refused xlsx: xl/worksheets/sheet1.xml has markup longer than 1048576 bytes")
    }

    @Test func tooManySharedStringsOrOneTooLongAreRefused() throws {
        var limits = XLSXLimits.standard
        limits.maxSharedStrings = 10
        var zip = TestZip.workbook()
        zip.stored("xl/sharedStrings.xml", "<sst>" + String(repeating: "<si><t>a</t></si>", count: 11) + "</sst>")
        zip.stored("xl/worksheets/sheet1.xml", sheet(""))
        #expect(try read(zip, limits: limits).error?.reason == "refused xlsx: xl/sharedStrings.xml holds more than 10 strings")
        #expect(try read(zip).error == nil)  // the standard limit is 16,777,216

        zip = TestZip.workbook()
        zip.stored("xl/sharedStrings.xml", "<sst><si><r><t>" + String(repeating: "y", count: 140_000) + "</t></r></si></sst>")
        zip.stored("xl/worksheets/sheet1.xml", sheet(""))
        #expect(try read(zip).error?.reason == "refused xlsx: a string of xl/sharedStrings.xml holds more than 131072 bytes")
    }

    @Test func corruptOrTruncatedDeflateDataIsUnreadable() throws {
        let good = DeflateBomb.stream(prefix: "<worksheet><sheetData>", unit: "      ", size: 1_000_000)
        var zip = TestZip.workbook()
        // Cut short: the stream needs more than the part holds.
        zip.deflated("xl/worksheets/sheet1.xml", stream: Array(good.stream.prefix(good.stream.count / 2)),
                     declaredSize: UInt64(good.inflated))
        let truncated = try #require(try read(zip).error)
        #expect(truncated.reason.hasPrefix("unreadable xlsx: xl/worksheets/sheet1.xml is truncated"))
        zip.parts.removeLast()
        zip.deflated("xl/worksheets/sheet1.xml", stream: [0xFF, 0xFF, 0xFF, 0xFF], declaredSize: 100)
        #expect(try read(zip).error?.reason == "unreadable xlsx: xl/worksheets/sheet1.xml is not a valid deflate stream")
    }

    @Test func theTableReaderNamesTheFileOfARefusal() throws {
        let bomb = DeflateBomb.stream(prefix: "<worksheet><sheetData>", unit: "<row/>", size: 1_500_000_000)
        var zip = TestZip.workbook()
        zip.deflated("xl/worksheets/sheet1.xml", stream: bomb.stream, declaredSize: UInt64(bomb.inflated))
        try zip.write(to: path)
        let error = try #require(fatalReason { _ = try TableReader(path: path, table: .courses) })
        #expect(error.file == "courses.xlsx")
        #expect(error.description.hasPrefix("courses.xlsx: refused xlsx: xl/worksheets/sheet1.xml inflates"))
    }
}
