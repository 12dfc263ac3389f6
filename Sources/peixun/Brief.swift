import ArgumentParser
import Foundation
import PeixunCore
import PeixunRender

struct BriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "Write the per-坊 briefings (研修简报) and the programme summary (培训总结).",
        discussion: """
            Grades the export exactly as `run` does and writes, into --out:
              briefings/<区县>/<坊>.pdf and .md   one briefing per 坊: key figures, charts, the tutor's
                                                assessment item by item, 优秀学员, 推优作业, and who has
                                                not passed yet with exactly what each still lacks
              summary.pdf, summary.md            the programme's figures by 区县, 学段 and 学科
            The .md files are short enough to paste into a QQ or WeChat group; they carry names, never
            ID numbers. Mid-term: with --as-of YYYY-MM-DD records after that day are ignored (the same
            grading, cut at that day) and the briefings show the days left in the period, so tutors can
            chase trainees while there is still time. --out is replaced as a whole when all succeeded.
            """)

    @OptionGroup var options: GradingOptions

    @Option(name: .long, help: ArgumentHelp("The output folder for the briefings (replaced at the end of a successful run).", valueName: "dir"))
    var out: String

    @Option(name: .long, help: ArgumentHelp("Parallel rendering tasks (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
    }

    func run() throws {
        let staging = try Staging(out: out)
        let results = try options.grade()
        let started = Date()
        let written: [String]
        do {
            let output = try BriefingWriter.writeAll(results: results, to: staging.staging.path, workers: jobs)
            for failure in output.failures { Log.warning("briefing PDF not drawn (its .md was written): \(failure)") }
            written = output.written
        } catch {
            throw RunFailure(message: "briefings: \(error)")
        }
        try staging.commit()
        let seconds = Date().timeIntervalSince(started)
        let classes = results.classes.count
        Log.notice("\(classes) 坊 briefings and the summary (\(written.count) files) → \(out) "
            + String(format: "in %.1f s (%.0f briefings/s)", seconds, Double(classes) / max(seconds, 0.001))
            + (results.isMidTerm ? "; data as of \(results.dataDate)" : ""))
    }
}
