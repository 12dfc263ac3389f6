import Foundation

/// Reads the roster (学员名单) into persons, with anomalies for rows that
/// cannot be used and a fatal error for a duplicate ID. A large roster file is read
/// in parts on separate threads (`RosterPart`), merged in file order.
struct RosterStage {
    struct Output {
        var persons: [Person] = []
        var index = PersonIndex(capacity: 0)
        var anomalies: [Anomaly] = []
        /// Rows used, but worth a clerk's look (an empty 姓名 or 坊).
        var notices: [Anomaly] = []
        /// Valid IDs of roster rows left out (unknown 角色): their records are
        /// skipped quietly, the roster row's anomaly already says why.
        var excluded: Set<UInt64> = []
        var rows = 0
        /// Rows of each roster file, in reading order.
        var rowsPerFile: [Int] = []
    }

    static func run(reader: TableReader, parallelReadThreshold: Int = 4 << 20) throws -> Output {
        try run(readers: [reader], parallelReadThreshold: parallelReadThreshold)
    }

    /// The roster's files, in name order, as one table.
    static func run(readers: [TableReader], parallelReadThreshold: Int = 4 << 20) throws -> Output {
        var out = Output()
        // Every valid ID read so far (persons and rows left out), for duplicates: key → where.
        let files = try readers.map { try readParts($0, threshold: parallelReadThreshold) }
        var seen = PersonIndex(capacity: files.joined().reduce(0) { $0 + $1.seen.count })
        var seenAt: [(file: String, line: Int)] = []
        var keys: [UInt64] = []
        let persons = files.joined().reduce(0) { $0 + $1.persons.count }
        out.persons.reserveCapacity(persons)
        keys.reserveCapacity(persons)
        for (reader, parts) in zip(readers, files) {
            let file = reader.fileName
            var lines = 0, rows = 0
            for part in parts {
                for (key, line) in part.seen {
                    let at = (file, line + lines)
                    if !seen.insert(key, Int32(seenAt.count)) {
                        let first = seenAt[Int(seen[key] ?? 0)]
                        let place = first.file == file ? "第 \(first.line) 行" : "\(first.file) 第 \(first.line) 行"
                        throw FatalError(file: file, line: at.1,
                                         reason: "身份证号 \(IDNumber.mask(IDNumber.text(key: key))) 在名单中重复（\(place)已有）— duplicate ID in the roster")
                    }
                    seenAt.append(at)
                }
                out.anomalies += part.anomalies.map { $0.shifted(by: lines) }
                out.notices += part.notices.map { $0.shifted(by: lines) }
                out.excluded.formUnion(part.excluded)
                if lines == 0 {
                    out.persons += part.persons
                } else {
                    for var person in part.persons {
                        person.line += lines
                        out.persons.append(person)
                    }
                }
                keys += part.keys
                lines += part.count.lines
                rows += part.count.records
            }
            out.rows += rows
            out.rowsPerFile.append(rows)
        }
        out.index = PersonIndex(capacity: keys.count)
        for (position, key) in keys.enumerated() { _ = out.index.insert(key, Int32(position)) }
        return out
    }

    /// One file's rows in parts (one part when it is small or cannot be split), each read on its own thread.
    private static func readParts(_ reader: TableReader, threshold: Int) throws -> [RosterPart] {
        let file = reader.fileName
        guard let parts = try reader.partitions(maxCount: RecordStage.partCount, minimumBytes: threshold),
              parts.count > 1 else {
            let part = RosterPart()
            part.count.records = try reader.read { part.add($0, file: file) }
            return [part]
        }
        let results = parts.map { _ in RosterPart() }
        let failures = PartFailures()
        DispatchQueue.concurrentPerform(iterations: parts.count) { k in
            do {
                results[k].count = try parts[k].read { results[k].add($0, file: file) }
            } catch {
                failures.record(error, part: k)
            }
        }
        if let failure = failures.first(lineOffsets: results.map(\.count.lines)) { throw failure }
        return results
    }
}

/// Wording shared by the record stages.
enum RowMessages {
    static func invalidID(_ raw: String) -> String {
        raw.isEmpty ? "身份证号为空" : "身份证号 '\(IDNumber.mask(raw))' 无效（位数、出生日期或校验位不符）"
    }
    static func unknownID(_ raw: String) -> String {
        "身份证号 \(IDNumber.mask(raw.uppercased())) 不在学员名单中"
    }
}
