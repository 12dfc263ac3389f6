import Foundation
import GRDB
import PeixunCore

/// The `standing` table: each person's standing after the latest run, which the
/// next run compares with to say who crossed the pass or honour line.
///
/// After a run the table holds exactly one row per trainee and tutor of that
/// run, in the run's order (trainees, then tutors), every row stamped with the
/// run. A rerun mostly finds the same people with the same standings, so it
/// writes only what differs: rows of persons who left are deleted, changed rows
/// updated, and the other rows only get the new run stamp. From the first new
/// person (or the first change of order) on, the rows are deleted and appended
/// again in the run's order, so the table's rowid order stays the run's order
/// (the next run lists persons who left in it); a new first person rewrites it all.
extension CertificateRegistry {
    private struct StandingKey: Hashable {
        var role: String
        var personID: String
    }

    /// A stored standing row and its `rowid`.
    private struct StoredStanding {
        var rowID: Int64
        var record: StandingRecord
    }

    /// Lists who crossed the pass or honour line against the stored
    /// standings, then stores this run's standings in their place.
    static func compareStandings(_ results: Results, programme: String, run: Int64, hasPrevious: Bool,
                                 changes: inout RegistryChanges, db: Database) throws {
        let previous = try storedStandings(programme: programme, db: db)
        var previousIndex: [StandingKey: Int] = [:]
        previousIndex.reserveCapacity(previous.count)
        for (i, s) in previous.enumerated() { previousIndex[StandingKey(role: s.record.role, personID: s.record.personID)] = i }

        var current: [StandingRecord] = []
        current.reserveCapacity(results.trainees.count + results.tutors.count)
        for t in results.trainees {
            current.append(standing(t.person, role: "trainee", passed: t.passed, excellent: t.excellent,
                                    total: t.total, programme: programme, run: run))
        }
        for t in results.tutors {
            current.append(standing(t.person, role: "tutor", passed: t.passed, excellent: t.excellent,
                                    total: t.total, programme: programme, run: run))
        }
        // For each current row, the index of its stored row (nil: new).
        let match = current.map { previousIndex[StandingKey(role: $0.role, personID: $0.personID)] }

        if hasPrevious {
            var seen = [Bool](repeating: false, count: previous.count)
            for (now, index) in zip(current, match) {
                if let index { seen[index] = true }
                let before = index.map { previous[$0].record }
                let passedBefore = before?.passed ?? false, excellentBefore = before?.excellent ?? false
                guard now.passed != passedBefore || now.excellent != excellentBefore else { continue }
                let person = RegistryChanges.Person(role: now.role, name: now.name, maskedID: now.maskedID,
                                                    county: now.county, school: now.school,
                                                    previousTotal: before?.total, total: now.total)
                if now.passed && !passedBefore { changes.nowPassed.append(person) }
                if !now.passed && passedBefore { changes.noLongerPassed.append(person) }
                if now.excellent && !excellentBefore { changes.nowExcellent.append(person) }
                if !now.excellent && excellentBefore { changes.noLongerExcellent.append(person) }
            }
            for (before, wasSeen) in zip(previous.lazy.map(\.record), seen) where !wasSeen {
                let person = RegistryChanges.Person(role: before.role, name: before.name, maskedID: before.maskedID,
                                                    county: before.county, school: before.school,
                                                    previousTotal: before.total, total: nil)
                if before.passed { changes.noLongerPassed.append(person) }
                if before.excellent { changes.noLongerExcellent.append(person) }
            }
        }

        try store(current, match: match, previous: previous, programme: programme, run: run, db: db)
    }

    /// How many leading rows of `current` can stay where they are stored: up
    /// to the first new person, or the first whose stored row comes before
    /// the previous one's (rowid order must end as `current`'s order).
    private static func inPlacePrefix(_ match: [Int?]) -> Int {
        var last = -1
        for (position, index) in match.enumerated() {
            guard let index, index > last else { return position }
            last = index
        }
        return match.count
    }

    /// The stored standings of `programme`, in table order. Read by scanning the table in rowid
    /// order (`NOT INDEXED`): through the primary key's index SQLite finds the programme's rows
    /// and then sorts them all by rowid in a temporary tree, 13× the time at a million people.
    /// (A run's registry holds its own programme; one holding several is scanned whole, still
    /// once and without a sort.)
    private static func storedStandings(programme: String, db: Database) throws -> [StoredStanding] {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT rowid, role, person_id, name, masked_id, county, school, passed, excellent, total, run
            FROM standing NOT INDEXED WHERE programme_code = ? ORDER BY rowid
            """, arguments: [programme])
        var out: [StoredStanding] = []
        while let row = try rows.next() {
            out.append(StoredStanding(
                rowID: row[0],
                record: StandingRecord(programmeCode: programme, role: row[1], personID: row[2], name: row[3],
                                       maskedID: row[4], county: row[5], school: row[6], passed: row[7],
                                       excellent: row[8], total: row[9], run: row[10])))
        }
        return out
    }

    /// Stores `current` in place of the stored rows, writing only what differs:
    /// the leading rows that keep their place are updated where they changed
    /// and otherwise only stamped with `run`; the other stored rows (persons
    /// who left, rows after a new person or a change of order) are deleted and
    /// the rest of `current` appended after the kept rows, in order.
    private static func store(_ current: [StandingRecord], match: [Int?], previous: [StoredStanding],
                              programme: String, run: Int64, db: Database) throws {
        let prefix = inPlacePrefix(match)
        guard prefix > 0 else { return try rewriteStandings(current, programme: programme, db: db) }
        var kept = [Bool](repeating: false, count: previous.count)
        for index in match[..<prefix] { if let index { kept[index] = true } }
        let delete = try db.cachedStatement(sql: "DELETE FROM standing WHERE rowid = ?")
        for (stored, keep) in zip(previous, kept) where !keep { try delete.execute(arguments: [stored.rowID]) }

        let update = try db.cachedStatement(sql: """
            UPDATE standing SET name = ?, masked_id = ?, county = ?, school = ?, passed = ?, excellent = ?,
                                total = ?, run = ?
            WHERE rowid = ?
            """)
        var unstamped = false
        for (now, index) in zip(current[..<prefix], match[..<prefix]) {
            guard let index else { continue }
            let before = previous[index]
            if sameStanding(before.record, now) {
                unstamped = unstamped || before.record.run != run
                continue
            }
            try update.execute(arguments: [now.name, now.maskedID, now.county, now.school, now.passed, now.excellent,
                                           now.total, now.run, before.rowID])
        }
        if unstamped {
            // Every row: a scan in table order, not a lookup of each row through the index (3×).
            try db.execute(sql: "UPDATE standing NOT INDEXED SET run = ? WHERE programme_code = ? AND run <> ?",
                           arguments: [run, programme, run])
        }
        try insertStandings(current[prefix...], db: db)
    }

    /// Replaces the programme's standings with `current` as a whole.
    private static func rewriteStandings(_ current: [StandingRecord], programme: String, db: Database) throws {
        try db.execute(sql: "DELETE FROM standing WHERE programme_code = ?", arguments: [programme])
        try insertStandings(current, db: db)
    }

    private static func insertStandings<S: Sequence<StandingRecord>>(_ rows: S, db: Database) throws {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO standing (programme_code, role, person_id, name, masked_id, county, school, passed,
                                  excellent, total, run)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for s in rows {
            try insert.execute(arguments: [s.programmeCode, s.role, s.personID, s.name, s.maskedID, s.county, s.school,
                                           s.passed, s.excellent, s.total, s.run])
        }
    }

    /// The stored values equal, the run stamp aside (the same text, byte for byte).
    private static func sameStanding(_ a: StandingRecord, _ b: StandingRecord) -> Bool {
        a.passed == b.passed && a.excellent == b.excellent && a.total.hasSameBytes(as: b.total)
            && a.name.hasSameBytes(as: b.name) && a.maskedID.hasSameBytes(as: b.maskedID)
            && a.county.hasSameBytes(as: b.county) && a.school.hasSameBytes(as: b.school)
    }

    private static func standing(_ person: Person, role: String, passed: Bool, excellent: Bool, total: Points,
                                 programme: String, run: Int64) -> StandingRecord {
        StandingRecord(programmeCode: programme, role: role, personID: person.id, name: person.name,
                       maskedID: person.maskedID, county: person.county, school: person.school, passed: passed,
                       excellent: excellent, total: total.description, run: run)
    }
}
