import ArgumentParser
import Foundation
import PeixunCore
import PeixunRegistry
import PeixunRender
import PeixunWorkbook

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Grade an export and write every output into a folder (the term-end job).",
        discussion: """
            Writes into --out: results.json (the machine-readable results), anomalies.csv (every \
            input row that could not be used, with file, line and reason), registry.sqlite (the \
            certificate registry: numbers stay the same on every rerun), changes.txt / changes.json \
            (what changed since the previous run), and the certificates, rosters and briefings. \
            Everything is written into a staging folder first and moved into place at the end, so a \
            failed run leaves the previous outputs untouched. Two runs on the same --out at once are \
            refused. Safe to run from cron: quiet unless something needs attention, and a one-line \
            summary at the end. With --as-of (mid-term) no certificate is issued or revoked.
            """)

    @OptionGroup var options: GradingOptions

    @Option(name: .long, help: ArgumentHelp("The output folder (replaced as a whole at the end of a successful run).", valueName: "dir"))
    var out: String

    @OptionGroup var certificates: CertificateOptions

    @Option(name: .long, help: "Rosters: none, or county to add one workbook per 区县.")
    var split: RosterOptions.Split = .none

    func run() throws {
        let staging = try Staging(out: out)
        var results = try options.grade()
        let started = Date()

        var changesLine = "mid-term: no certificates issued"
        if !results.isMidTerm {
            let key = try certificates.keyForRun(out: out)  // the pinned key, checked before anything is written
            let registryPath = staging.path("registry.sqlite")
            let registry = try CertificateRegistry(path: registryPath, copying: staging.previous("registry.sqlite"))
            let changes = try registry.reconcile(results: &results, runTime: Date(), key: key, keyPath: certificates.absoluteKeyPath)
            chmod(registryPath, 0o600)  // it holds full ID numbers
            try changes.write(to: staging.staging)
            Log.info(changes.summaryText)
            changesLine = "certificates: \(changes.issued.count) issued, \(changes.revoked.count) revoked"
            if let site = try VerifySitePublishing.publish(registry, results: results, into: staging.path("verify")) {
                changesLine += ", verification site \(site.records) records"
            }
            if !certificates.skipCertificates {
                let drawn = try certificates.write(results, registry: registry, key: key, into: staging.path(""))
                changesLine += ", \(drawn.personFiles.count) drawn"
                if !drawn.failures.isEmpty { changesLine += ", \(drawn.failures.count) NOT drawn (see warnings)" }
            }
        }

        let json = try BufferedOutput(path: staging.path("results.json"))
        try ResultsJSON.write(results, to: json)
        try json.close()
        let anomalies = try BufferedOutput(path: staging.path("anomalies.csv"))
        AnomaliesCSV.write(results.anomalies, notices: results.notices, to: anomalies)
        try anomalies.close()
        for path in try RosterWriter.write(results: results, to: staging.path("rosters"), options: RosterOptions(split: split)) {
            Log.info("wrote \(path)")
        }
        do {
            let output = try BriefingWriter.writeAll(results: results, to: staging.path(""))
            Log.info("wrote \(output.written.count) briefing and summary files")
            for failure in output.failures { Log.warning("briefing PDF not drawn (its .md was written): \(failure)") }
        } catch {
            throw RunFailure(message: "briefings: \(error)")
        }

        try staging.commit()
        let passed = results.trainees.filter(\.passed).count
        Log.notice("\(results.scheme.programme.name): \(results.trainees.count) trainees, \(passed) passed; "
            + "\(results.tutors.count) tutors; \(results.anomalies.count) anomalies; \(changesLine) → \(out) "
            + String(format: "(outputs in %.1f s)", Date().timeIntervalSince(started)))
    }
}
