import Foundation

extension RecordStage {
    /// How one row of a table is checked (anomalies into the stage) and counted (into a ledger).
    typealias RowCounter = (inout RecordStage, Record, inout Ledger) -> Void

    /// Reads a table of activities, homework or posts. A large one is split into parts read on
    /// separate threads, each counting into a ledger of its own; the parts' ledgers are then
    /// merged in file order (`Ledger.merge`) and their anomalies appended in file order with
    /// their lines made absolute, so the result is exactly that of one pass.
    mutating func readInParts(_ reader: TableReader, _ count: RowCounter) throws -> Int {
        let parts = try reader.partitions(maxCount: Self.partCount, minimumBytes: parallelReadThreshold)
        guard let parts, parts.count > 1 else {
            var counted = takeLedger()
            defer { ledger = counted }
            return try reader.read { r in count(&self, r, &counted) }
        }
        // Each part starts from this stage without its ledger (so ours stays the only reference)
        // and without its anomalies (so each part's are its own).
        var template = self
        template.ledger = Ledger(persons: 0, modules: 0, activities: 0)
        template.anomalies = []
        template.notices = []
        let tallies = parts.map { _ in PartTally(ledger: ledger.blankForMerge()) }
        let failures = PartFailures()
        DispatchQueue.concurrentPerform(iterations: parts.count) { k in
            var stage = template
            let tally = tallies[k]
            var counted = Ledger(persons: 0, modules: 0, activities: 0)
            swap(&counted, &tally.ledger)
            do {
                tally.count = try parts[k].read { r in count(&stage, r, &counted) }
            } catch {
                failures.record(error, part: k)
            }
            swap(&counted, &tally.ledger)
            tally.anomalies = stage.anomalies
            tally.notices = stage.notices
        }
        if let failure = failures.first(lineOffsets: tallies.map(\.count.lines)) { throw failure }
        var lines = 0, records = 0
        for tally in tallies {
            ledger.merge(tally.ledger)
            anomalies += tally.anomalies.map { $0.shifted(by: lines) }
            notices += tally.notices.map { $0.shifted(by: lines) }
            lines += tally.count.lines
            records += tally.count.records
        }
        return records
    }

    /// Parts a large table is read in: one per core, at least two.
    static var partCount: Int { max(2, ProcessInfo.processInfo.activeProcessorCount) }
}

/// One part's counts, anomalies and extent, filled on its own thread.
final class PartTally: @unchecked Sendable {
    var ledger: Ledger
    var anomalies: [Anomaly] = []
    var notices: [Anomaly] = []
    var count: (records: Int, lines: Int) = (0, 0)
    init(ledger: Ledger) { self.ledger = ledger }
}

extension Anomaly {
    /// The anomaly of a part whose first line is `lines` lines into the file.
    func shifted(by lines: Int) -> Anomaly {
        var a = self
        if let line = a.line { a.line = line + lines }
        return a
    }
}

extension Ledger {
    /// An empty ledger for one part of an activities, homework or posts table (no course hours).
    func blankForMerge() -> Ledger {
        Ledger(persons: personCount, modules: 0, activities: activityCount)
    }

    /// Adds the activities, homework and posts a later part of a table counted: completed
    /// activities are or-ed, its homework submissions come after ours (its lines are later,
    /// so at equal times it wins), its posts add up.
    mutating func merge(_ other: Ledger) {
        for i in other.activityDone.indices where other.activityDone[i] { activityDone[i] = true }
        for p in 0..<other.personCount where other.homeworkGrade[p] != Ledger.noHomework {
            submitHomework(person: p, time: other.homeworkTime[p], grade: other.homeworkGrade[p],
                           recommended: other.homeworkRecommended[p])
        }
        for p in 0..<other.personCount {
            announcements[p] += other.announcements[p]
            briefings[p] += other.briefings[p]
        }
    }
}
