import Foundation

extension TraineeScoring {
    /// Scores every trainee of the roster, in roster order: consecutive runs of persons are
    /// scored on all cores (each score depends only on its person's facts) and joined in order.
    static func scoreAll(persons: [Person], ledger: Ledger, scheme: Scheme, minimumPerPart: Int = 16384) -> [TraineeResult] {
        let parts = min(max(1, ProcessInfo.processInfo.activeProcessorCount), max(1, persons.count / minimumPerPart))
        let scored = ScoredParts(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { k in
            let range = (persons.count * k / parts)..<(persons.count * (k + 1) / parts)
            var list: [TraineeResult] = []
            list.reserveCapacity(range.count)
            for p in range where persons[p].role.isTrainee {
                list.append(score(person: persons[p], index: p, ledger: ledger, scheme: scheme))
            }
            scored.parts[k] = list
        }
        return Array(scored.parts.joined())
    }
}

/// Each part's trainees, set by its own thread (distinct slots).
private final class ScoredParts: @unchecked Sendable {
    var parts: [[TraineeResult]]
    init(count: Int) { parts = Array(repeating: [], count: count) }
}
