import Foundation

extension TraineeScoring {
    /// Scores every trainee of the roster, in roster order: consecutive runs of persons are
    /// scored on all cores (each score depends only on its person's facts), each run straight
    /// into its own slots of the result (no joining copy of a million results afterwards).
    static func scoreAll(persons: [Person], ledger: Ledger, scheme: Scheme, minimumPerPart: Int = 16384) -> [TraineeResult] {
        let parts = min(max(1, ProcessInfo.processInfo.activeProcessorCount), max(1, persons.count / minimumPerPart))
        let ranges = (0..<parts).map { k in (persons.count * k / parts)..<(persons.count * (k + 1) / parts) }
        // Where each run's trainees start in the result.
        var starts = [0]
        for range in ranges {
            var n = 0
            for p in range where persons[p].role.isTrainee { n += 1 }
            starts.append(starts[starts.count - 1] + n)
        }
        let total = starts[parts]
        return [TraineeResult](unsafeUninitializedCapacity: total) { buffer, initialized in
            if let base = buffer.baseAddress {
                let slots = ScoredSlots(base: base)
                DispatchQueue.concurrentPerform(iterations: parts) { k in
                    var i = starts[k]
                    for p in ranges[k] where persons[p].role.isTrainee {
                        (slots.base + i).initialize(to: score(person: persons[p], index: p, ledger: ledger, scheme: scheme))
                        i += 1
                    }
                }
            }
            initialized = total
        }
    }
}

/// The result's storage, each run of persons initialising only its own slots.
private struct ScoredSlots: @unchecked Sendable {
    let base: UnsafeMutablePointer<TraineeResult>
}
