/// An exact non-negative-denominator rational number, used for every rule
/// threshold and rate. Arithmetic is done in `Int128` so no product in the
/// rules can overflow; results are reduced.
public struct Fraction: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let numerator: Int128
    public let denominator: Int128

    public init(_ numerator: Int128, _ denominator: Int128 = 1) {
        precondition(denominator != 0, "Fraction with zero denominator")
        var n = numerator, d = denominator
        if d < 0 { n = -n; d = -d }
        let g = Fraction.gcd(n.magnitude, d.magnitude)
        self.numerator = g > 1 ? n / Int128(g) : n
        self.denominator = g > 1 ? d / Int128(g) : d
    }

    public init(_ value: Int) { self.init(Int128(value), 1) }

    public static let zero = Fraction(0)
    public static let one = Fraction(1)

    static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
        var a = a, b = b
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }

    /// Parses an exact decimal such as `0.95`, `15`, `1.5`, `-2` or `10%`.
    public init?(decimal text: Substring) {
        var s = text
        var scale: Int128 = 1
        if s.hasSuffix("%") { s = s.dropLast(); scale = 100 }
        var negative = false
        if s.hasPrefix("-") { negative = true; s = s.dropFirst() } else if s.hasPrefix("+") { s = s.dropFirst() }
        guard !s.isEmpty else { return nil }
        var num: Int128 = 0
        var den: Int128 = 1
        var seenDot = false
        var digits = 0
        for ch in s.utf8 {
            if ch == UInt8(ascii: ".") {
                if seenDot { return nil }
                seenDot = true
                continue
            }
            guard ch >= 48 && ch <= 57 else { return nil }
            digits += 1
            if digits > 30 { return nil }
            num = num * 10 + Int128(ch - 48)
            if seenDot { den *= 10 }
        }
        guard digits > 0 else { return nil }
        self.init(negative ? -num : num, den * scale)
    }

    public init?(decimal text: String) { self.init(decimal: Substring(text)) }

    public static func + (a: Fraction, b: Fraction) -> Fraction {
        Fraction(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }
    public static func - (a: Fraction, b: Fraction) -> Fraction {
        Fraction(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator)
    }
    public static func * (a: Fraction, b: Fraction) -> Fraction {
        Fraction(a.numerator * b.numerator, a.denominator * b.denominator)
    }
    public static func / (a: Fraction, b: Fraction) -> Fraction {
        Fraction(a.numerator * b.denominator, a.denominator * b.numerator)
    }
    public static func < (a: Fraction, b: Fraction) -> Bool {
        a.numerator * b.denominator < b.numerator * a.denominator
    }

    /// Rounds half away from zero to `places` decimals, returning the scaled
    /// integer (e.g. 9.333… with 2 places → 933).
    public func roundedScaled(places: Int) -> Int128 {
        var p: Int128 = 1
        for _ in 0..<places { p *= 10 }
        let n = numerator * p
        let mag = (2 * n.magnitude + UInt128(denominator)) / (2 * UInt128(denominator))
        return n < 0 ? -Int128(mag) : Int128(mag)
    }

    /// The value rounded half-up to `places` decimals, as plain decimal text
    /// with exactly `places` digits after the point (`"9.33"`).
    public func decimalString(places: Int) -> String {
        FixedDecimal.format(roundedScaled(places: places), places: places)
    }

    public var description: String {
        denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)"
    }
}

/// Formatting of scaled integers as decimal text.
public enum FixedDecimal {
    /// `format(933, places: 2)` → `"9.33"`; `format(-5, places: 2)` → `"-0.05"`.
    public static func format(_ scaled: Int128, places: Int) -> String {
        let neg = scaled < 0
        var digits = String(scaled.magnitude)
        if places > 0 {
            if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
        }
        return neg ? "-" + digits : digits
    }

    /// The fast path of `format` for values that fit in 64 bits (points, hours):
    /// no `Int128` division, no intermediate strings.
    public static func format(_ scaled: Int64, places: Int) -> String {
        withDigits(scaled, places: places) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 text of `format(scaled, places:)`, built on the stack.
    @inline(__always)
    static func withDigits<R>(_ scaled: Int64, places: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buf in
            var v = scaled.magnitude
            var i = 48
            var digits = 0
            repeat {
                if digits == places && places > 0 { i -= 1; buf[i] = UInt8(ascii: ".") }
                i -= 1
                buf[i] = UInt8(48 + v % 10)
                v /= 10
                digits += 1
            } while v > 0 || digits <= places
            if scaled < 0 { i -= 1; buf[i] = UInt8(ascii: "-") }
            return body(UnsafeBufferPointer(rebasing: buf[i..<48]))
        }
    }

    /// Like `format` but without trailing zeros after the point (`"9.3"`, `"15"`).
    public static func formatTrimmed(_ scaled: Int128, places: Int) -> String {
        var s = format(scaled, places: places)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s
    }
}
