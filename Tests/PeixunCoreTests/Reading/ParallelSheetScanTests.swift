import Foundation
import Testing
@testable import PeixunCore

/// A sheet read on several threads (`ParallelSheetScan`) gives the rows, row numbers and errors
/// of the same sheet read in sequence, in the same order; segments are made tiny here so that a
/// small sheet has hundreds of them.
@Suite("Reading a large xlsx sheet on several threads")
struct ParallelSheetScanTests {
    struct Row: Equatable {
        var line: Int
        var cells: [String]
        var numeric: [Bool]
    }

    struct Outcome {
        var rows: [Row] = []
        var error: FatalError?
        var scannedAhead = 0
    }

    let folder: TemporaryFolder
    let path: String

    init() throws {
        folder = try TemporaryFolder()
        path = folder.url.appendingPathComponent("courses.xlsx").path
    }

    /// Every row of the sheet, read in parallel (segments of `segmentBytes`) or in sequence.
    /// `waitsForScans`: the reader waits for the helpers' scans, so that they are used whatever the load.
    private func read(parallel segmentBytes: Int?, helpers: Int = 2, waitsForScans: Bool = false,
                      stopAfter: Int = .max) throws -> Outcome {
        let source = try XLSXRowSource(path: path, fileName: "courses.xlsx")
        source.parallelMinimumBytes = 0
        source.parallel = segmentBytes.map { ParallelSheetScan.Settings(helpers: helpers, segmentBytes: $0, capacity: 4,
                                                                              waitsForScans: waitsForScans) }
        var outcome = Outcome()
        do {
            try source.forEachRow { row in
                let cells = (0..<row.count).map { String(decoding: row.fields[$0], as: UTF8.self) }
                let numeric = (0..<row.count).map { row.numeric?[$0] ?? false }
                outcome.rows.append(Row(line: row.line, cells: cells, numeric: numeric))
                return outcome.rows.count < stopAfter
            }
        } catch let error as FatalError {
            outcome.error = error
        }
        outcome.scannedAhead = source.segmentsScannedAhead
        return outcome
    }

    private func write(sheet rows: String, sharedStrings: String? = nil) throws {
        var zip = TestZip.workbook()
        if let sharedStrings { zip.stored("xl/sharedStrings.xml", sharedStrings) }
        zip.stored("xl/worksheets/sheet1.xml", "<worksheet><sheetData>" + rows + "</sheetData></worksheet>")
        try zip.write(to: path)
    }

    /// Row `k`: an inline string, a shared string, a number written with a trailing zero, a
    /// boolean; every 7th row has no `r` (it counts on), every 10th a comment holding `</row>`
    /// after it, every 13th a CDATA section holding `</row>` in its first cell.
    private func row(_ k: Int) -> String {
        let number = k % 7 == 0 ? "<row>" : "<row r=\"\(k)\">"
        let first = k % 13 == 0 ? "<c t=\"inlineStr\"><is><t><![CDATA[a</row>\(k)]]></t></is></c>"
            : "<c t=\"inlineStr\"><is><t>ID\(k)&amp;</t></is></c>"
        let comment = k % 10 == 0 ? "<!-- </row> <row r=\"9\"> -->" : ""
        return number + first + "<c t=\"s\"><v>\(k % 3)</v></c><c r=\"D\(k)\"><v>\(k).50</v></c>"
            + "<c t=\"b\"><v>\(k % 2)</v></c></row>" + comment
    }

    private func expected(_ k: Int) -> Row {
        let first = k % 13 == 0 ? "a</row>\(k)" : "ID\(k)&"
        let shared = ["甲", "乙", "丙"][k % 3]
        return Row(line: k, cells: [first, shared, "", "\(k).5", k % 2 == 1 ? "TRUE" : "FALSE"],
                   numeric: [false, false, false, true, false])
    }

    private let strings = "<sst><si><t>甲</t></si><si><t>乙</t></si><si><r><t>丙</t></r></si></sst>"

    @Test func theRowsAreThoseOfTheSequentialScanInOrder() throws {
        try write(sheet: (1...400).map(row).joined(), sharedStrings: strings)
        let serial = try read(parallel: nil)
        #expect(serial.error == nil)
        #expect(serial.rows == (1...400).map(expected))
        for segmentBytes in [40, 97, 333, 4096] {
            let parallel = try read(parallel: segmentBytes)
            #expect(parallel.error == nil)
            #expect(parallel.rows == serial.rows, "segments of \(segmentBytes) bytes")
            // Most segments start after a real </row>: their scans ahead of time are used (the
            // reader waits for them here; on a loaded machine it may otherwise always be first).
            let waited = try read(parallel: segmentBytes, waitsForScans: true)
            #expect(waited.error == nil)
            #expect(waited.rows == serial.rows, "segments of \(segmentBytes) bytes, scans awaited")
            #expect(waited.scannedAhead > 0, "segments of \(segmentBytes) bytes")
        }
        // With no helper thread the reading thread scans every segment itself.
        let alone = try read(parallel: 97, helpers: 0)
        #expect(alone.rows == serial.rows)
        #expect(alone.scannedAhead == 0)
    }

    @Test func anErrorInTheMiddleComesAfterTheSameRowsWithTheSameRow() throws {
        // Row 250 has a cell beyond column XFD; the rows before it are delivered first.
        let rows = (1...400).map { $0 == 250 ? #"<row r="250"><c r="XFE250"><v>1</v></c></row>"# : row($0) }
        try write(sheet: rows.joined(), sharedStrings: strings)
        let serial = try read(parallel: nil)
        #expect(serial.rows == (1...249).map(expected))
        #expect(serial.error?.line == 250)
        #expect(serial.error?.reason == "refused xlsx: xl/worksheets/sheet1.xml has a cell XFE250 beyond column XFD, Excel's last")
        for segmentBytes in [40, 97, 4096] {
            let parallel = try read(parallel: segmentBytes)
            #expect(parallel.rows == serial.rows, "segments of \(segmentBytes) bytes")
            #expect(parallel.error == serial.error, "segments of \(segmentBytes) bytes")
        }
    }

    @Test func anErrorInARowThatCountsOnHasTheCountedRow() throws {
        // Rows 1–300 have no numbers at all; row 201 refers to a shared string that is missing.
        let rows = (1...300).map { k in
            "<row><c t=\"inlineStr\"><is><t>x\(k)</t></is></c><c t=\"s\"><v>\(k == 201 ? 9 : 0)</v></c></row>"
        }
        try write(sheet: rows.joined(), sharedStrings: strings)
        let serial = try read(parallel: nil)
        #expect(serial.rows.map(\.line) == Array(1...200))
        #expect(serial.rows.last?.cells == ["x200", "甲"])
        #expect(serial.error?.line == 201)
        #expect(serial.error?.reason == "unreadable xlsx: shared string 9 does not exist")
        let parallel = try read(parallel: 60)
        #expect(parallel.rows == serial.rows)
        #expect(parallel.error == serial.error)
    }

    @Test func aSheetWithPrefixedElementsIsCutAtItsRowEnds() throws {
        var zip = TestZip.workbook()
        let rows = (1...200).map { k in "<x:row r=\"\(k + 1)\"><x:c><x:v>\(k)</x:v></x:c></x:row>" }
        zip.stored("xl/worksheets/sheet1.xml",
                   "<x:worksheet xmlns:x=\"m\"><x:sheetData>" + rows.joined() + "</x:sheetData></x:worksheet>")
        try zip.write(to: path)
        let parallel = try read(parallel: 50, waitsForScans: true)
        #expect(parallel.error == nil)
        #expect(parallel.rows == (1...200).map { Row(line: $0 + 1, cells: ["\($0)"], numeric: [true]) })
        #expect(parallel.scannedAhead > 0)
    }

    @Test func stoppingEarlyEndsEveryThread() throws {
        try write(sheet: (1...400).map(row).joined(), sharedStrings: strings)
        let parallel = try read(parallel: 40, stopAfter: 3)
        #expect(parallel.error == nil)
        #expect(parallel.rows == (1...3).map(expected))
    }

    @Test func aSheetEndingEarlyIsStillRefused() throws {
        var zip = TestZip.workbook()
        zip.stored("xl/sharedStrings.xml", strings)
        zip.stored("xl/worksheets/sheet1.xml", "<worksheet><sheetData>" + (1...100).map(row).joined())
        try zip.write(to: path)
        let serial = try read(parallel: nil)
        let parallel = try read(parallel: 64)
        #expect(serial.error?.reason == "unreadable xlsx: xl/worksheets/sheet1.xml ends before its last element closes")
        #expect(serial.error?.line == 100)
        #expect(parallel.error == serial.error)
        #expect(parallel.rows == serial.rows)
        #expect(parallel.rows.count == 100)
    }

    @Test func segmentsEndAfterTheLastRowEndInReach() {
        func cut(_ text: String, _ target: Int) -> [(String, Bool)] {
            var segmenter = SheetSegmenter(targetBytes: target)
            var out: [(String, Bool)] = []
            Array(text.utf8).withUnsafeBytes { segmenter.add($0) { out.append((String(decoding: $0.bytes, as: UTF8.self), $0.afterRowEnd)) } }
            segmenter.finish { out.append((String(decoding: $0.bytes, as: UTF8.self), $0.afterRowEnd)) }
            return out
        }
        let text = "<a><row>1</row><row>22</row><rows>3</rows>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
        let segments = cut(text, 30)
        #expect(segments.map(\.0) == ["<a><row>1</row><row>22</row>", "<rows>3</rows>xxxxxxxxxxxxxxxx", "xxxxxxxxxxxxxxxx"])
        #expect(segments.map(\.1) == [false, true, false])
        #expect(cut("<p:row>1</p:row>", 16).map(\.0) == ["<p:row>1</p:row>"])
        #expect(Array("</p:row>z".utf8).withUnsafeBufferPointer { SheetSegmenter.lastRowEnd(in: $0) } == 8)
        #expect(Array("<row/><rows/>".utf8).withUnsafeBufferPointer { SheetSegmenter.lastRowEnd(in: $0) } == nil)
    }
}
