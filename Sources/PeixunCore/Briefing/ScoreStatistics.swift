/// 成绩分布 — count, average, median and a histogram of trainees' totals.
public struct ScoreStatistics: Sendable, Equatable {
    /// One bar: totals in `lower ..< upper` (the last bin includes `upper`).
    public struct Bin: Sendable, Equatable {
        public var lower: Fraction
        public var upper: Fraction
        public var count: Int
        /// The bin lies at or above the pass score.
        public var passing: Bool
        /// `80–90`, `90–100`.
        public var label: String {
            "\(BriefingFormat.score(lower))–\(BriefingFormat.score(upper))"
        }
    }

    public var count: Int
    /// Exact mean; nil without trainees.
    public var average: Fraction?
    /// Exact median (mean of the two middle totals for an even count).
    public var median: Fraction?
    public var bins: [Bin]
    /// The scheme's pass score (the histogram's pass line).
    public var passScore: Fraction
    public var maximum: Fraction

    /// Statistics of `totals`; bins are 10 points wide from 0 to the scheme's
    /// maximum, with the pass score always a bin edge.
    public init(totals: [Points], passScore: Fraction, maximum: Fraction) {
        self.passScore = passScore
        self.maximum = maximum
        count = totals.count
        let sorted = totals.map(\.hundredths).sorted()
        if sorted.isEmpty {
            average = nil; median = nil
        } else {
            let sum = sorted.reduce(Int128(0)) { $0 + Int128($1) }
            average = Fraction(sum, Int128(sorted.count) * 100)
            let mid = sorted.count / 2
            median = sorted.count % 2 == 1
                ? Fraction(Int128(sorted[mid]), 100)
                : Fraction(Int128(sorted[mid - 1]) + Int128(sorted[mid]), 200)
        }
        var edges: [Fraction] = []
        var e = Fraction.zero
        while e < maximum { edges.append(e); e = e + Fraction(10) }
        if passScore > .zero, passScore < maximum, !edges.contains(passScore) { edges.append(passScore) }
        edges.sort()
        edges.append(maximum > .zero ? maximum : Fraction(100))
        var bins: [Bin] = []
        for i in 0..<(edges.count - 1) {
            bins.append(Bin(lower: edges[i], upper: edges[i + 1], count: 0, passing: edges[i] >= passScore))
        }
        // Bin edges as hundredths (every edge here is a whole or a scheme decimal).
        let lowers = bins.map { $0.lower.ceilScaled(places: 2) }
        for h in sorted {
            let v = Int128(h)
            var k = bins.count - 1
            while k > 0 && v < lowers[k] { k -= 1 }
            bins[k].count += 1
        }
        self.bins = bins
    }

    /// Totals at or above the pass score.
    public var atOrAbovePass: Int { bins.filter(\.passing).reduce(0) { $0 + $1.count } }
}
