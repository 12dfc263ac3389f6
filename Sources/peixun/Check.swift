import ArgumentParser
import PeixunCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate an export: list every row that cannot be used, and why.",
        discussion: """
            Reads the whole export as 'grade' does and prints each anomaly (file, line, kind, message) \
            on standard output. Exit status 0 when nothing is fatal, even if anomalies were found; \
            1 when the export cannot be graded at all (missing file or column, duplicate roster ID, \
            unreadable file), with the reason on stderr.

            \(PersonalDataFiles.explanation)
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json }

    @OptionGroup var options: GradingOptions

    @Option(name: .long, help: "Output format: text (one line per anomaly), csv or json.")
    var format: Format = .text

    func run() throws {
        let results = try options.grade()
        let out = BufferedOutput.standardOutput()
        switch format {
        case .text:
            for a in results.anomalies { out.write(AnomaliesCSV.text(a) + "\n") }
            for a in results.notices { out.write("notice: " + AnomaliesCSV.text(a) + "\n") }
            let rows = results.inputs.map { "\($0.file) \($0.rows)" }.joined(separator: ", ")
            out.write("\(results.anomalies.count) anomalies, \(results.notices.count) notices; rows read: \(rows)\n")
            out.write("note: a run writes full ID numbers only where they are needed — results.json (other programs), "
                + "rosters/*.xlsx (the education bureau), registry.sqlite (certificate numbers) — 0640 in 0750 folders; "
                + "certificates, briefings and pages show them masked.\n")
        case .csv:
            AnomaliesCSV.write(results.anomalies, notices: results.notices, to: out)
        case .json:
            out.write("{\"anomalies\":[" + results.anomalies.map(ResultsJSON.anomaly).joined(separator: ",\n")
                + "],\n\"notices\":[" + results.notices.map(ResultsJSON.anomaly).joined(separator: ",\n") + "]}\n")
        }
        try out.flush()
    }
}
