import Foundation

/// Reads the four record tables into a `Ledger`, validating every row: a row
/// is either counted, silently not counting (unfinished, 未完成, repeated,
/// superseded, after the as-of date) or reported as an anomaly.
struct RecordStage {
    let scheme: Scheme
    let period: Period
    let roster: RosterStage.Output
    var ledger: Ledger
    var anomalies: [Anomaly] = []
    /// Rows that count for nothing but deserve a look (a post by someone who is not a tutor).
    var notices: [Anomaly] = []
    var courseNames = ByteInterner()
    var parallelReadThreshold = 4 << 20

    let moduleNames: [[UInt8]]
    let activityNames: [[UInt8]]
    let homeworkName: [UInt8]
    let gradeNames: [[UInt8]]

    init(scheme: Scheme, period: Period, roster: RosterStage.Output) {
        self.scheme = scheme; self.period = period; self.roster = roster
        ledger = Ledger(persons: roster.persons.count, modules: scheme.modules.count, activities: scheme.activities.count)
        moduleNames = scheme.modules.map { Array($0.name.utf8) }
        activityNames = scheme.activities.map { Array($0.name.utf8) }
        homeworkName = Array(scheme.homework.name.utf8)
        gradeNames = scheme.homework.grades.map { Array($0.name.utf8) }
    }

    // MARK: - Shared row checks

    /// The row whose person was found last, so its later anomalies carry the person's name.
    private var rowPerson: (line: Int, person: Int)?
    /// The 18 ID bytes of the last row whose person was found, and that person (-1: none yet).
    private var lastID: (UInt64, UInt64, UInt16) = (0, 0, 0)
    private var lastFound = -1

    mutating func report(_ file: String, _ line: Int, _ kind: Anomaly.Kind, _ message: String) {
        let name = rowPerson.flatMap { $0.line == line ? roster.persons[$0.person].name : nil }
        anomalies.append(Anomaly(file: file, line: line, kind: kind, message: message, personName: name))
    }

    /// The roster index of the row's person, or nil after reporting why not.
    mutating func person(_ r: Record, _ file: String) -> Int? {
        rowPerson = nil
        let idBytes = r.bytes(0)
        // A person's rows come together: the same 18 bytes as the last found row's ID are the same person.
        if lastFound >= 0, idBytes.count == 18, let base = idBytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            if raw.loadUnaligned(as: UInt64.self) == lastID.0, raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self) == lastID.1,
               raw.loadUnaligned(fromByteOffset: 16, as: UInt16.self) == lastID.2 {
                rowPerson = (r.line, lastFound)
                return lastFound
            }
        }
        guard let key = IDNumber.key(utf8: idBytes) else {
            report(file, r.line, .invalidID, RowMessages.invalidID(r.string(0)))
            return nil
        }
        guard let p = roster.index[key] else {
            if !roster.excluded.contains(key) {
                report(file, r.line, .unknownID, RowMessages.unknownID(r.string(0)))
            }
            return nil
        }
        rowPerson = (r.line, Int(p))
        if let base = idBytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            lastID = (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                      raw.loadUnaligned(fromByteOffset: 16, as: UInt16.self))
            lastFound = Int(p)
        }
        return Int(p)
    }

    /// A time cell: text (§3's formats, then the profile's), or an Excel serial in a numeric .xlsx cell.
    /// `cell`: the column's bytes when the caller has them already.
    func time(_ r: Record, _ column: Int, _ layout: TableLayout, cell: UnsafeBufferPointer<UInt8>? = nil) -> Timestamp? {
        if r.isNumeric(column) {
            return Double(r.string(column)).flatMap(Timestamp.fromExcelSerial)
        }
        return layout.time(utf8: cell ?? r.bytes(column))
    }

    /// Checks a time cell that must be present; nil after reporting, or when
    /// the record lies after the as-of cut-off (silently not counted).
    mutating func countedTime(_ r: Record, _ column: Int, _ file: String, _ label: String, _ layout: TableLayout,
                              cell: UnsafeBufferPointer<UInt8>? = nil) -> Timestamp? {
        let bytes = cell ?? r.bytes(column)
        if bytes.isEmpty {
            report(file, r.line, .badTime, "\(label) 为空")
            return nil
        }
        guard let t = time(r, column, layout, cell: bytes) else {
            report(file, r.line, .badTime, "\(label) '\(r.string(column))' 无法识别（应为 \(layout.timeFormatsText)）")
            return nil
        }
        switch period.place(t) {
        case .inside: return t
        case .afterCutoff: return nil
        case .outside:
            report(file, r.line, .outOfPeriod,
                   "\(label) \(t) 不在培训周期（\(scheme.programme.periodStart) 至 \(scheme.programme.periodEnd)）内")
            return nil
        }
    }

    // MARK: - Tables

    /// 研修活动: 身份证号, 活动名称, 状态, 完成时间
    mutating func readActivities(_ reader: TableReader) throws -> Int {
        let file = reader.fileName, layout = reader.layout
        let done = Array("已完成".utf8), notDone = Array("未完成".utf8)
        return try readInParts(reader) { stage, r, ledger in
            guard let p = stage.person(r, file) else { return }
            let nameBytes = r.bytes(1)
            guard let a = stage.activityNames.firstIndex(where: { nameBytes.equals($0) }) else {
                stage.report(file, r.line, .unknownActivity, "活动 '\(r.string(1))' 不是本项目的研修活动")
                return
            }
            let status = r.bytes(2)
            if status.equals(notDone) { return }
            guard status.equals(done) else {
                stage.report(file, r.line, .unknownStatus, "状态 '\(r.string(2))' 无法识别（应为 已完成 / 未完成）")
                return
            }
            guard stage.countedTime(r, 3, file, "完成时间", layout) != nil else { return }
            ledger.activityDone[p * ledger.activityCount + a] = true
        }
    }

    /// 研修作业: 身份证号, 作业名称, 提交时间, 批阅等级, 推优
    mutating func readHomework(_ reader: TableReader) throws -> Int {
        let file = reader.fileName, layout = reader.layout
        let yes = Array("是".utf8), no = Array("否".utf8)
        return try readInParts(reader) { stage, r, ledger in
            guard let p = stage.person(r, file) else { return }
            guard r.bytes(1).equals(stage.homeworkName) else {
                stage.report(file, r.line, .unknownHomework,
                             "作业 '\(r.string(1))' 不是本项目的研修作业（\(stage.scheme.homework.name)）")
                return
            }
            guard let t = stage.countedTime(r, 2, file, "提交时间", layout) else { return }
            var grade = Ledger.pending
            if !r.isEmpty(3) {
                let g = r.bytes(3)
                if let i = stage.gradeNames.firstIndex(where: { g.equals($0) }) {
                    grade = Int16(i)
                } else {
                    let names = stage.scheme.homework.grades.map(\.name).joined(separator: " / ")
                    stage.report(file, r.line, .unknownGrade, "批阅等级 '\(r.string(3))' 无法识别（应为 \(names) 或空），按待批阅计")
                }
            }
            var recommended = false
            let rec = r.bytes(4)
            if rec.equals(yes) {
                recommended = true
            } else if !(rec.isEmpty || rec.equals(no)) {
                stage.report(file, r.line, .badValue, "推优 '\(r.string(4))' 无法识别（应为 是 / 否），按否计")
            }
            ledger.submitHomework(person: p, time: t.seconds, grade: grade, recommended: recommended)
        }
    }

    /// 坊主工作: 身份证号, 类型, 标题, 发布时间 (坊 optional and not used:
    /// posts count for the tutor whose ID they carry).
    mutating func readTutorPosts(_ reader: TableReader) throws -> Int {
        let file = reader.fileName, layout = reader.layout
        let announcement = Array("公告".utf8), briefing = Array("简报".utf8)
        return try readInParts(reader) { stage, r, ledger in
            guard let p = stage.person(r, file) else { return }
            let type = r.bytes(1)
            let isAnnouncement = type.equals(announcement)
            guard isAnnouncement || type.equals(briefing) else {
                stage.report(file, r.line, .unknownPostType, "类型 '\(r.string(1))' 无法识别（应为 公告 / 简报）")
                return
            }
            let person = stage.roster.persons[p]
            guard person.role.isTutor else {
                stage.notices.append(Anomaly(file: file, line: r.line, kind: .notATutor,
                                             message: "发布者 \(person.name) 在名单中不是坊主，不计入坊主考核"))
                return
            }
            guard stage.countedTime(r, 3, file, "发布时间", layout) != nil else { return }
            if isAnnouncement { ledger.announcements[p] += 1 } else { ledger.briefings[p] += 1 }
        }
    }
}
