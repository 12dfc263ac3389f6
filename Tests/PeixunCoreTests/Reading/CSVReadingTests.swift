import Foundation
import Testing
@testable import PeixunCore

@Suite("Reading CSV tables")
struct CSVReadingTests {
    static let coursesHeader = "身份证号,课程名称,模块,学时,完成时间"

    @Test func readsUTF8WithLineNumbersAndFileName() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("courses.csv", """
            \(Self.coursesHeader)
            410102198001010014,师德修养,专业理念与师德,1.5,2021-10-01 08:00
            410102198001010022,信息技术基础,信息技术,2,

            """)
        let reader = try TableReader(path: path, table: .courses)
        #expect(reader.fileName == "courses.csv")
        let rows = try readAll(path, .courses)
        #expect(rows.map(\.line) == [2, 3])
        #expect(rows[0].cells == ["410102198001010014", "师德修养", "专业理念与师德", "1.5", "2021-10-01 08:00"])
        #expect(rows[1].cells[4] == "")
        #expect(rows[1].present == [true, true, true, true, true])
        #expect(rows[0].numeric == [false, false, false, false, false])
        #expect(rows[0].fieldCount == 5 && rows[0].headerCount == 5)
    }

    @Test func utf8BOMIsSkippedEvenBeforeAQuotedHeader() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("activities.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("""
            "身份证号",活动名称,状态,完成时间
            410102198001010014,我的近期发展规划,已完成,2021-10-01 08:00
            """.utf8))
        let rows = try readAll(path, .activities)
        #expect(rows.count == 1)
        #expect(rows[0].cells == ["410102198001010014", "我的近期发展规划", "已完成", "2021-10-01 08:00"])
        #expect(rows[0].line == 2)
    }

    @Test func gb18030WithFourByteCharacters() throws {
        let path = ReadingFixtures.path("gb18030.csv")
        #expect(try TextEncodingDetector.detect(path: path, fileName: "gb18030.csv") == .gb18030)
        let rows = try readAll(path, .courses)
        #expect(rows.count == 301)
        #expect(rows[0].line == 2)
        #expect(rows[0].cells == ["411002198001010000", "𠮷祥课程0", "专业知识", "1.5", "2021-10-01 08:00"])
        #expect(rows[299].cells[1] == "𠮷祥课程299")
        #expect(rows[300].cells == ["411002198001019999", "含,逗号的𠮷课程", "信息技术", "2", "2021-11-11 11:11:11"])
        #expect(rows[300].line == 302)
    }

    @Test(arguments: [64, 65, 67, 101, 1000])
    func gb18030SequencesSplitAcrossChunks(chunkSize: Int) throws {
        let path = ReadingFixtures.path("gb18030.csv")
        let reference = try parseCSV(path, encoding: .gb18030, chunkSize: 8 << 20)
        let small = try parseCSV(path, encoding: .gb18030, chunkSize: chunkSize)
        #expect(reference.count == 302)
        #expect(small.map(\.line) == reference.map(\.line))
        #expect(small.map(\.cells) == reference.map(\.cells))
    }

    @Test func gbkFileWithCRLF() throws {
        let path = ReadingFixtures.path("gbk.csv")
        let rows = try readAll(path, .roster)
        #expect(rows.map(\.line) == [2, 3, 4])
        #expect(rows[0].cells == ["410102198001010014", "张三", "男", "魏都区", "许昌市第一中学", "初中", "语文", "第一坊", "学员"])
        #expect(rows[2].cells[8] == "坊主兼学员")
    }

    @Test func undecodableFileIsFatal() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("roster.csv", bytes: Array("身份证号,姓名\n".utf8) + [0x41, 0xFF, 0x80, 0x0A])
        let error = try #require(fatalReason { _ = try TableReader(path: path, table: .roster) })
        #expect(error.file == "roster.csv")
        #expect(error.reason.contains("neither UTF-8 nor GB18030"))
    }

    @Test func gbkBytesAfterManyMegabytesOfASCIIStillMeanGB18030() throws {
        let folder = try TemporaryFolder()
        let row = Array("410102198001010014,course,module,1.5,2021-10-01 08:00:00\n".utf8)
        // The header (UTF-8 here) decodes to other characters as GB18030; only the detection and
        // the last row matter in this test.
        var bytes = Array("\(Self.coursesHeader)\n".utf8)
        bytes.reserveCapacity(9_500_000)
        while bytes.count < 9_000_000 { bytes += row }  // more than one detection chunk
        bytes += Array("410102198001010022,".utf8) + [0xD6, 0xD0, 0xCE, 0xC4] + Array(",m,1,t\n".utf8)  // 中文 in GBK
        let path = try folder.write("courses.csv", bytes: bytes)
        #expect(try TextEncodingDetector.detect(path: path, fileName: "courses.csv") == .gb18030)
        var last: [UInt8] = []
        var count = 0
        try CSVRowSource(path: path, fileName: "courses.csv", encoding: .gb18030).forEachRow { row in
            count += 1
            last = Array(row.field(1))
            return true
        }
        #expect(String(decoding: last, as: UTF8.self) == "中文")
        #expect(count == (9_000_000 - Self.coursesHeader.utf8.count) / row.count + 3)
    }

    @Test func unassignedGB18030SequenceIsFatalWhenRead() throws {
        let folder = try TemporaryFolder()
        // 0x84 0x39 0xFE 0x39 is well-formed but beyond the last BMP code, so iconv rejects it.
        let header = Array(Self.coursesHeader.utf8)
        let path = try folder.write("courses.csv", bytes: [0xD6, 0xD0, 0x0A] + header + [0x0A, 0x84, 0x39, 0xFE, 0x39, 0x0A])
        #expect(try TextEncodingDetector.detect(path: path, fileName: "courses.csv") == .gb18030)
        let error = try #require(fatalReason {
            let reader = try TableReader(path: path, table: .courses)
            try reader.read { _ in }
        })
        #expect(error.reason.contains("neither UTF-8 nor GB18030"))
    }

    @Test func invalidUTF8AfterABOMIsFatal() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("roster.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("身份证号\n".utf8) + [0xD6, 0xD0, 0x0A])
        let error = try #require(fatalReason { _ = try TableReader(path: path, table: .roster) })
        #expect(error.reason.contains("BOM"))
    }

    @Test func utf16IsFatal() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("roster.csv", bytes: [0xFF, 0xFE, 0x6B, 0x8E])
        let error = try #require(fatalReason { _ = try TableReader(path: path, table: .roster) })
        #expect(error.reason.contains("UTF-16"))
    }

    @Test func quotedFieldsWithCommasQuotesAndNewlines() throws {
        let folder = try TemporaryFolder()
        let text = "\(Self.coursesHeader)\r\n"
            + "A1,\"课程,含逗号\",模块,1,t\r\n"                 // line 2
            + "A2,\"他说\"\"好\"\"\",模块,1,t\r\n"               // line 3
            + "A3,\"第一行\r\n第二行\n第三行\",模块,1,t\r\n"     // lines 4-6
            + "A4,\"\",模块,\"\"\"\",t\n"                        // line 7
            + "A5,\"a\rb\",模块,1,t\r"                           // lines 8-9, CR line end
            + "A6,x\"y,模块,1,t"                                 // line 10, no final newline
        let path = try folder.write("courses.csv", text)
        let rows = try readAll(path, .courses)
        #expect(rows.map(\.line) == [2, 3, 4, 7, 8, 10])
        #expect(rows[0].cells[1] == "课程,含逗号")
        #expect(rows[1].cells[1] == "他说\"好\"")
        #expect(rows[2].cells[1] == "第一行\r\n第二行\n第三行")
        #expect(rows[3].cells[1] == "" && rows[3].cells[3] == "\"")
        #expect(rows[4].cells[1] == "a\rb")
        #expect(rows[5].cells[1] == "x\"y")
    }

    @Test func spacesAroundQuotesAndTextAfterTheClosingQuote() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("courses.csv", "\(Self.coursesHeader)\nA1,  \"a,b\"  ,\"c\"d,\"e\"\"\"f, x \n")
        let rows = try readAll(path, .courses)
        #expect(rows.count == 1)
        #expect(rows[0].cells == ["A1", "a,b", "cd", "e\"f", "x"])
    }

    @Test func lineEndingsCRLFAndCR() throws {
        let folder = try TemporaryFolder()
        let crlf = try folder.write("a.csv", "\(Self.coursesHeader)\r\nA,b,c,1,t\r\n\r\nB,b,c,1,t\r\n")
        let cr = try folder.write("b.csv", "\(Self.coursesHeader)\rA,b,c,1,t\r\rB,b,c,1,t\r")
        for path in [crlf, cr] {
            let rows = try readAll(path, .courses)
            #expect(rows.map(\.line) == [2, 4])
            #expect(rows.map { $0.cells[3] } == ["1", "1"])
            #expect(rows.map { $0.cells[4] } == ["t", "t"])
        }
    }

    @Test func blankRowsAreSkippedButKeepTheirNumbers() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("courses.csv",
            "\n\(Self.coursesHeader)\nA,b,c,1,t\n\n  \n,,,,\n \u{3000},\t,,,\nB,b,c,1,t\n\n")
        let reader = try TableReader(path: path, table: .courses)
        #expect(reader.headerLine == 2)
        let rows = try readAll(path, .courses)
        #expect(rows.map(\.line) == [3, 8])
        #expect(try reader.read { _ in } == 2)
    }

    static let specialSpaces = [" ", "\t", "\u{3000}", "\u{00A0}", "\u{FEFF}", "\u{200B}", "\r", "\n"]

    @Test(arguments: specialSpaces)
    func everyCellIsTrimmedOfSpecialSpaces(space: String) throws {
        let folder = try TemporaryFolder()
        let header = Self.coursesHeader.split(separator: ",").map { "\"\(space)\($0)\(space)\(space)\"" }
            .joined(separator: ",")
        let path = try folder.write("courses.csv",
            "\(header)\n\"\(space)A 1\(space)\",\"\(space)\(space)课程 名称\",\"模块\(space)\",\"\(space)\",1\n")
        let rows = try readAll(path, .courses)
        #expect(rows.count == 1)
        #expect(rows[0].cells == ["A 1", "课程 名称", "模块", "", "1"])
    }

    @Test func innerSpecialSpacesAreKept() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("courses.csv", "\(Self.coursesHeader)\n\u{3000}张\u{3000}三\u{00A0},a\u{200B}b,\u{FEFF},1,t\n")
        let rows = try readAll(path, .courses)
        #expect(rows[0].cells[0] == "张\u{3000}三")
        #expect(rows[0].cells[1] == "a\u{200B}b")
        #expect(rows[0].cells[2] == "")
    }

    @Test func columnsInAnyOrderWithExtraColumns() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("courses.csv", """
            完成时间,备注,学时,姓名拼音,模块,课程名称,身份证号
            2021-10-01 08:00,x,2.5,zhang,信息技术,课程甲,410102198001010014
            """)
        let rows = try readAll(path, .courses)
        #expect(rows[0].cells == ["410102198001010014", "课程甲", "信息技术", "2.5", "2021-10-01 08:00"])
        #expect(rows[0].fieldCount == 7 && rows[0].headerCount == 7)
    }

    @Test func optionalColumnPresentAndAbsent() throws {
        let folder = try TemporaryFolder()
        let with = try folder.write("a.csv", "坊,身份证号,类型,标题,发布时间\n第一坊,A,公告,开班,2021-09-11 09:00\n")
        let without = try folder.write("b.csv", "身份证号,类型,标题,发布时间\nA,公告,开班,2021-09-11 09:00\n")
        let a = try readAll(with, .tutorPosts)
        let b = try readAll(without, .tutorPosts)
        #expect(a[0].cells == ["A", "公告", "开班", "2021-09-11 09:00", "第一坊"])
        #expect(a[0].present == [true, true, true, true, true])
        #expect(b[0].cells == ["A", "公告", "开班", "2021-09-11 09:00", ""])
        #expect(b[0].present == [true, true, true, true, false])
    }

    @Test func shortRowsReadAsEmptyAndNotPresent() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("courses.csv", "\(Self.coursesHeader)\nA,课程\nB,b,c,1,t,extra\n")
        let rows = try readAll(path, .courses)
        #expect(rows[0].cells == ["A", "课程", "", "", ""])
        #expect(rows[0].present == [true, true, false, false, false])
        #expect(rows[0].fieldCount == 2 && rows[0].headerCount == 5)
        #expect(rows[1].fieldCount == 6)
        let reader = try TableReader(path: path, table: .courses)
        try reader.read { record in
            #expect(record.bytes(99).isEmpty && record.bytes(-1).isEmpty && !record.isPresent(99))
            #expect(record.isEmpty(4) == (record.line == 2))
        }
    }

    @Test func missingRequiredColumnIsFatalAndNamed() throws {
        let folder = try TemporaryFolder()
        let one = try folder.write("courses.csv", "身份证号,课程名称,模块,完成时间,学时数\nA,b,c,t,1\n")
        let error = try #require(fatalReason { _ = try TableReader(path: one, table: .courses) })
        #expect(error.file == "courses.csv")
        #expect(error.reason.contains("学时"))
        #expect(!error.reason.contains("完成时间"))
        let two = try folder.write("roster.csv", "身份证号,姓名,性别,区县,单位,学段,学科\n")
        let both = try #require(fatalReason { _ = try TableReader(path: two, table: .roster) })
        #expect(both.reason.contains("坊") && both.reason.contains("角色"))
    }

    @Test func duplicatedRequiredHeaderIsFatal() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("courses.csv", "身份证号,课程名称,模块,学时,完成时间,身份证号\nA,b,c,1,t,B\n")
        let error = try #require(fatalReason { _ = try TableReader(path: path, table: .courses) })
        #expect(error.reason.contains("duplicate") && error.reason.contains("身份证号"))
    }

    @Test func emptyFilesAreFatal() throws {
        let folder = try TemporaryFolder()
        for (name, text) in [("a.csv", ""), ("b.csv", "\n\n \n"), ("c.csv", "\u{FEFF}")] {
            let path = try folder.write(name, text)
            let error = try #require(fatalReason { _ = try TableReader(path: path, table: .homework) })
            #expect(error.reason.contains("no header"), "\(name)")
        }
        let missing = try #require(fatalReason {
            _ = try TableReader(path: folder.url.appendingPathComponent("none.csv").path, table: .homework)
        })
        #expect(missing.file == "none.csv" && missing.reason.contains("unreadable"))
    }

    @Test func titleRowBeforeTheHeaderIsSkipped() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("courses.csv", "课程学习记录（导出）,,,\n\(Self.coursesHeader)\nA,b,c,1,t\n")
        let reader = try TableReader(path: path, table: .courses)
        #expect(reader.headerLine == 2)
        #expect(try readAll(path, .courses).map(\.line) == [3])
    }

    @Test func unterminatedQuoteIsFatalWithTheRecordLine() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("courses.csv", "\(Self.coursesHeader)\nA,b,c,1,t\nB,\"open,c,1,t\nC,b,c,1,t\n")
        let reader = try TableReader(path: path, table: .courses)
        let error = try #require(fatalReason { try reader.read { _ in } })
        #expect(error.line == 3)
        #expect(error.reason.contains("never closed"))
    }

    @Test func trailingCommaAtTheEndOfTheFile() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("courses.csv", "\(Self.coursesHeader)\nA,b,c,1,")
        let rows = try readAll(path, .courses)
        #expect(rows[0].cells == ["A", "b", "c", "1", ""])
        #expect(rows[0].fieldCount == 5)
    }

    @Test func errorsFromTheBodyPropagateAndReadingRepeats() throws {
        struct Stop: Error {}
        let folder = try TemporaryFolder()
        let path = try folder.write("courses.csv", "\(Self.coursesHeader)\nA,b,c,1,t\nB,b,c,1,t\n")
        let reader = try TableReader(path: path, table: .courses)
        var seen = 0
        #expect(throws: Stop.self) { try reader.read { _ in seen += 1; throw Stop() } }
        #expect(seen == 1)
        #expect(try reader.read { _ in } == 2)
        #expect(try reader.read { _ in } == 2)
    }

    /// Line breaks in a cell: LF, CR, and CRLF counted once.
    static func lineBreaks(_ cell: String) -> Int {
        let scalars = Array(cell.unicodeScalars)
        var count = 0
        for (i, scalar) in scalars.enumerated() {
            if scalar == "\n" || (scalar == "\r" && (i + 1 == scalars.count || scalars[i + 1] != "\n")) { count += 1 }
        }
        return count
    }

    /// Random tables serialised with quoting, parsed with tiny chunks: every field and line survives.
    @Test(arguments: [1, 2, 3, 4, 5])
    func randomTablesRoundTripWithSmallChunks(seed: UInt64) throws {
        var random = SeededGenerator(state: seed)
        let alphabet: [String] = ["a", "Z", "1", " ", ",", "\"", "\n", "\r\n", "\r", "中", "𠮷", "\u{3000}", "x"]
        var text = ""
        var expected: [(line: Int, cells: [String])] = []
        var line = 1
        for _ in 0..<200 {
            let width = Int.random(in: 1...6, using: &random)
            var cells: [String] = []
            var encoded: [String] = []
            for _ in 0..<width {
                let length = Int.random(in: 0...8, using: &random)
                let cell = (0..<length).map { _ in alphabet.randomElement(using: &random)! }.joined()
                cells.append(cell)
                let needsQuotes = cell.unicodeScalars.contains(where: { ",\"\r\n".unicodeScalars.contains($0) })
                    || cell.hasPrefix(" ") || (width == 1 && cell.isEmpty)  // a bare empty line after CR would read as CRLF
                    || Bool.random(using: &random)
                encoded.append(needsQuotes ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell)
            }
            let ending = ["\n", "\r\n", "\r"].randomElement(using: &random)!
            text += encoded.joined(separator: ",") + ending
            expected.append((line, cells))
            line += 1 + cells.map(Self.lineBreaks).reduce(0, +)
        }
        let folder = try TemporaryFolder()
        let path = try folder.write("random.csv", text)
        for chunkSize in [64, 77, 128, 4096] {
            let rows = try parseCSV(path, encoding: .utf8(skip: 0), chunkSize: chunkSize)
            #expect(rows.map(\.line) == expected.map(\.line), "chunk \(chunkSize)")
            #expect(rows.map(\.cells) == expected.map(\.cells), "chunk \(chunkSize)")
        }
    }
}
