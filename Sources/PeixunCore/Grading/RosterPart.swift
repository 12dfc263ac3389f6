/// The roster rows of one part of a roster file, read on its own thread: persons, anomalies and
/// notices in file order, with lines relative to the part's start (the caller shifts them).
final class RosterPart: @unchecked Sendable {
    var persons: [Person] = []
    /// The ID key of each person.
    var keys: [UInt64] = []
    /// Every valid ID, in file order, with its (relative) line: persons and rows left out alike.
    var seen: [(key: UInt64, line: Int)] = []
    var excluded: Set<UInt64> = []
    var anomalies: [Anomaly] = []
    var notices: [Anomaly] = []
    var count: (records: Int, lines: Int) = (0, 0)
    /// Counties, schools, 坊 … repeat across thousands of persons: keep one copy of each.
    private var pool: [String: String] = [:]

    private func shared(_ s: String) -> String {
        if let existing = pool[s] { return existing }
        pool[s] = s
        return s
    }

    /// Columns: 身份证号, 姓名, 性别, 区县, 单位, 学段, 学科, 坊, 角色
    func add(_ r: Record, file: String) {
        guard let key = IDNumber.key(utf8: r.bytes(0)) else {
            anomalies.append(Anomaly(file: file, line: r.line, kind: .invalidID, message: RowMessages.invalidID(r.string(0))))
            return
        }
        seen.append((key, r.line))
        let roleText = r.string(8)
        guard let role = Role(rawValue: roleText) else {
            anomalies.append(Anomaly(file: file, line: r.line, kind: .unknownRole,
                                     message: "角色 '\(roleText)' 无法识别（应为 学员 / 坊主 / 坊主兼学员），此人未计入，其学习记录不计"))
            excluded.insert(key)
            return
        }
        for (col, label) in [(1, "姓名"), (7, "坊")] where r.isEmpty(col) {
            notices.append(Anomaly(file: file, line: r.line, kind: .missingValue, message: "\(label) 为空（已计分，发证前请补全）"))
        }
        keys.append(key)
        persons.append(Person(
            id: IDNumber.text(key: key), name: r.string(1), gender: shared(r.string(2)),
            county: shared(r.string(3)), school: shared(r.string(4)), stage: shared(r.string(5)),
            subject: shared(r.string(6)), className: shared(r.string(7)),
            role: role, line: r.line))
    }
}
