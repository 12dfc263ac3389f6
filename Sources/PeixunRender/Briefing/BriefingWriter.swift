import Foundation
import PeixunCore

/// Writes the briefings of a graded programme:
/// `briefings/<区县>/<坊>.pdf` and `.md` for every 坊, and `summary.pdf` and
/// `summary.md` for the programme, under one output directory. The 坊 are
/// rendered in parallel on all cores (one PDF document per task).
public enum BriefingWriter {
    /// Writes everything under `directory` and returns the written paths,
    /// relative to it: each 坊's `.pdf` and `.md` in the order of
    /// `results.classes`, then `summary.pdf` and `summary.md`.
    /// `workers` defaults to the number of active cores.
    @discardableResult
    public static func write(results: Results, to directory: String, workers: Int? = nil) throws -> [String] {
        let output = try writeAll(results: results, to: directory, workers: workers)
        if let first = output.failures.first { throw first }
        return output.written
    }

    /// What `writeAll` wrote, and the 坊 whose PDF could not be drawn.
    public struct Output {
        /// Paths relative to the output directory.
        public var written: [String]
        /// The files of each 坊 (its `.pdf` if drawn, its `.md`), indexed like `results.classes`.
        public var classFiles: [[String]]
        public var failures: [BriefingError]
    }

    /// Like `write`, but a 坊 whose PDF cannot be drawn (say, a name with a
    /// character no installed font has) does not stop the others: its Markdown
    /// briefing is still written, and the failure is returned for the caller
    /// to report. A cron job at term end must not lose every briefing to one name.
    /// With `reuse`, a 坊 PDF and .md drawn by the previous run from the same facts are taken over
    /// (hard links), and so are `summary.pdf` and `summary.md`.
    public static func writeAll(results: Results, to directory: String, workers: Int? = nil,
                                reuse: OutputReuse? = nil) throws -> Output {
        let fm = FileManager.default
        let root = URL(fileURLWithPath: directory)
        var taken = Set<String>()
        let stems = results.classes.map {
            "briefings/" + BriefingPaths.stem(county: $0.county, className: $0.name, taken: &taken)
        }
        var folders = Set<String>()
        for s in stems { folders.insert(String(s[..<(s.lastIndex(of: "/") ?? s.endIndex)])) }
        do {
            try fm.createDirectory(at: root, withIntermediateDirectories: true)
            for f in folders.sorted() {
                try fm.createDirectory(at: root.appendingPathComponent(f), withIntermediateDirectories: true)
            }
        } catch {
            throw RenderError.output(path: directory, message: "cannot create the briefings folder: \(error.localizedDescription)")
        }

        let lookup = BriefingLookup(results: results)
        let issuer = results.scheme.programme.issuer
        let count = results.classes.count
        var base = ContentKey(RenderEnvironment.key)
        base.add("briefing v2")
        base.add(issuer)
        let rootPath = root.path + "/"
        let state = WorkState(count: count)
        let n = max(1, min(workers ?? ProcessInfo.processInfo.activeProcessorCount, max(count, 1)))
        DispatchQueue.concurrentPerform(iterations: n) { _ in
            while let i = state.next() {
                do {
                    let facts = ClassBriefingFacts(results: results, classIndex: i, lookup: lookup)
                    let path = rootPath + stems[i]
                    // The .md and the .pdf are drawn from the facts alone: one key for both.
                    var key = ContentKey(base)
                    key.add(facts.fieldBytes)
                    let digest = key.hex
                    if let reuse, reuse.takeOver(stems[i] + ".md", key: digest) {
                    } else {
                        try writeText(BriefingMarkdown.classBriefing(facts), to: path + ".md")
                        reuse?.record(stems[i] + ".md", key: digest)
                    }
                    if let reuse, reuse.takeOver(stems[i] + ".pdf", key: digest) { continue }
                    try ClassBriefingPDF.write(facts, issuer: issuer, to: path + ".pdf")
                    reuse?.record(stems[i] + ".pdf", key: digest)
                } catch {
                    state.fail(i, error)
                }
            }
        }
        let failures = state.failures.map { BriefingError(className: results.classes[$0.0].name, underlying: $0.1) }
        let failed = Set(state.failures.map(\.0))
        try writeSummary(ProgrammeSummaryFacts(results: results), to: rootPath, reuse: reuse)

        let classFiles = stems.enumerated().map { i, s in (failed.contains(i) ? [] : [s + ".pdf"]) + [s + ".md"] }
        return Output(written: classFiles.flatMap { $0 } + ["summary.pdf", "summary.md"], classFiles: classFiles,
                      failures: failures)
    }

    /// `summary.md` and `summary.pdf`, taken over from the previous run when drawn from the same facts.
    static func writeSummary(_ summary: ProgrammeSummaryFacts, to rootPath: String, reuse: OutputReuse?) throws {
        var key = ContentKey(RenderEnvironment.key)
        key.add("summary v1")
        key.add(summary.fieldBytes)
        let digest = key.hex
        if let reuse, reuse.takeOver("summary.md", key: digest) {
        } else {
            try writeText(BriefingMarkdown.summary(summary), to: rootPath + "summary.md")
            reuse?.record("summary.md", key: digest)
        }
        if let reuse, reuse.takeOver("summary.pdf", key: digest) { return }
        try ProgrammeSummaryPDF.write(summary, to: rootPath + "summary.pdf")
        reuse?.record("summary.pdf", key: digest)
    }

    static func writeText(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw RenderError.output(path: path, message: error.localizedDescription)
        }
    }
}

/// A 坊's briefing could not be written.
public struct BriefingError: Error, Sendable, CustomStringConvertible {
    public var className: String
    public var underlying: any Error & Sendable
    public var description: String { "briefing of 坊 \(className): \(underlying)" }
}

/// Hands out 坊 indices to the workers and keeps the failures.
private final class WorkState: @unchecked Sendable {
    private let lock = NSLock()
    private var cursor = 0
    private let count: Int
    private var failed: [(Int, any Error & Sendable)] = []

    init(count: Int) { self.count = count }

    func next() -> Int? {
        lock.withLock {
            guard cursor < count else { return nil }
            defer { cursor += 1 }
            return cursor
        }
    }

    func fail(_ index: Int, _ error: Error) {
        lock.withLock { failed.append((index, SendableError(error))) }
    }

    /// In 坊 order.
    var failures: [(Int, any Error & Sendable)] { lock.withLock { failed.sorted { $0.0 < $1.0 } } }
}

/// An error carried across threads by its description.
struct SendableError: Error, Sendable, CustomStringConvertible {
    let description: String
    init(_ error: Error) { description = "\(error)" }
}
