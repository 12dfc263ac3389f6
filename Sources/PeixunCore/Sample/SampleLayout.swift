/// How the sample's people fall into 坊: consecutive runs of person indices,
/// each run one class whose first person is its tutor. Only the classes are
/// held in memory (about one per 40 people); a person's class is found by
/// index, so any block of people can be generated independently.
struct SampleClass: Sendable {
    /// Index of the class's first person (its tutor).
    var start: Int
    /// People in the class, tutor included (21–61 unless the sample is tiny).
    var size: Int
    /// Index into `SampleStages.pairs`.
    var pair: Int
    /// `初中语文3坊`, CSV-ready.
    var name: [UInt8]
    /// The tutor is also enrolled as a trainee (坊主兼学员): every tenth class, from the second.
    var tutorStudies: Bool
    /// Share (‰) of submitted homework the tutor grades; 1000 for most tutors.
    var reviewPerMille: Int
    /// Share (‰) of graded homework the tutor recommends (推优).
    var recommendPerMille: Int
}

struct SampleLayout: Sendable {
    var classes: [SampleClass]
    /// Person indices that carry one deliberate anomaly row each, by kind.
    var forcedAnomalies: [(person: Int, kind: SampleAnomalyKind)]

    init(people: Int, seed: UInt64) {
        var random = SampleRandom(seed: seed, stream: 1, item: 0)
        let pairCumulative = cumulativeWeights(SampleStages.pairs.map(\.weight))
        var numbers = [Int](repeating: 0, count: SampleStages.pairs.count)
        var classes: [SampleClass] = []
        var start = 0
        while start < people {
            let remaining = people - start
            var size = random.int(in: 21...61)
            if remaining <= 61 {
                size = remaining
            } else if remaining - size < 21 {
                size = remaining - 21
            }
            let pair = random.pick(cumulative: pairCumulative)
            numbers[pair] += 1
            let p = SampleStages.pairs[pair]
            let name = SampleStages.className(stage: p.stage, subject: p.subject, number: numbers[pair])
            let review = random.chance(perMille: 820) ? 1000 : random.int(in: 850...990)
            let recommend = random.chance(perMille: 850) ? random.int(in: 130...260) : random.int(in: 30...90)
            classes.append(SampleClass(start: start, size: size, pair: pair, name: CSVBytes.field(name),
                                       tutorStudies: classes.count % 10 == 1,
                                       reviewPerMille: review, recommendPerMille: recommend))
            start += size
        }
        self.classes = classes

        // One row of each anomaly kind at fixed places, on a trainee (not a tutor).
        var forced: [(Int, SampleAnomalyKind)] = []
        if people >= 2 {
            for (k, kind) in SampleAnomalyKind.allCases.enumerated() {
                var person = people * (2 * k + 1) / (2 * SampleAnomalyKind.allCases.count)
                if person >= people { person = people - 1 }
                let c = classes[SampleLayout.classIndex(of: person, in: classes)]
                if person == c.start { person = c.size > 1 ? person + 1 : person }
                forced.append((person, kind))
            }
        }
        forcedAnomalies = forced
    }

    /// The class holding person `index` (binary search over class starts).
    static func classIndex(of index: Int, in classes: [SampleClass]) -> Int {
        var low = 0, high = classes.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if classes[mid].start <= index { low = mid } else { high = mid - 1 }
        }
        return low
    }
}

/// The deliberate faults the sample carries in courses.csv (about 0.1% of
/// rows), so a run on it shows the anomaly report.
enum SampleAnomalyKind: Int, CaseIterable, Sendable {
    /// 模块 not in the scheme.
    case unknownModule
    /// 学时 that is not a plain decimal (`1.5h`, `两`).
    case badHours
    /// 完成时间 before or after the programme period.
    case outOfPeriod
    /// 身份证号 valid but not on the roster.
    case unknownID
}
