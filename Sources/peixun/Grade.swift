import ArgumentParser
import PeixunCore

struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade an export and print the results (JSON or CSV) on standard output.",
        discussion: """
            Computes every trainee's points, total, pass/fail and rank and every tutor's assessment, \
            and prints them. Nothing is written to disk. JSON is the results.json of the contract; \
            CSV is one row per trainee, then one row per tutor, for a quick look in a spreadsheet.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv }

    @OptionGroup var options: GradingOptions

    @Option(name: .long, help: "Output format: json or csv.")
    var format: Format = .json

    @OptionGroup var registry: RegistryLookup

    func run() throws {
        var results = try options.grade()
        try registry.fill(&results)
        let out = BufferedOutput.standardOutput()
        switch format {
        case .json: try ResultsJSON.write(results, to: out)
        case .csv: try ResultsCSV.write(results, to: out)
        }
        try out.flush()
        // The process ends here: freeing a million results first would only cost time.
        _ = Unmanaged.passRetained(Kept(results))
    }
}

/// A value kept to the end of the process on purpose (`Unmanaged.passRetained`).
final class Kept<Value> {
    let value: Value
    init(_ value: Value) { self.value = value }
}
