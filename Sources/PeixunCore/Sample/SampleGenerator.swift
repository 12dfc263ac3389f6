import Dispatch
import Foundation

/// Writes a deterministic, realistic synthetic platform export (the five
/// CONTRACT §3 files) for `people` persons: Xuchang counties and schools,
/// valid unique 身份证号, 坊 of 20–60 trainees with one tutor each, study
/// records shaped like a real term (most pass, some fall short), and a
/// handful (≈0.1% of course rows) of deliberate anomalies.
///
/// The same scheme, people count and seed give byte-identical files. Rows are
/// generated in blocks on all cores and streamed to the files in order, so
/// memory stays bounded at any size.
public struct SampleGenerator: Sendable {
    /// The export's file names and header rows, in writing order.
    public static let files: [(name: String, header: [String])] = [
        ("roster.csv", ["身份证号", "姓名", "性别", "区县", "单位", "学段", "学科", "坊", "角色"]),
        ("courses.csv", ["身份证号", "课程名称", "模块", "学时", "完成时间"]),
        ("activities.csv", ["身份证号", "活动名称", "状态", "完成时间"]),
        ("homework.csv", ["身份证号", "作业名称", "提交时间", "批阅等级", "推优"]),
        ("tutor_posts.csv", ["身份证号", "类型", "标题", "发布时间", "坊"]),
    ]

    /// The most people one sample can hold with unique IDs and some headroom.
    public static let maximumPeople = 5_000_000

    public let scheme: Scheme
    public let people: Int
    public let seed: UInt64
    /// People per block (a unit of work for one thread); does not change the output.
    public var blockSize = 2048
    /// Threads generating blocks; does not change the output.
    public var threads = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))

    public init(scheme: Scheme, people: Int, seed: UInt64) {
        self.scheme = scheme; self.people = people; self.seed = seed
    }

    /// Writes the five files into `directory`, creating it. Refuses a folder
    /// that already holds anything unless `overwrite`; then the five files are
    /// replaced, other tables of an export (`学员名单.xlsx`, `courses.xlsx` …)
    /// removed, and unrelated files kept. Files are written under temporary
    /// names and renamed when all are complete.
    public func write(to directory: String, overwrite: Bool = false) throws -> SampleSummary {
        guard people >= 1 && people <= SampleGenerator.maximumPeople else {
            throw SampleError.peopleOutOfRange(people, maximum: SampleGenerator.maximumPeople)
        }
        try SampleGenerator.prepare(directory: directory, overwrite: overwrite)

        let context = SampleContext(scheme: scheme, people: people, seed: seed)
        var outputs: [SampleOutputFile] = []
        do {
            for file in SampleGenerator.files {
                let out = try SampleOutputFile(directory: directory, name: file.name)
                try out.write(CSVBytes.row(file.header))
                outputs.append(out)
            }
            var counts = SampleCounts()
            let blockSize = max(1, self.blockSize)
            let blocks = (people + blockSize - 1) / blockSize
            // A wave of blocks is generated in parallel, then written in order;
            // the wave's buffers are reused, so memory stays at one wave.
            let wave = min(blocks, max(1, threads) * 2)
            let slots = UnsafeMutablePointer<SampleBlock>.allocate(capacity: wave)
            slots.initialize(repeating: SampleBlock(), count: wave)
            defer { slots.deinitialize(count: wave); slots.deallocate() }
            var first = 0
            while first < blocks {
                let count = min(wave, blocks - first)
                let start = first
                DispatchQueue.concurrentPerform(iterations: count) { k in
                    let b = start + k
                    var writer = SampleBlockWriter(context: context)
                    writer.generate((b * blockSize)..<min(people, (b + 1) * blockSize), into: &slots[k])
                }
                for k in 0..<count {
                    let block = slots[k]
                    try outputs[0].write(block.roster.bytes)
                    try outputs[1].write(block.courses.bytes)
                    try outputs[2].write(block.activities.bytes)
                    try outputs[3].write(block.homework.bytes)
                    try outputs[4].write(block.posts.bytes)
                    counts.add(block.counts)
                }
                first += count
            }
            if overwrite { try SampleGenerator.removeOtherExports(in: directory) }
            for out in outputs { try out.finish() }
            let rows = [counts.rosterRows, counts.courseRows, counts.activityRows, counts.homeworkRows, counts.postRows]
            let kindNames = ["unknown_module", "bad_hours", "out_of_period", "unknown_id"]
            return SampleSummary(
                people: counts.rosterRows, classes: context.layout.classes.count, trainees: counts.trainees,
                tutors: counts.tutors, tutorTrainees: counts.tutorTrainees,
                rows: Dictionary(uniqueKeysWithValues: zip(SampleGenerator.files.map(\.name), rows)),
                anomalies: Dictionary(uniqueKeysWithValues: zip(kindNames, counts.anomalies)),
                bytes: outputs.reduce(0) { $0 + $1.bytesWritten },
                files: outputs.map(\.finalPath))
        } catch {
            for out in outputs { out.discard() }
            throw error
        }
    }

    /// Base names another export's tables may carry (CONTRACT §3): with
    /// `--force` these go, so the folder does not end up with two files for one table.
    static let tableBaseNames: Set<String> = [
        "roster", "courses", "activities", "homework", "tutor_posts",
        "学员名单", "课程学习记录", "研修活动", "研修作业", "坊主工作",
    ]

    private static func removeOtherExports(in directory: String) throws {
        let fm = FileManager.default
        let ours = Set(files.map(\.name))
        for entry in (try? fm.contentsOfDirectory(atPath: directory)) ?? [] where !ours.contains(entry) {
            let ext = (entry as NSString).pathExtension.lowercased()
            let base = (entry as NSString).deletingPathExtension
            guard (ext == "csv" || ext == "xlsx") && tableBaseNames.contains(base) else { continue }
            let path = (directory as NSString).appendingPathComponent(entry)
            do {
                try fm.removeItem(atPath: path)
            } catch {
                throw SampleError.writeFailed(path: path, reason: "cannot remove the old table: \(error.localizedDescription)")
            }
        }
    }

    private static func prepare(directory: String, overwrite: Bool) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw SampleError.notADirectory(directory) }
            let entries = (try? fm.contentsOfDirectory(atPath: directory)) ?? []
            if !entries.isEmpty && !overwrite { throw SampleError.directoryNotEmpty(directory) }
        } else {
            do {
                try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw SampleError.writeFailed(path: directory, reason: error.localizedDescription)
            }
        }
    }
}
