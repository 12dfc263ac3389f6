/// Strict UTF-8 validation over a chunk (no overlong forms, no surrogates, at most U+10FFFF).
enum UTF8Validator {
    /// The length of the longest prefix made of whole valid sequences; `invalid` is true when
    /// the bytes after it are not the start of a valid sequence (false when they are merely cut off).
    static func validPrefix(_ p: UnsafePointer<UInt8>, count n: Int) -> (length: Int, invalid: Bool) {
        var i = 0
        while i < n {
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
