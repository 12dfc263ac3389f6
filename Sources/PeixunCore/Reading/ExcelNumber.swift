/// Text forms of .xlsx cell values.
enum ExcelNumber {
    /// The shortest decimal text of the number written as `text` (`"44470.500000000007"` →
    /// `"44470.50000000001"`, `"1E-3"` → `"0.001"`, `"15"` → `"15"`); nil if it is not a finite number.
    static func shortestDecimal(_ text: String) -> String? {
        guard let value = Double(text), value.isFinite else { return nil }
        if value == 0 { return "0" }
        var repr = "\(value)"  // shortest round-trip digits, possibly with an exponent
        var negative = false
        if repr.hasPrefix("-") {
            negative = true
            repr.removeFirst()
        }
        var exponent = 0
        if let e = repr.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(repr[repr.index(after: e)...]) ?? 0
            repr = String(repr[..<e])
        }
        let parts = repr.split(separator: ".", omittingEmptySubsequences: false)
        let integerDigits = parts[0]
        let fractionDigits = parts.count > 1 ? parts[1] : ""
        let digits = Array(integerDigits + fractionDigits)
        let point = integerDigits.count + exponent
        var integerPart: String
        var fractionPart: String
        if point <= 0 {
            integerPart = "0"
            fractionPart = String(repeating: "0", count: -point) + String(digits)
        } else if point >= digits.count {
            integerPart = String(digits) + String(repeating: "0", count: point - digits.count)
            fractionPart = ""
        } else {
            integerPart = String(digits[..<point])
            fractionPart = String(digits[point...])
        }
        while integerPart.count > 1, integerPart.first == "0" { integerPart.removeFirst() }
        while fractionPart.last == "0" { fractionPart.removeLast() }
        let body = fractionPart.isEmpty ? integerPart : integerPart + "." + fractionPart
        return negative ? "-" + body : body
    }

    /// Decodes the OOXML escapes `_xHHHH_` (e.g. `_x000D_` for a carriage return).
    static func unescapeOOXML(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "_", i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_",
               let code = UInt32(String(String.UnicodeScalarView(scalars[(i + 2)..<(i + 6)])), radix: 16),
               let scalar = Unicode.Scalar(code) {
                result.append(scalar)
                i += 7
                continue
            }
            result.append(scalars[i])
            i += 1
        }
        scalars.removeAll()
        return String(result)
    }

    /// The 0-based column of a cell reference such as `"AB12"`, nil if it has no letters.
    static func columnIndex(ofReference reference: String) -> Int? {
        var index = 0
        var letters = 0
        for byte in reference.utf8 {
            let upper = byte & ~0x20
            guard upper >= 0x41, upper <= 0x5A else { break }
            index = index * 26 + Int(upper - 0x41) + 1
            letters += 1
        }
        return letters == 0 ? nil : index - 1
    }

    /// The row number of a cell or row reference such as `"AB12"` or `"12"`.
    static func rowNumber(ofReference reference: String) -> Int? {
        let digits = reference.drop { !$0.isASCII || !$0.isNumber }
        return Int(digits)
    }
}
