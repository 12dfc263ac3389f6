/// Points after rounding: an exact count of hundredths (分, two decimals).
/// Every item is rounded once, half-up, where it is computed; totals are sums
/// of rounded items, so a roster's columns always add up to its total.
public struct Points: Sendable, Hashable, Comparable, AdditiveArithmetic, CustomStringConvertible {
    public var hundredths: Int64

    public init(hundredths: Int64) { self.hundredths = hundredths }

    /// Rounds an exact value half-up to two decimals.
    public init(rounding value: Fraction) { self.hundredths = Int64(value.roundedScaled(places: 2)) }

    public static let zero = Points(hundredths: 0)
    public static func + (a: Points, b: Points) -> Points { Points(hundredths: a.hundredths + b.hundredths) }
    public static func - (a: Points, b: Points) -> Points { Points(hundredths: a.hundredths - b.hundredths) }
    public static func < (a: Points, b: Points) -> Bool { a.hundredths < b.hundredths }

    public var fraction: Fraction { Fraction(Int128(hundredths), 100) }
    /// `"9.33"`.
    public var description: String { FixedDecimal.format(hundredths, places: 2) }
    /// `"9.33"`, `"90"`, `"9.3"` — for prose where trailing zeros read badly.
    public var short: String { FixedDecimal.formatTrimmed(Int128(hundredths), places: 2) }
    public var doubleValue: Double { Double(hundredths) / 100 }
}
