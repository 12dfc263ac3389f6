/// How briefings print numbers: one place, so the PDF and the Markdown agree.
///
/// Rates are floored (a 坊 at 94.99 % never reads as 95 %, the band edge);
/// averages are rounded half-up; shortfalls (hours, points still needed) are
/// rounded up, so doing what the briefing says is always enough.
public enum BriefingFormat {
    /// `0.9666…` → `"96.6%"`.
    public static func percent(_ rate: Fraction) -> String {
        FixedDecimal.formatTrimmed(rate.floorScaled(places: 3), places: 1) + "%"
    }

    /// An average or median score: `87.35`, `90`.
    public static func score(_ value: Fraction) -> String {
        FixedDecimal.formatTrimmed(value.roundedScaled(places: 2), places: 2)
    }

    /// Points as the grading rounded them: `9.33`, `90`.
    public static func points(_ value: Points) -> String { value.short }

    /// Hours for display, half-up to two decimals: `14`, `12.5`.
    public static func hours(_ value: Fraction) -> String {
        FixedDecimal.formatTrimmed(value.roundedScaled(places: 2), places: 2)
    }

    public static func hours(_ value: Hours) -> String { hours(value.fraction) }

    /// Hours still needed, rounded up to two decimals (`0.333…` → `0.34`).
    public static func hoursNeeded(_ value: Hours) -> String {
        FixedDecimal.formatTrimmed(value.fraction.ceilScaled(places: 2), places: 2)
    }

    /// Points still needed, rounded up to two decimals.
    public static func pointsNeeded(_ value: Fraction) -> String {
        FixedDecimal.formatTrimmed(value.ceilScaled(places: 2), places: 2)
    }
}

extension Fraction {
    /// The value × 10^places, rounded toward −∞.
    func floorScaled(places: Int) -> Int128 {
        var p: Int128 = 1
        for _ in 0..<places { p *= 10 }
        let n = numerator * p
        let q = n / denominator
        return (n % denominator != 0 && n < 0) ? q - 1 : q
    }

    /// The value × 10^places, rounded toward +∞.
    func ceilScaled(places: Int) -> Int128 {
        var p: Int128 = 1
        for _ in 0..<places { p *= 10 }
        let n = numerator * p
        let q = n / denominator
        return (n % denominator != 0 && n > 0) ? q + 1 : q
    }

    /// The smallest integer ≥ self.
    var ceiling: Int128 { ceilScaled(places: 0) }
}
