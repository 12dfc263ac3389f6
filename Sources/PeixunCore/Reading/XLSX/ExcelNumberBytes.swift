import Foundation

/// `ExcelNumber` on the bytes of a cell, without building Strings on the common paths.
extension ExcelNumber {
    /// Appends the shortest decimal text of the number written as `text` (already trimmed);
    /// false, appending nothing, if it is not a finite number.
    static func appendShortestDecimal(_ text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) -> Bool {
        if appendPlainDecimal(text, to: &out) { return true }
        // Not plain or more than 15 significant digits: through a Double.
        guard text.count > 0, text.count < 64 else { return false }
        let value: Double? = exactDouble(text) ?? withUnsafeTemporaryAllocation(of: CChar.self, capacity: text.count + 1) { buffer in
            guard let base = buffer.baseAddress else { return nil }
            for index in 0..<text.count { base[index] = CChar(bitPattern: text[index]) }
            base[text.count] = 0
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(base, &end)
            guard let end, end - base == text.count else { return nil }
            return value
        }
        guard let value, value.isFinite else { return false }
        if value == 0 {
            out.append(UInt8(ascii: "0"))
            return true
        }
        var shortest = value.description
        let plain: Bool = shortest.withUTF8 { digits in
            guard !digits.contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else { return false }
            var count = digits.count
            if count >= 2, digits[count - 1] == UInt8(ascii: "0"), digits[count - 2] == UInt8(ascii: ".") { count -= 2 }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[0..<count]))
            return true
        }
        if plain { return true }
        guard let expanded = shortestDecimal(String(decoding: text, as: UTF8.self)) else { return false }
        out.append(contentsOf: expanded.utf8)
        return true
    }

    /// A plain decimal whose digits fit in 53 bits, divided by an exact power of ten: one
    /// correctly rounded division, the same Double that parsing gives (Clinger's fast path).
    private static func exactDouble(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        var mantissa: UInt64 = 0
        var digits = 0
        var fraction = -1
        var at = 0
        let negative = text[0] == UInt8(ascii: "-")
        if negative { at = 1 }
        while at < text.count {
            let byte = text[at]
            if byte == UInt8(ascii: "."), fraction < 0 {
                fraction = 0
            } else if byte &- UInt8(ascii: "0") < 10 {
                guard digits < 19 else { return nil }
                mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0"))
                digits += 1
                if fraction >= 0 { fraction += 1 }
            } else {
                return nil
            }
            at += 1
        }
        guard digits > 0, mantissa <= 1 << 53, fraction <= 22 else { return nil }
        let value = Double(mantissa) / powersOfTen[max(fraction, 0)]
        return negative ? -value : value
    }

    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// `-?digits(.digits)?` with at most 15 significant digits is its own shortest form once
    /// leading and trailing zeros go: every such decimal is a distinct Double.
    private static func appendPlainDecimal(_ text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) -> Bool {
        let n = text.count
        var at = 0
        let negative = n > 0 && text[0] == UInt8(ascii: "-")
        if negative { at = 1 }
        let integerStart = at
        while at < n, text[at] &- UInt8(ascii: "0") < 10 { at += 1 }
        let integerEnd = at
        var fractionEnd = at
        if at < n {
            guard text[at] == UInt8(ascii: "."), at > integerStart else { return false }
            at += 1
            while at < n, text[at] &- UInt8(ascii: "0") < 10 { at += 1 }
            guard at == n, at > integerEnd + 1 else { return false }
            fractionEnd = at
        }
        guard integerEnd > integerStart else { return false }
        var integerFrom = integerStart
        while integerFrom < integerEnd, text[integerFrom] == UInt8(ascii: "0") { integerFrom += 1 }
        let fractionStart = min(integerEnd + 1, fractionEnd)
        var fractionTo = fractionEnd
        while fractionTo > fractionStart, text[fractionTo - 1] == UInt8(ascii: "0") { fractionTo -= 1 }
        var significant = integerEnd - integerFrom + fractionTo - fractionStart
        if integerFrom == integerEnd {
            var first = fractionStart
            while first < fractionTo, text[first] == UInt8(ascii: "0") { first += 1 }
            significant = fractionTo - first
        }
        if significant == 0 {
            out.append(UInt8(ascii: "0"))
            return true
        }
        guard significant <= 15 else { return false }
        if negative { out.append(UInt8(ascii: "-")) }
        if integerFrom == integerEnd {
            out.append(UInt8(ascii: "0"))
        } else {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[integerFrom..<integerEnd]))
        }
        if fractionTo > fractionStart {
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[fractionStart..<fractionTo]))
        }
        return true
    }

    /// Decodes the OOXML escapes `_xHHHH_` in `bytes[from...]`, in place.
    static func unescapeOOXML(in bytes: inout [UInt8], from: Int) {
        var read = from
        let n = bytes.count
        // Most text has no escape: find the first one before rewriting anything.
        guard n - from >= 7 else { return }
        let found: Int? = bytes.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return nil }
            var at = from
            while at + 6 < n, let hit = memchr(base + at, Int32(UInt8(ascii: "_")), n - 6 - at) {
                let index = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
                if all[index + 1] == UInt8(ascii: "x") { return index }
                at = index + 1
            }
            return nil
        }
        guard let first = found else { return }
        read = first
        var decoded: [UInt8] = Array(bytes[from..<read])
        while read < n {
            if bytes[read] == UInt8(ascii: "_"), read + 6 < n, bytes[read + 1] == UInt8(ascii: "x"),
               bytes[read + 6] == UInt8(ascii: "_"), let code = hexValue(bytes[(read + 2)..<(read + 6)]),
               let scalar = Unicode.Scalar(code) {
                decoded.append(contentsOf: String(Character(scalar)).utf8)
                read += 7
            } else {
                decoded.append(bytes[read])
                read += 1
            }
        }
        bytes.removeSubrange(from...)
        bytes.append(contentsOf: decoded)
    }

    private static func hexValue(_ digits: ArraySlice<UInt8>) -> UInt32? {
        var value: UInt32 = 0
        for byte in digits {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value * 16 + UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value * 16 + UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = value * 16 + UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }
        return value
    }
}
