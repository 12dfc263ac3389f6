/// Reads the roster (学员名单) into persons, with anomalies for rows that
/// cannot be used and a fatal error for a duplicate ID.
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

    static func run(reader: TableReader) throws -> Output { try run(readers: [reader]) }

    /// The roster's files, in name order, as one table.
    static func run(readers: [TableReader]) throws -> Output {
        var out = Output()
        var lineOfKey: [UInt64: (file: String, line: Int)] = [:]
        var positions: [(UInt64, Int32)] = []
        // Counties, schools, 坊 … repeat across thousands of persons: keep one copy of each.
        var pool: [String: String] = [:]
        func shared(_ s: String) -> String {
            if let existing = pool[s] { return existing }
            pool[s] = s
            return s
        }
        for reader in readers {
            let file = reader.fileName
            let rows = try reader.read { r in
                // Columns: 身份证号, 姓名, 性别, 区县, 单位, 学段, 学科, 坊, 角色
                guard let key = IDNumber.key(utf8: r.bytes(0)) else {
                    out.anomalies.append(Anomaly(file: file, line: r.line, kind: .invalidID,
                                                 message: RowMessages.invalidID(r.string(0))))
                    return
                }
                if let first = lineOfKey[key] {
                    let place = first.file == file ? "第 \(first.line) 行" : "\(first.file) 第 \(first.line) 行"
                    throw FatalError(file: file, line: r.line,
                                     reason: "身份证号 \(IDNumber.mask(r.string(0)).uppercased()) 在名单中重复（\(place)已有）— duplicate ID in the roster")
                }
                lineOfKey[key] = (file, r.line)
                let roleText = r.string(8)
                guard let role = Role(rawValue: roleText) else {
                    out.anomalies.append(Anomaly(file: file, line: r.line, kind: .unknownRole,
                                                 message: "角色 '\(roleText)' 无法识别（应为 学员 / 坊主 / 坊主兼学员），此人未计入，其学习记录不计"))
                    out.excluded.insert(key)
                    return
                }
                for (col, label) in [(1, "姓名"), (7, "坊")] where r.isEmpty(col) {
                    out.notices.append(Anomaly(file: file, line: r.line, kind: .missingValue,
                                               message: "\(label) 为空（已计分，发证前请补全）"))
                }
                positions.append((key, Int32(out.persons.count)))
                out.persons.append(Person(
                    id: r.string(0).uppercased(), name: r.string(1), gender: shared(r.string(2)),
                    county: shared(r.string(3)), school: shared(r.string(4)), stage: shared(r.string(5)),
                    subject: shared(r.string(6)), className: shared(r.string(7)),
                    role: role, line: r.line))
            }
            out.rows += rows
            out.rowsPerFile.append(rows)
        }
        out.index = PersonIndex(capacity: positions.count)
        for (key, position) in positions { _ = out.index.insert(key, position) }
        return out
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
