/// Turns any text (a name, a school) into one safe path component.
public enum SafeFileName {
    /// The longest component produced, in UTF-8 bytes (most file systems allow 255).
    public static let maxBytes = 200

    /// Removes `/`, `\`, NUL and other control characters, `..` runs and
    /// leading dots and spaces; trims trailing dots and spaces; cuts to
    /// `maxBytes` bytes at a character boundary. Never empty (`_`).
    public static func make(_ text: String, maxBytes: Int = SafeFileName.maxBytes) -> String {
        isSafe(text, maxBytes: maxBytes) ? text : sanitized(text, maxBytes: maxBytes)
    }

    /// `make` in full, for text that is not already safe.
    static func sanitized(_ text: String, maxBytes: Int) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "/", "\\": out.unicodeScalars.append("_")
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: continue
            case _ where scalar.properties.generalCategory == .control
                || scalar.properties.generalCategory == .format && scalar.value != 0x200D: continue
            case "\u{2028}", "\u{2029}": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        while out.contains("..") { out = out.replacingOccurrences(of: "..", with: ".") }
        while let f = out.first, f == "." || f == " " || f == "\u{3000}" { out.removeFirst() }
        while let l = out.last, l == "." || l == " " || l == "\u{3000}" { out.removeLast() }
        if out.utf8.count > maxBytes {
            var cut = ""
            for ch in out {
                if cut.utf8.count + String(ch).utf8.count > maxBytes { break }
                cut.append(ch)
            }
            out = cut
            while let l = out.last, l == "." || l == " " { out.removeLast() }
        }
        return out.isEmpty ? "_" : out
    }

    /// True when `make` would return `text` unchanged — the common case (a
    /// name, a school), checked in one pass without building a new string.
    /// Anything unusual answers false and takes the full path above.
    static func isSafe(_ text: String, maxBytes: Int) -> Bool {
        let bytes = text.utf8.count
        guard bytes > 0, bytes <= maxBytes else { return false }
        var first = true
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if first, v == 0x2E || v == 0x20 || v == 0x3000 { return false }
            first = false
            if v < 0x80 {
                if v < 0x20 || v == 0x7F || v == 0x2F || v == 0x5C { return false }
                if v == 0x2E, previous == "." { return false }
            } else if !(0x4E00...0x9FFF).contains(v), !(0x3400...0x4DBF).contains(v) {
                // Outside the CJK ideographs (all letters), ask for the category.
                if v == 0x2028 || v == 0x2029 { return false }
                let category = scalar.properties.generalCategory
                if category == .control || category == .format && v != 0x200D { return false }
                // A combining mark may join a dot into another character: leave it to the full path.
                if category == .nonspacingMark || category == .enclosingMark || category == .spacingMark { return false }
            }
            previous = scalar
        }
        return previous != "." && previous != " " && previous != "\u{3000}"
    }
}
