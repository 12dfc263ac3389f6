import PeixunCore

/// Exact averages and medians of totals, computed on hundredths and rounded
/// half-up to two decimals only at the end.
enum ScoreStatistics {
    /// nil for no values.
    static func average(_ totals: [Points]) -> Points? {
        guard !totals.isEmpty else { return nil }
        let sum = totals.reduce(Int128(0)) { $0 + Int128($1.hundredths) }
        return Points(rounding: Fraction(sum, Int128(totals.count) * 100))
    }

    /// The middle value, or the mean of the two middle values.
    static func median(_ totals: [Points]) -> Points? {
        guard !totals.isEmpty else { return nil }
        let sorted = totals.map(\.hundredths).sorted()
        let mid = sorted.count / 2
        if sorted.count % 2 == 1 { return Points(hundredths: sorted[mid]) }
        return Points(rounding: Fraction(Int128(sorted[mid - 1]) + Int128(sorted[mid]), 200))
    }
}

/// 区县统计 — one row per (区县, 学段) in order of first appearance.
struct CountyStageRow: Equatable {
    var county: String
    var stage: String
    var persons = 0
    var passed = 0
    var excellent = 0
    var totals: [Points] = []

    var passRate: Fraction { persons == 0 ? .zero : Fraction(passed) / Fraction(persons) }

    static func rows(for trainees: [TraineeResult]) -> [(county: String, stages: [CountyStageRow])] {
        var groups: [(county: String, stages: [CountyStageRow])] = []
        var countyIndex: [String: Int] = [:]
        var stageIndex: [String: [String: Int]] = [:]
        for t in trainees {
            let county = t.person.county, stage = t.person.stage
            let c: Int
            if let known = countyIndex[county] { c = known } else {
                c = groups.count
                countyIndex[county] = c
                groups.append((county, []))
            }
            let s: Int
            if let known = stageIndex[county, default: [:]][stage] { s = known } else {
                s = groups[c].stages.count
                stageIndex[county, default: [:]][stage] = s
                groups[c].stages.append(CountyStageRow(county: county, stage: stage))
            }
            groups[c].stages[s].add(t)
        }
        return groups
    }

    mutating func add(_ t: TraineeResult) {
        persons += 1
        if t.passed { passed += 1 }
        if t.excellent { excellent += 1 }
        totals.append(t.total)
    }

    mutating func add(_ other: CountyStageRow) {
        persons += other.persons; passed += other.passed; excellent += other.excellent
        totals += other.totals
    }
}
