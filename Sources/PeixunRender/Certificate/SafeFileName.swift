/// Turns any text (a name, a school) into one safe path component.
public enum SafeFileName {
    /// The longest component produced, in UTF-8 bytes (most file systems allow 255).
    public static let maxBytes = 200

    /// Removes `/`, `\`, NUL and other control characters, `..` runs and
    /// leading dots and spaces; trims trailing dots and spaces; cuts to
    /// `maxBytes` bytes at a character boundary. Never empty (`_`).
    public static func make(_ text: String, maxBytes: Int = SafeFileName.maxBytes) -> String {
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
}
