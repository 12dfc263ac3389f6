import Foundation
import Testing
@testable import PeixunCore

/// A large CSV's UTF-8 check and quote scan run in parts on all cores; cuts that fall inside
/// a character, and faults in any part, must give the verdict of one pass.
@Suite struct ParallelScanTests {
    func file(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("peixun-scan-\(UUID().uuidString).csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func verdicts(_ bytes: [UInt8]) throws -> [UTF8FileScan.Verdict] {
        let path = try file(bytes)
        return try [1, 2, 3, 7, 64].map { try UTF8FileScan.scan(path: path, fileName: "t.csv", size: bytes.count, parts: $0) }
    }

    /// Chinese text (three-byte sequences) and a four-byte 𠮷: cuts at every third of the file
    /// land inside characters.
    let text = Array(String(repeating: "身份证号,姓名𠮷,学员\n", count: 50).utf8)

    @Test func validTextIsValidWhereverTheCutsFall() throws {
        for shift in 0..<4 {  // ASCII in front moves every cut by a byte
            let v = try verdicts(Array(repeating: UInt8(ascii: "a"), count: shift) + text)
            #expect(v.allSatisfy { $0 == .init(valid: true, quoteFree: true) })
        }
    }

    @Test func anInvalidByteInAnyPartMakesTheFileInvalid() throws {
        for at in [0, text.count / 3, text.count / 2 + 1, text.count - 1] {
            var bytes = text
            bytes[at] = 0xFF
            #expect(try verdicts(bytes).allSatisfy { !$0.valid }, "0xFF at \(at)")
        }
    }

    @Test func aCharacterCutOffByTheEndIsInvalid() throws {
        let bytes = Array(text.dropLast(2))  // "学员\n" loses "\n" and the last byte of 员
        #expect(try verdicts(bytes).allSatisfy { !$0.valid })
        // A lone continuation byte right where a cut would fall.
        var lone = text
        lone.insert(0x80, at: text.count / 2)
        #expect(try verdicts(lone).allSatisfy { !$0.valid })
    }

    @Test func aQuoteInTheLastPartIsFound() throws {
        var bytes = text
        bytes[bytes.count - 1] = UInt8(ascii: "\"")  // the last line end
        #expect(try verdicts(bytes).allSatisfy { $0 == .init(valid: true, quoteFree: false) })
    }
}
