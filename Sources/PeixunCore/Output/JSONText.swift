/// JSON text built in a plain byte array: a million trainees in results.json go through no
/// `String` per value and no class buffer (whose every append is checked for exclusive access).
struct JSONText {
    var bytes: [UInt8] = []

    /// Bytes already in JSON form (punctuation, keys prepared once per scheme).
    @inline(__always) mutating func raw(_ text: [UInt8]) { bytes.append(contentsOf: text) }

    @inline(__always) mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    @inline(__always) mutating func byte(_ b: UInt8) { bytes.append(b) }

    /// A JSON string literal; escaped by `ResultsJSON.quote` when anything needs it.
    mutating func string(_ s: String) {
        var s = s
        let plain = s.withUTF8 { u -> Bool in
            for b in u where ResultsJSON.mayNeedEscape(b) { return false }
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: u)
            bytes.append(UInt8(ascii: "\""))
            return true
        }
        if !plain {
            var quoted = ResultsJSON.quote(s)
            quoted.withUTF8 { bytes.append(contentsOf: $0) }
        }
    }

    /// `scaled` with `places` decimals, the text of `FixedDecimal.format(_:places:)` (`933, 2` → `9.33`).
    mutating func fixed(_ scaled: Int64, places: Int) {
        FixedDecimal.withDigits(scaled, places: places) { bytes.append(contentsOf: $0) }
    }

    /// A whole number.
    @inline(__always) mutating func integer(_ value: Int) { fixed(Int64(value), places: 0) }
}
