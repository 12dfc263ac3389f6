/// The sample generator's own pseudo-random numbers (SplitMix64), so that the
/// same people count and seed give byte-identical files on every machine and
/// Swift version. Never Swift's system random.
struct SampleRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A stream for one item (a person, a class) that does not depend on how
    /// the work is split into blocks or threads.
    init(seed: UInt64, stream: UInt64, item: UInt64) {
        state = SampleRandom.mix(seed ^ SampleRandom.mix(stream &* 0x9E37_79B9_7F4A_7C15 ^ item))
    }

    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always) mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `0..<bound` (Lemire's multiply-shift; the tiny bias is irrelevant here).
    @inline(__always) mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int((UInt128(next()) &* UInt128(UInt64(bound))) >> 64)
    }

    /// Uniform in `range`.
    @inline(__always) mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with probability `perMille / 1000`.
    @inline(__always) mutating func chance(perMille: Int) -> Bool { below(1000) < perMille }

    /// An index drawn with the given cumulative weights (last element = total).
    @inline(__always) mutating func pick(cumulative: [Int]) -> Int {
        let r = below(cumulative[cumulative.count - 1])
        var i = 0
        while cumulative[i] <= r { i += 1 }
        return i
    }
}

/// Cumulative sums of weights, for `SampleRandom.pick(cumulative:)`.
func cumulativeWeights(_ weights: [Int]) -> [Int] {
    var total = 0
    return weights.map { total += $0; return total }
}
