/// 身份证号 — GB 11643-1999 resident ID numbers.
public enum IDNumber {
    static let weights: [Int] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters: [UInt8] = Array("10X98765432".utf8)

    /// The normalised ID (lower-case x upper-cased) if `text` is a valid
    /// 18-character ID: 17 digits, a real birth date, and the MOD 11-2 check
    /// character. nil otherwise.
    public static func normalize(_ text: String) -> String? {
        normalize(utf8: Array(text.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Byte-level validation for the hot path.
    public static func normalize<C: Collection>(utf8 bytes: C) -> [UInt8]? where C.Element == UInt8 {
        guard bytes.count == 18 else { return nil }
        var out = [UInt8](repeating: 0, count: 18)
        var sum = 0
        var i = 0
        for b in bytes {
            if i < 17 {
                guard b >= 48 && b <= 57 else { return nil }
                sum += Int(b - 48) * weights[i]
                out[i] = b
            } else {
                let c = b == UInt8(ascii: "x") ? UInt8(ascii: "X") : b
                guard c == checkCharacters[sum % 11] else { return nil }
                out[i] = c
            }
            i += 1
        }
        func d(_ k: Int) -> Int { Int(out[k] - 48) }
        let year = d(6) * 1000 + d(7) * 100 + d(8) * 10 + d(9)
        let month = d(10) * 10 + d(11)
        let day = d(12) * 10 + d(13)
        guard CivilDate(year: year, month: month, day: day) != nil else { return nil }
        return out
    }

    /// The check character for 17 digits (used by the sample generator).
    public static func checkCharacter(for first17: [UInt8]) -> UInt8 {
        var sum = 0
        for (i, b) in first17.prefix(17).enumerated() { sum += Int(b - 48) * weights[i] }
        return checkCharacters[sum % 11]
    }

    /// `410102********123X`: the first six and last four characters kept.
    public static func mask(_ id: String) -> String {
        // An ID is ASCII (digits and X): then every byte is a character, and the mask is made
        // from the bytes. Splitting into `Character`s (grapheme clusters) cost about a
        // microsecond an ID, paid for every certificate and standing of a million people.
        if let masked = id.utf8.withContiguousStorageIfAvailable(asciiMask), let masked { return masked }
        let chars = Array(id)
        guard chars.count > 10 else { return String(repeating: "*", count: chars.count) }
        return String(chars.prefix(6)) + String(repeating: "*", count: chars.count - 10) + String(chars.suffix(4))
    }

    /// `mask` of ASCII text longer than ten bytes without a carriage return (so each byte is one
    /// character: `\r\n` is a single one); nil for anything else.
    static func asciiMask(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let n = bytes.count
        guard n > 10, !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
        return String(unsafeUninitializedCapacity: n) { out in
            for i in 0..<n { out[i] = i < 6 || i >= n - 4 ? bytes[i] : UInt8(ascii: "*") }
            return n
        }
    }
}

extension IDNumber {
    /// The hot-path form of `normalize`: validates and returns the first 17
    /// digits as an integer, which identifies the person (the check character
    /// is a function of them). nil if the ID is invalid.
    @inline(__always)
    public static func key(utf8 bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard bytes.count == 18 else { return nil }
        var sum = 0
        var value: UInt64 = 0
        for i in 0..<17 {
            let b = bytes[i]
            guard b >= 48 && b <= 57 else { return nil }
            let d = Int(b &- 48)
            sum &+= d &* weights[i]
            value = value &* 10 &+ UInt64(d)
        }
        var c = bytes[17]
        if c == UInt8(ascii: "x") { c = UInt8(ascii: "X") }
        guard c == checkCharacters[sum % 11] else { return nil }
        let date = (value / 1_000) % 100_000_000  // digits 7–14: YYYYMMDD
        let year = Int(date / 10_000), month = Int(date / 100 % 100), day = Int(date % 100)
        guard month >= 1, month <= 12, day >= 1, year >= 1,
              day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        return value
    }
}

extension IDNumber {
    /// The normalised ID text of a key (`key(utf8:)`): its 17 digits and their check character.
    static func text(key: UInt64) -> String {
        var digits = [UInt8](repeating: 48, count: 17)
        var v = key
        for i in stride(from: 16, through: 0, by: -1) {
            digits[i] = UInt8(48 + v % 10)
            v /= 10
        }
        return String(decoding: digits + [checkCharacter(for: digits)], as: UTF8.self)
    }
}
