/// A number of study hours (学时), held exactly as an integer count of
/// 1/(3600·10¹⁸) hours, so that summing thousands of course rows stays exact and fast,
/// any decimal an export holds — even a spreadsheet's `0.30000000000000004` — is taken
/// as written, and a study time in minutes converts exactly whenever the minutes per hour
/// divide 3600 (40, 45, 50, 60: 1 minute at 45 per hour is 1/45 h, a whole number of units).
/// Inputs with more than eighteen decimal places are refused by the parser.
public struct Hours: Sendable, Hashable, Comparable, AdditiveArithmetic, CustomStringConvertible {
    /// Units per hour: 3600 · 10¹⁸.
    public static let scale: Int128 = 3600 * decimalScale
    /// 10¹⁸: the decimal part of the scale (an input decimal's 18th place is one unit of it).
    static let decimalScale: Int128 = 1_000_000_000_000_000_000
    /// The units of one hour beyond the decimal scale: a minutes-per-hour count must divide it.
    public static let exactDivisor = 3600
    public static let maxFractionDigits = 18
    private static let powersOfTen: [Int128] = (0...18).map { k in (0..<k).reduce(Int128(1)) { r, _ in r * 10 } }

    /// The value in units of 1/(3600·10¹⁸) hours.
    public var units: Int128

    public init(units: Int128) { self.units = units }
    /// From nano-hours (10⁻⁹ h), a convenient unit for tests and benchmarks.
    public init(nano: Int64) { self.units = Int128(nano) * 1_000_000_000 * 3600 }
    public init(whole: Int) { self.units = Int128(whole) * Hours.scale }

    public static let zero = Hours(units: 0)
    public static func + (a: Hours, b: Hours) -> Hours { Hours(units: a.units + b.units) }
    public static func - (a: Hours, b: Hours) -> Hours { Hours(units: a.units - b.units) }
    public static func < (a: Hours, b: Hours) -> Bool { a.units < b.units }

    public var fraction: Fraction { Fraction(units, Hours.scale) }
    /// Approximate, for display and spreadsheets only — never for rules.
    public var doubleValue: Double { Hours.nearestDouble(units) / Hours.scaleDouble }

    /// `Double(Hours.scale)`, exact: 3600 · 10¹⁸ = 2²² · 858,306,884,765,625.
    static let scaleDouble = Double(Hours.scale)

    /// The Double nearest to `value` (ties to even): what `Double(value)` gives, without the
    /// standard library's generic conversion (a bit at a time), which costs a roster writer
    /// more than the rest of a cell. The top 64 significant bits are converted by the
    /// hardware, with any bit below them folded into the lowest one so that rounding still
    /// sees it; scaling by a power of two is exact.
    @inline(__always)
    static func nearestDouble(_ value: Int128) -> Double {
        let magnitude = value.magnitude
        let high = UInt64(truncatingIfNeeded: magnitude >> 64)
        let result: Double
        if high == 0 {
            result = Double(UInt64(truncatingIfNeeded: magnitude))
        } else {
            let shift = 64 - high.leadingZeroBitCount  // 1...64: bits below the top 64
            let top = UInt64(truncatingIfNeeded: magnitude >> shift)
            let sticky: UInt64 = magnitude & ((1 << shift) - 1) == 0 ? 0 : 1
            result = Double(top | sticky) * Double(sign: .plus, exponent: shift, significand: 1)
        }
        return value < 0 ? -result : result
    }

    /// A study time in minutes, at `minutesPerHour` minutes to the 学时: exact when
    /// `minutesPerHour` divides 3600 (the profile loader allows no other), nil otherwise.
    public init?(minutes: Hours, minutesPerHour: Int) {
        guard minutesPerHour > 0, minutes.units % Int128(minutesPerHour) == 0 else { return nil }
        self.units = minutes.units / Int128(minutesPerHour)
    }

    /// This many hours as minutes at `minutesPerHour` (exact: a multiplication).
    public func minutes(perHour minutesPerHour: Int) -> Hours { Hours(units: units * Int128(minutesPerHour)) }

    /// Parses `digits[.digits]` from UTF-8 bytes: no sign, unit, exponent, or bare point.
    /// Returns nil for anything else, or for more than eighteen decimals or an
    /// absurd magnitude (≥ 10⁹ hours).
    public static func parse<C: Collection>(utf8 bytes: C) -> Hours? where C.Element == UInt8 {
        parseDigits(bytes)
    }

    private static func parseDigits<C: Collection>(_ bytes: C) -> Hours? where C.Element == UInt8 {
        var whole: Int128 = 0
        var frac: Int128 = 0
        var fracDigits = 0
        var wholeDigits = 0
        var seenDot = false
        var sawFractionZeros = false
        for b in bytes {
            if b == UInt8(ascii: ".") {
                if seenDot { return nil }
                seenDot = true
            } else if b >= 48 && b <= 57 {
                if seenDot {
                    fracDigits += 1
                    if fracDigits > maxFractionDigits {
                        if b == 48 { fracDigits -= 1; sawFractionZeros = true; continue }  // trailing zeros are harmless
                        return nil
                    }
                    frac = frac * 10 + Int128(b - 48)
                } else {
                    wholeDigits += 1
                    whole = whole * 10 + Int128(b - 48)
                    if whole >= 1_000_000_000 { return nil }
                }
            } else {
                return nil
            }
        }
        // `digits[.digits]`: `.5` and `10.` are not numbers a platform writes.
        guard wholeDigits > 0, !seenDot || fracDigits > 0 || sawFractionZeros else { return nil }
        // A nonzero digit past the 18th decimal was refused above.
        return Hours(units: whole * scale + frac * powersOfTen[maxFractionDigits - fracDigits] * 3600)
    }

    public static func parse(_ text: String) -> Hours? { parse(utf8: Array(text.utf8)) }

    /// `parse(utf8:)` for a cell, with a fast path for what exports mostly hold: up to four
    /// whole digits and up to three decimals (`3`, `1.5`, `0.25`), added up in 64 bits.
    public static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Hours? {
        if bytes.count <= 8, let base = bytes.baseAddress {
            var whole: Int64 = 0, frac: Int64 = 0
            var wholeDigits = 0, fracDigits = -1  // -1: no point yet
            var simple = true
            for i in 0..<bytes.count {
                let b = base[i]
                if b >= 48 && b <= 57 {
                    if fracDigits < 0 { whole = whole * 10 + Int64(b - 48); wholeDigits += 1 } else { frac = frac * 10 + Int64(b - 48); fracDigits += 1 }
                } else if b == UInt8(ascii: "."), fracDigits < 0 {
                    fracDigits = 0
                } else {
                    simple = false
                    break
                }
            }
            if simple, wholeDigits >= 1, wholeDigits <= 4, fracDigits != 0, fracDigits <= 3 {
                // thousandths of an hour, then units: 1/1000 h = 3600 · 10¹⁵ units.
                let thousandths = whole * 1000 + (fracDigits == 1 ? frac * 100 : fracDigits == 2 ? frac * 10 : frac)
                return Hours(units: Int128(thousandths) * (scale / 1000))
            }
        }
        return parseDigits(bytes)
    }

    /// Shortest decimal text: `15`, `1.5`, `0.25`; a value that is no 18-place decimal
    /// (1/45 h) is shown rounded half-up to 18 places.
    public var description: String {
        FixedDecimal.formatTrimmed((units + 1800) / 3600, places: 18)
    }

    /// Rounded half-up to two decimals, as a JSON-ready number text.
    public var twoPlaces: String { FixedDecimal.format(hundredths, places: 2) }

    /// Hundredths of an hour, rounded half-up (the number `twoPlaces` shows).
    public var hundredths: Int64 {
        // 1 hundredth = scale / 100 units; hours are never negative.
        let step: Int128 = Hours.scale / 100
        return Int64(units >= 0 ? (units + step / 2) / step : -((-units + step / 2) / step))
    }
}
