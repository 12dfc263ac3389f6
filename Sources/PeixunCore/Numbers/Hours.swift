/// A number of study hours (学时), held exactly as an integer count of
/// nano-hours so that summing thousands of course rows stays exact and fast.
/// Inputs with more than nine decimal places are refused by the parser.
public struct Hours: Sendable, Hashable, Comparable, AdditiveArithmetic, CustomStringConvertible {
    public static let scale: Int64 = 1_000_000_000
    public static let maxFractionDigits = 9

    public var nano: Int64

    public init(nano: Int64) { self.nano = nano }
    public init(whole: Int) { self.nano = Int64(whole) * Hours.scale }

    public static let zero = Hours(nano: 0)
    public static func + (a: Hours, b: Hours) -> Hours { Hours(nano: a.nano + b.nano) }
    public static func - (a: Hours, b: Hours) -> Hours { Hours(nano: a.nano - b.nano) }
    public static func < (a: Hours, b: Hours) -> Bool { a.nano < b.nano }

    public var fraction: Fraction { Fraction(Int128(nano), Int128(Hours.scale)) }

    /// Parses `digits[.digits]` from UTF-8 bytes: no sign, unit or exponent.
    /// Returns nil for anything else, or for more than nine decimals or an
    /// absurd magnitude (≥ 10⁹ hours).
    public static func parse<C: Collection>(utf8 bytes: C) -> Hours? where C.Element == UInt8 {
        var whole: Int64 = 0
        var frac: Int64 = 0
        var fracDigits = 0
        var wholeDigits = 0
        var seenDot = false
        for b in bytes {
            if b == UInt8(ascii: ".") {
                if seenDot { return nil }
                seenDot = true
            } else if b >= 48 && b <= 57 {
                if seenDot {
                    fracDigits += 1
                    if fracDigits > maxFractionDigits {
                        if b == 48 { fracDigits -= 1; continue }  // trailing zeros are harmless
                        return nil
                    }
                    frac = frac * 10 + Int64(b - 48)
                } else {
                    wholeDigits += 1
                    whole = whole * 10 + Int64(b - 48)
                    if whole >= 1_000_000_000 { return nil }
                }
            } else {
                return nil
            }
        }
        guard wholeDigits > 0 || fracDigits > 0 else { return nil }
        if seenDot && fracDigits == 0 && wholeDigits == 0 { return nil }
        // A nonzero digit after nine zeros was refused above; a trailing-zero
        // tail leaves fracDigits at most 9.
        var f = frac
        for _ in fracDigits..<maxFractionDigits { f *= 10 }
        return Hours(nano: whole * scale + f)
    }

    public static func parse(_ text: String) -> Hours? { parse(utf8: Array(text.utf8)) }

    /// Shortest decimal text: `15`, `1.5`, `0.25`.
    public var description: String { FixedDecimal.formatTrimmed(Int128(nano), places: 9) }

    /// Rounded half-up to two decimals, as a JSON-ready number text.
    public var twoPlaces: String {
        // Half-up to hundredths of an hour (1 hundredth = 10⁷ nano-hours); hours are never negative.
        FixedDecimal.format(nano >= 0 ? (nano + 5_000_000) / 10_000_000 : -((-nano + 5_000_000) / 10_000_000), places: 2)
    }
}
