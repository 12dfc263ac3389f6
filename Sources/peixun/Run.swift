import ArgumentParser
import Foundation
import PeixunCore

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Grade an export and write every output into a folder (the term-end job).",
        discussion: """
            Writes into --out: results.json (the machine-readable results) and anomalies.csv
            (every input row that could not be used, with file, line and reason), plus the
            certificates, rosters and briefings. Everything is written into a staging folder first
            and moved into place at the end, so a failed run leaves the previous outputs untouched.
            Two runs on the same --out at once are refused. Safe to run from cron: quiet unless
            something needs attention, and a one-line summary at the end.
            """)

    @OptionGroup var options: GradingOptions

    @Option(name: .long, help: ArgumentHelp("The output folder (replaced as a whole at the end of a successful run).", valueName: "dir"))
    var out: String

    func run() throws {
        let staging = try Staging(out: out)
        let results = try options.grade()
        let started = Date()

        let json = try BufferedOutput(path: staging.path("results.json"))
        try ResultsJSON.write(results, to: json)
        try json.close()
        let anomalies = try BufferedOutput(path: staging.path("anomalies.csv"))
        AnomaliesCSV.write(results.anomalies, to: anomalies)
        try anomalies.close()

        try staging.commit()
        let passed = results.trainees.filter(\.passed).count
        Log.notice("\(results.scheme.programme.name): \(results.trainees.count) trainees, \(passed) passed; "
            + "\(results.tutors.count) tutors; \(results.anomalies.count) anomalies → \(out) "
            + String(format: "(outputs in %.1f s)", Date().timeIntervalSince(started)))
    }
}
