/// Strict UTF-8 validation over a chunk (no overlong forms, no surrogates, at most U+10FFFF).
enum UTF8Validator {
    /// The length of the longest prefix made of whole valid sequences; `invalid` is true when
    /// the bytes after it are not the start of a valid sequence (false when they are merely cut off).
    /// `blocks: false` checks byte by byte only (the reference the block check is tested against).
    static func validPrefix(_ p: UnsafePointer<UInt8>, count n: Int, blocks: Bool = true) -> (length: Int, invalid: Bool) {
        var i = 0
        var vectorFrom = blocks ? 3 : Int.max
        while i < n {
            if i >= vectorFrom {
                // Sixteen bytes at a time while they are valid; then byte by byte from the start
                // of the last sequence begun before the block check stopped (it may want bytes
                // the check did not reach).
                let stop = validBlocks(p, from: i, count: n)
                if stop > i {
                    var j = stop - 1
                    while p[j] & 0xC0 == 0x80 { j -= 1 }
                    i = j
                }
                vectorFrom = stop + 16
            }
            i = skipASCIIWords(p, from: i, count: n)
            if i >= n { break }
            let b0 = p[i]
            if b0 < 0x80 { i += 1; continue }
            // The common case in Chinese text: a three-byte sequence E1–EC/EE–EF 80–BF 80–BF.
            if b0 & 0xF0 == 0xE0, b0 != 0xE0, b0 != 0xED, i + 2 < n,
               p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80 {
                i += 3
                continue
            }
            let need: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: need = 2
            case 0xED: need = 2; high = 0x9F
            case 0xF0: need = 3; low = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; high = 0x8F
            default: return (i, true)
            }
            // The first continuation byte has the narrowed range; the rest are 80...BF.
            if i + 1 >= n { return (i, false) }
            let b1 = p[i + 1]
            if b1 < low || b1 > high { return (i, true) }
            var k = 2
            while k <= need {
                if i + k >= n { return (i, false) }
                let b = p[i + k]
                if b < 0x80 || b > 0xBF { return (i, true) }
                k += 1
            }
            i += need + 1
        }
        return (n, false)
    }
}

extension UTF8Validator {
    private typealias Bytes = SIMD16<UInt8>

    /// Checks blocks of 16 bytes starting at `from` (at least 3 bytes into the buffer, all bytes
    /// before it valid UTF-8), each against the three bytes before it: every byte is a
    /// continuation byte exactly when a lead byte before it calls for one, no byte is C0, C1 or
    /// F5–FF, and no lead byte begins an overlong form, a surrogate or a code point past U+10FFFF.
    /// Returns the start of the first block that is not certainly valid (or that does not fit).
    @inline(__always)
    static func validBlocks(_ p: UnsafePointer<UInt8>, from: Int, count n: Int) -> Int {
        let raw = UnsafeRawPointer(p)
        var i = from
        while i + 16 <= n {
            let high = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
            if high & 0x8080_8080_8080_8080 == 0 {
                // ASCII: valid unless a lead byte just before it wants a continuation here.
                if p[i - 3] >= 0xF0 || p[i - 2] >= 0xE0 || p[i - 1] >= 0xC0 { return i }
                i += 16
                continue
            }
            let v0 = raw.loadUnaligned(fromByteOffset: i, as: Bytes.self)
            let v1 = raw.loadUnaligned(fromByteOffset: i - 1, as: Bytes.self)
            let v2 = raw.loadUnaligned(fromByteOffset: i - 2, as: Bytes.self)
            let v3 = raw.loadUnaligned(fromByteOffset: i - 3, as: Bytes.self)
            let continuation = (v0 & Bytes(repeating: 0xC0)) .== Bytes(repeating: 0x80)
            let wanted = (v1 .>= Bytes(repeating: 0xC0)) .| (v2 .>= Bytes(repeating: 0xE0)) .| (v3 .>= Bytes(repeating: 0xF0))
            var bad = continuation .!= wanted
            bad = bad .| (v0 .== Bytes(repeating: 0xC0)) .| (v0 .== Bytes(repeating: 0xC1)) .| (v0 .>= Bytes(repeating: 0xF5))
            bad = bad .| ((v1 .== Bytes(repeating: 0xE0)) .& (v0 .< Bytes(repeating: 0xA0)))
            bad = bad .| ((v1 .== Bytes(repeating: 0xED)) .& (v0 .> Bytes(repeating: 0x9F)))
            bad = bad .| ((v1 .== Bytes(repeating: 0xF0)) .& (v0 .< Bytes(repeating: 0x90)))
            bad = bad .| ((v1 .== Bytes(repeating: 0xF4)) .& (v0 .> Bytes(repeating: 0x8F)))
            // The lanes as two words (`any` on a mask is a call per block, not one instruction).
            let lanes = unsafeBitCast(Bytes(repeating: 0).replacing(with: 0xFF, where: bad), to: (UInt64, UInt64).self)
            if lanes.0 | lanes.1 != 0 { return i }
            i += 16
        }
        return i
    }
}

/// Structural GB18030 validation: one byte 00–7F; two bytes 81–FE 40–7E|80–FE; four bytes
/// 81–84|90–E3 30–39 81–FE 30–39 (the assigned four-byte planes).
enum GB18030Validator {
    static func validPrefix(_ p: UnsafePointer<UInt8>, count n: Int) -> (length: Int, invalid: Bool) {
        var i = 0
        while i < n {
            i = skipASCIIWords(p, from: i, count: n)
            if i >= n { break }
            let b0 = p[i]
            if b0 < 0x80 { i += 1; continue }
            guard b0 >= 0x81, b0 <= 0xFE else { return (i, true) }
            if i + 1 >= n { return (i, false) }
            let b1 = p[i + 1]
            if (0x40...0x7E).contains(b1) || (0x80...0xFE).contains(b1) { i += 2; continue }
            guard (0x30...0x39).contains(b1), b0 <= 0x84 || (0x90...0xE3).contains(b0) else { return (i, true) }
            if i + 2 >= n { return (i, false) }
            guard (0x81...0xFE).contains(p[i + 2]) else { return (i, true) }
            if i + 3 >= n { return (i, false) }
            guard (0x30...0x39).contains(p[i + 3]) else { return (i, true) }
            i += 4
        }
        return (n, false)
    }
}

/// Skips ASCII eight bytes at a time (both encodings agree on ASCII); returns
/// the first position whose word holds a byte ≥ 0x80, or near the end.
@inline(__always)
func skipASCIIWords(_ p: UnsafePointer<UInt8>, from start: Int, count n: Int) -> Int {
    var i = start
    while i + 8 <= n {
        let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
        if word & 0x8080_8080_8080_8080 != 0 { break }
        i += 8
    }
    return i
}
