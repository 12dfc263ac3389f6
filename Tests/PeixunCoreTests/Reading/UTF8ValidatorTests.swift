import Foundation
import PropertyBased
import Testing
@testable import PeixunCore

/// The 16-byte block check of UTF-8 must give exactly the byte-by-byte verdict: the same valid
/// prefix and the same "invalid or merely cut off", whatever the text and wherever it ends.
@Suite struct UTF8ValidatorTests {
    /// Pieces text is made of: valid sequences of every length, and the ways UTF-8 goes wrong.
    static let pieces: [[UInt8]] = [
        Array("a".utf8), Array("0123456789abcdef".utf8), Array(",2021-09-14 15:16:24\n".utf8),
        Array("课程思政的理念与实践".utf8), Array("é".utf8), Array("𠀀".utf8), Array("\u{FFFD}".utf8),
        [0xED, 0x9F, 0xBF], [0xEF, 0xBF, 0xBF], [0xF4, 0x8F, 0xBF, 0xBF], [0xE0, 0xA0, 0x80],  // edges that are valid
        [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x9F, 0x80], [0xED, 0xA0, 0x80],  // stray, overlong, surrogate
        [0xF0, 0x8F, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5], [0xFF],                  // overlong, past U+10FFFF
        [0xE4, 0xB8], [0xF0, 0x9F], [0xC3],                                                  // cut-off sequences
    ]

    static func verdicts(_ bytes: [UInt8]) -> (blocks: (Int, Bool), bytes: (Int, Bool)) {
        bytes.withUnsafeBufferPointer { b in
            let p = b.baseAddress ?? UnsafePointer(bitPattern: 1)!
            let fast = UTF8Validator.validPrefix(p, count: b.count)
            let slow = UTF8Validator.validPrefix(p, count: b.count, blocks: false)
            return ((fast.length, fast.invalid), (slow.length, slow.invalid))
        }
    }

    @Test func blocksAgreeWithTheByteByByteCheck() async {
        await propertyCheck(count: 3000, input: Gen.int(in: 0...(Self.pieces.count - 1)).array(of: 0...60),
                            Gen.int(in: 0...20)) { picks, validRun in
            // Mostly valid text (long valid runs reach the block check), with the picked pieces in it.
            var text: [UInt8] = []
            for (k, pick) in picks.enumerated() {
                if k % 3 == 0 { for _ in 0..<validRun { text += Array("专业能力".utf8) } }
                text += Self.pieces[pick]
            }
            let v = Self.verdicts(text)
            #expect(v.blocks == v.bytes, "\(text)")
            // And the verdict on the whole text is Swift's own.
            if v.bytes == (text.count, false) {
                #expect(String(validating: text, as: UTF8.self) != nil)
            } else {
                #expect(String(validating: text, as: UTF8.self) == nil)
            }
        }
    }

    @Test func everyCutOfAValidTextIsFoundWhereItIs() {
        let text = Array(String(repeating: "411081198002105343,课程思政的理念与实践,专业理念与师德,1.5,2021-09-14 𠀀é\n", count: 3).utf8)
        for end in 0...text.count {
            let v = Self.verdicts(Array(text[..<end]))
            #expect(v.blocks == v.bytes, "cut at \(end)")
            #expect(v.blocks.1 == false, "a cut is not invalid (\(end))")
        }
        // A sequence cut just where the block check stops, before text that is not its continuation
        // (found by the property test above): 2 + 32 valid bytes, then E4 B8 and an ASCII byte.
        let cut = Array("ab".utf8) + Array("课程思政的理念与实践".utf8).prefix(30) + [0xEF, 0xBF, 0xBD, 0xE4, 0xB8, 0x61]
        #expect(Self.verdicts(cut).blocks == Self.verdicts(cut).bytes)
        #expect(Self.verdicts(cut).blocks == (cut.count - 3, true))
        var broken = text
        broken[100] = 0xFF
        #expect(Self.verdicts(broken).blocks == (100, true))
    }
}
