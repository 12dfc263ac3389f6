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
        let state = WorkState(count: count)
        let n = max(1, min(workers ?? ProcessInfo.processInfo.activeProcessorCount, max(count, 1)))
        DispatchQueue.concurrentPerform(iterations: n) { _ in
            while let i = state.next() {
                do {
                    let facts = ClassBriefingFacts(results: results, classIndex: i, lookup: lookup)
                    let base = root.appendingPathComponent(stems[i]).path
                    try writeText(BriefingMarkdown.classBriefing(facts), to: base + ".md")
                    try ClassBriefingPDF.write(facts, issuer: issuer, to: base + ".pdf")
                } catch {
                    state.fail(i, error)
                }
            }
        }
        if let (i, error) = state.firstFailure {
            throw BriefingError(className: results.classes[i].name, underlying: error)
        }

        let summary = ProgrammeSummaryFacts(results: results)
        try writeText(BriefingMarkdown.summary(summary), to: root.appendingPathComponent("summary.md").path)
        try ProgrammeSummaryPDF.write(summary, to: root.appendingPathComponent("summary.pdf").path)

        var written: [String] = []
        written.reserveCapacity(2 * count + 2)
        for s in stems { written.append(s + ".pdf"); written.append(s + ".md") }
        written += ["summary.pdf", "summary.md"]
        return written
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
public struct BriefingError: Error, CustomStringConvertible {
    public var className: String
    public var underlying: Error
    public var description: String { "briefing of 坊 \(className): \(underlying)" }
}

/// Hands out 坊 indices to the workers and keeps the first failure.
private final class WorkState: @unchecked Sendable {
    private let lock = NSLock()
    private var cursor = 0
    private let count: Int
    private var failure: (Int, Error)?

    init(count: Int) { self.count = count }

    func next() -> Int? {
        lock.withLock {
            guard cursor < count, failure == nil else { return nil }
            defer { cursor += 1 }
            return cursor
        }
    }

    func fail(_ index: Int, _ error: Error) {
        lock.withLock {
            if let f = failure, f.0 <= index { return }
            failure = (index, error)
        }
    }

    var firstFailure: (Int, Error)? { lock.withLock { failure } }
}
