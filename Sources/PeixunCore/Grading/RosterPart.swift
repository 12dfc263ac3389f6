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
    /// Counties, schools, 坊 … repeat across thousands of persons: keep one copy of each,
    /// found by its bytes (no String made, hashed or normalized per cell).
    private var pool = ByteInterner()
    private var pooled: [String] = []

    private func shared(_ r: Record, _ column: Int) -> String {
        let bytes = r.bytes(column)
        let id = Int(pool.id(of: bytes))
        if id == pooled.count { pooled.append(String(decoding: bytes, as: UTF8.self)) }
        return pooled[id]
    }

    /// The roles by their UTF-8 names, matched byte for byte.
    private static let roles = Role.allCases.map { (role: $0, bytes: Array($0.rawValue.utf8)) }

    /// Columns: 身份证号, 姓名, 性别, 区县, 单位, 学段, 学科, 坊, 角色
    func add(_ r: Record, file: String) {
        guard let key = IDNumber.key(utf8: r.bytes(0)) else {
            anomalies.append(Anomaly(file: file, line: r.line, kind: .invalidID, message: RowMessages.invalidID(r.string(0))))
            return
        }
        seen.append((key, r.line))
        let roleBytes = r.bytes(8)
        guard let role = Self.roles.first(where: { roleBytes.equals($0.bytes) })?.role else {
            let roleText = r.string(8)
            anomalies.append(Anomaly(file: file, line: r.line, kind: .unknownRole,
                                     message: "角色 '\(roleText)' 无法识别（应为 学员 / 坊主 / 坊主兼学员），此人未计入，其学习记录不计"))
            excluded.insert(key)
            return
        }
        if r.isEmpty(1) { notices.append(Self.missing("姓名", file, r.line)) }
        if r.isEmpty(7) { notices.append(Self.missing("坊", file, r.line)) }
        keys.append(key)
        persons.append(Person(
            id: IDNumber.text(key: key), name: r.string(1), gender: shared(r, 2),
            county: shared(r, 3), school: shared(r, 4), stage: shared(r, 5),
            subject: shared(r, 6), className: shared(r, 7),
            role: role, line: r.line))
    }

    private static func missing(_ label: String, _ file: String, _ line: Int) -> Anomaly {
        Anomaly(file: file, line: line, kind: .missingValue, message: "\(label) 为空（已计分，发证前请补全）")
    }
}
