import Foundation
import Testing
@testable import PeixunRender
import PeixunCore

/// Briefings per second on a large synthetic programme (run by
/// bench/briefings.sh): `PEIXUN_BENCH_PEOPLE=1000000 swift test -c release --filter BriefingBenchmark`.
/// 坊 of 50 学员; writes into $PEIXUN_BENCH_OUT (default a temporary folder).
@Suite struct BriefingBenchmark {
    static let people = ProcessInfo.processInfo.environment["PEIXUN_BENCH_PEOPLE"].flatMap(Int.init)

    @Test(.enabled(if: people != nil)) func briefingsPerSecond() throws {
        let people = try #require(Self.people)
        let perClass = 50
        let classes = max(1, people / perClass)
        var t0 = Date()
        let results = try SyntheticResults.make(classes: classes, perClass: perClass, seed: 42)
        let makeSeconds = Date().timeIntervalSince(t0)
        let env = ProcessInfo.processInfo.environment
        let out: String
        if let o = env["PEIXUN_BENCH_OUT"] { out = o } else { out = try temporaryDirectory("bench").path }
        let cores = ProcessInfo.processInfo.activeProcessorCount

        t0 = Date()
        let facts = ClassBriefingFacts.all(results: results)
        let factsSeconds = Date().timeIntervalSince(t0)
        t0 = Date()
        var mdBytes = 0
        for f in facts { mdBytes += BriefingMarkdown.classBriefing(f).utf8.count }
        let mdSeconds = Date().timeIntervalSince(t0)

        print("facts \(factsSeconds) s, markdown \(mdSeconds) s; writing \(classes) briefings to \(out) …")
        t0 = Date()
        let written = try BriefingWriter.write(results: results, to: out, workers: cores)
        let allSeconds = Date().timeIntervalSince(t0)
        print(String(format: "write all: %.2f s, %.1f briefings/s on %d cores", allSeconds, Double(classes) / allSeconds, cores))
        #expect(written.count == 2 * classes + 2)

        // One core, on a slice, for the per-core figure.
        let sliceClasses = min(classes, 200)
        var slice = results
        slice.classes = Array(results.classes.prefix(sliceClasses))
        t0 = Date()
        try BriefingWriter.write(results: slice, to: out + "-one-core", workers: 1)
        let oneSeconds = Date().timeIntervalSince(t0)

        var pages = 0, bytes = 0
        var sampled = 0
        for p in written.prefix(40) where p.hasSuffix(".pdf") && p.hasPrefix("briefings/") {
            let path = out + "/" + p
            guard let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int else { continue }
            bytes += size
            pages += try pageCount(path)
            sampled += 1
        }
        let report = """
            people              \(results.trainees.count) 学员 + \(results.tutors.count) 坊主 in \(classes) 坊 of \(perClass)
            synthetic results   \(String(format: "%.2f", makeSeconds)) s
            facts (all 坊)      \(String(format: "%.2f s, %.0f 坊/s", factsSeconds, Double(classes) / factsSeconds))
            markdown (all 坊)   \(String(format: "%.2f s, %.0f 坊/s, %.1f KB each", mdSeconds, Double(classes) / mdSeconds, Double(mdBytes) / Double(classes) / 1024))
            write all, \(cores) cores   \(String(format: "%.2f s, %.1f briefings/s (PDF+MD, facts included, + summary)", allSeconds, Double(classes) / allSeconds))
            write, 1 core       \(String(format: "%.2f s for %d 坊, %.1f briefings/s", oneSeconds, sliceClasses, Double(sliceClasses) / oneSeconds))
            PDF sample          \(sampled) files: \(String(format: "%.1f", Double(pages) / Double(max(sampled, 1)))) pages and \(bytes / max(sampled, 1) / 1024) KB each
            """
        print(report)
        if let file = env["PEIXUN_BENCH_REPORT"] { try Data((report + "\n").utf8).write(to: URL(fileURLWithPath: file)) }
    }
}
