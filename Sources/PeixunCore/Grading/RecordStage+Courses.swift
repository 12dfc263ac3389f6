import Foundation

extension RecordStage {
    /// 课程学习记录: 身份证号, 课程名称, 模块, 学时, 完成时间. A large file is read
    /// in two parts on two threads; the later part's courses are merged after the
    /// earlier part's, so "the first counted row wins" holds exactly as in one pass.
    mutating func readCourses(_ reader: TableReader) throws -> Int {
        let file = reader.fileName, layout = reader.layout
        guard let parts = try reader.partitions(maxCount: 2, minimumBytes: parallelReadThreshold), parts.count == 2 else {
            var ledger = takeLedger(), names = courseNames
            defer { self.ledger = ledger; courseNames = names }
            return try reader.read { r in courseRow(r, file, layout, into: &ledger, names: &names) }
        }
        // Move the ledger to the first part without leaving a second reference to it
        // (a shared array would be copied on the first write).
        var taken = takeLedger()
        let first = PartWork(stage: self), second = PartWork(stage: self)
        swap(&first.stage.ledger, &taken)
        let persons = roster.persons.count
        let failures = PartFailures()
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            let work = k == 0 ? first : second
            var stage = work.stage
            work.stage = RecordStage(scheme: scheme, period: period, roster: RosterStage.Output())
            var names = ByteInterner()
            do {
                if k == 0 {
                    var ledger = stage.takeLedger()
                    names = stage.courseNames
                    work.count = try parts[0].read { r in stage.courseRow(r, file, layout, into: &ledger, names: &names) }
                    stage.ledger = ledger
                } else {
                    var list = CourseList(persons: persons)
                    work.count = try parts[1].read { r in stage.courseRow(r, file, layout, into: &list, names: &names) }
                    work.list = list
                }
            } catch {
                failures.record(error, part: k)
            }
            stage.courseNames = names
            work.stage = stage
        }
        if let failure = failures.first { throw failure }
        // The first part's state becomes ours; the second part's courses follow it.
        ledger = first.stage.takeLedger()
        courseNames = first.stage.courseNames
        anomalies = first.stage.anomalies
        let later = second.stage.courseNames
        var mapped = [Int32](repeating: 0, count: later.count)
        for id in 0..<later.count {
            var text = later.string(Int32(id))
            mapped[id] = text.withUTF8 { courseNames.id(of: $0) }
        }
        if var list = second.list {
            second.list = nil  // the only reference: its entries are freed as they are merged
            ledger.mergeCourses(&list, ids: mapped)
        }
        for var a in second.stage.anomalies.dropFirst(second.inherited) {
            if let line = a.line { a.line = line + first.count.lines }
            anomalies.append(a)
        }
        return first.count.records + second.count.records
    }

    /// Moves the ledger out (leaving an empty one), so that it is not copied on write.
    mutating func takeLedger() -> Ledger {
        let taken = ledger
        ledger = Ledger(persons: 0, modules: 0, activities: 0)
        return taken
    }

    /// One course row: checked, then counted into `sink` (the ledger, or a later part's list).
    mutating func courseRow<S: CourseSink>(_ r: Record, _ file: String, _ layout: TableLayout,
                                           into sink: inout S, names: inout ByteInterner) {
        guard let p = person(r, file) else { return }
        let moduleBytes = r.bytes(2)
        guard let m = moduleNames.firstIndex(where: { moduleBytes.equals($0) }) else {
            report(file, r.line, .unknownModule, "模块 '\(r.string(2))' 不在本项目的模块中")
            return
        }
        // Each cell is looked up and trimmed once.
        let name = r.bytes(1)
        if name.isEmpty {
            report(file, r.line, .missingValue, "课程名称 为空")
            return
        }
        // An empty 完成时间 is an unfinished course: it counts nothing.
        let finished = r.bytes(4)
        if finished.isEmpty { return }
        let hoursCell = r.bytes(3)
        let h: Hours?
        if hoursCell.isEmpty {
            report(file, r.line, .badNumber, "已完成课程的 学时 为空")
            return
        } else if r.isNumeric(3) {
            h = Hours.parse(utf8: Array(r.string(3).utf8))
        } else {
            h = Hours.parse(utf8: hoursCell)
        }
        guard var hours = h else {
            report(file, r.line, .badNumber, "学时 '\(r.string(3))' 不是非负数（只能是数字，可带小数）")
            return
        }
        if let perHour = layout.minutesPerHour {
            // Minutes: exact, since the loader only allows minutes per hour that divide 3600.
            guard let converted = Hours(minutes: hours, minutesPerHour: perHour) else {
                report(file, r.line, .badNumber, "学时 '\(r.string(3))' 分钟无法按每学时 \(perHour) 分钟精确换算")
                return
            }
            hours = converted
        }
        guard countedTime(r, 4, file, "完成时间", layout, cell: finished) != nil else { return }
        sink.addCourse(person: p, course: names.id(of: name), module: m, hours: hours.units)
    }
}

/// The first error of the parts read in parallel, in file order.
final class PartFailures: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [Int: Error] = [:]
    func record(_ error: Error, part: Int) { lock.lock(); errors[part] = error; lock.unlock() }
    var first: Error? { errors.keys.min().flatMap { errors[$0] } }
    /// The first error, its line (if any) made absolute from the lines of the parts before it.
    func first(lineOffsets lines: [Int]) -> Error? {
        guard let k = errors.keys.min(), let error = errors[k] else { return nil }
        guard var fatal = error as? FatalError, let line = fatal.line else { return error }
        fatal.line = line + lines[..<k].reduce(0, +)
        return fatal
    }
}

/// A part's working state while it is read on its own thread.
final class PartWork: @unchecked Sendable {
    var stage: RecordStage
    var list: CourseList?
    var count: (records: Int, lines: Int) = (0, 0)
    /// Anomalies the stage held before the parts started.
    let inherited: Int
    init(stage: RecordStage) {
        self.stage = stage
        inherited = stage.anomalies.count
    }
}
