import ArgumentParser
import Foundation
import PeixunCore
import PeixunOverview
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
            refused. Files with full ID numbers (results.json, rosters/, registry.sqlite) are 0640 \
            in 0750 folders whatever the umask; --group names the staff group that may read them. \
            Safe to run from cron: quiet unless something needs attention, and a one-line \
            summary at the end. With --as-of (mid-term) no certificate is issued or revoked. \
            A rerun takes over every certificate, briefing and roster workbook of the previous \
            outputs whose inputs did not change (the data drawn, the template and image files, the fonts, the \
            libraries and Peixun's own binary: .peixun-drawn lists each file's key) and draws only \
            the rest; the outputs are the same bytes as a full redraw (--redraw).
            """)

    @OptionGroup var options: GradingOptions

    @Option(name: .long, help: ArgumentHelp("The output folder (replaced as a whole at the end of a successful run).", valueName: "dir"))
    var out: String

    @OptionGroup var certificates: CertificateOptions

    @Option(name: .long, help: "Rosters: none, or county to add one workbook per 区县.")
    var split: RosterOptions.Split = .none

    @OptionGroup var group: OutputGroup

    @Flag(name: .long, help: "Draw every certificate and briefing and write every roster again instead of taking over the previous run's unchanged files.")
    var redraw = false

    @Option(name: .long, help: ArgumentHelp("Write each stage's wall time and peak memory (tab-separated) to this file.", valueName: "file"))
    var timings: String?

    @Option(name: .long, help: ArgumentHelp("Grade, number and write everything but the certificates into OUT.parts/, split the drawing into N parts by whole 区县 (`peixun part K/N`, on any machine), and leave --out as it is until `peixun assemble`.", valueName: "N"))
    var parts: Int?

    func validate() throws {
        if let parts, !(1...1000).contains(parts) { throw ValidationError("--parts must be between 1 and 1000") }
        if parts != nil && certificates.skipCertificates { throw ValidationError("--parts splits the drawing of certificates: not with --no-certificates") }
    }

    func run() throws {
        let clock = StageClock()
        let staging = try Staging(out: out, group: group.gid)
        var results = try options.grade()
        clock.mark("grading")
        let started = Date()
        let reuse = OutputReuse(previousRoot: redraw ? nil : staging.previous(""), root: staging.path(""))

        var changesLine = "mid-term: no certificates issued"
        var changes: RegistryChanges?
        var job: PartsJob?, plan: PartsJob.Plan?
        if parts != nil && results.isMidTerm { throw RunFailure(message: "--parts: a mid-term run (--as-of) issues no certificates to draw") }
        var drawn: CertificateOutputSummary?
        var registry: CertificateRegistry?, key: VerificationKey?
        let runKey = results.isMidTerm ? nil : try certificates.keyForRun(out: out)  // the pinned key, checked before anything is written

        // The briefings name no certificate: they are written on their own thread from here on,
        // beside the registry and then the certificates. results.json and the rosters, which
        // hold the certificate numbers, start once the registry has them.
        try certificates.registerFonts()  // before any thread draws
        let side = SideStages()
        let briefingsOut = SideResult<BriefingWriter.Output>()
        let gradedBeforeRegistry = results
        side.start("briefings") {
            do {
                briefingsOut.value = try BriefingWriter.writeAll(results: gradedBeforeRegistry, to: staging.path(""), reuse: reuse)
            } catch {
                throw RunFailure(message: "briefings: \(error)")
            }
        }
        do {
            if let runKey {
                let registryPath = staging.path("registry.sqlite")
                let opened = try CertificateRegistry(path: registryPath, copying: staging.previous("registry.sqlite"))
                let reconciled = try opened.reconcile(results: &results, runTime: Date(), key: runKey, keyPath: certificates.absoluteKeyPath)
                changes = reconciled
                chmod(registryPath, 0o600)  // it holds full ID numbers
                try reconciled.write(to: staging.staging)
                Log.info(reconciled.summaryText)
                changesLine = "certificates: \(reconciled.issued.count) issued, \(reconciled.revoked.count) revoked"
                clock.mark("registry")
                if let site = try VerifySitePublishing.publish(opened, results: results, into: staging.path("verify"),
                                                                previousCache: redraw ? nil : staging.previous(VerifySitePublishing.cacheName),
                                                                cache: staging.path(VerifySitePublishing.cacheName)) {
                    changesLine += ", verification site \(site.records) records (\(site.derived) keys derived)"
                }
                clock.mark("verification site")
                registry = opened; key = runKey
            }
        } catch {
            _ = try? side.join()  // nothing may still write into the staging folder as it goes
            throw error
        }

        // From here on the results are only read: results.json and the rosters are written on
        // their own threads, beside the briefings, while the certificates are drawn.
        let graded = results
        let rosters = SideResult<[String]>()
        side.start("results.json, anomalies.csv") {
            let json = try BufferedOutput(personalDataAt: staging.path("results.json"))
            try ResultsJSON.write(graded, to: json)
            try json.close()
            let anomalies = try BufferedOutput(path: staging.path("anomalies.csv"))
            AnomaliesCSV.write(graded.anomalies, notices: graded.notices, to: anomalies)
            try anomalies.close()
        }
        // The 区县 whose people the registry saw change (a name, a number, pass or 优秀): their
        // rosters show it, so they are written without first asking whether they changed.
        let changedCounties = changes?.counties
        side.start("rosters") { [split] in
            // A workbook whose content key (every call its writing would make, libxlsxwriter's
            // version, Peixun's binary) is unchanged is taken over from the previous run.
            let options = RosterOptions(split: split), folder = staging.path("rosters")
            try RosterWriter.makeFolder(folder)
            var paths: [String] = []
            for workbook in try RosterWriter.workbooks(of: graded, options: options) {
                var key = ContentKey(RenderEnvironment.key)
                let relative = "rosters/" + workbook.fileName
                if reuse.hasPrevious(relative) && !(changedCounties.map(workbook.showsAnyone(in:)) ?? false) {
                    key.add(try RosterWriter.contentKey(workbook, options: options))
                    if reuse.takeOver(relative, key: key.hex) {
                        chmod(staging.path(relative), PersonalDataFiles.effectiveFileMode)  // full ID numbers
                        Log.info("\(relative): unchanged since the previous run, taken over")
                        paths.append(staging.path(relative))
                        continue
                    }
                    paths.append(try RosterWriter.write(workbook, into: folder, options: options))
                } else {
                    // Nothing to take over, or certainly changed: written and keyed in one pass.
                    let written = try RosterWriter.writeWithKey(workbook, into: folder, options: options)
                    key.add(written.key)
                    paths.append(written.path)
                }
                reuse.record(relative, key: key.hex)
            }
            rosters.value = paths
        }
        do {
            if let registry, let key, let parts {
                let planned = try prepareParts(parts, results: graded, registry: registry, key: key)
                job = planned.job; plan = planned.plan; drawn = planned.files
                changesLine += ", \(planned.files.personFiles.count) to draw in \(parts) parts"
            } else if let registry, let key, !certificates.skipCertificates {
                let summary = try certificates.write(graded, registry: registry, key: key, into: staging.path(""),
                                                     reuse: reuse, clock: clock)
                drawn = summary
                changesLine += summary.reused > 0
                    ? ", \(summary.personFiles.count) certificates (\(summary.reused) files unchanged since the previous run taken over, the rest drawn)"
                    : ", \(summary.personFiles.count) drawn"
                clock.mark("certificates: templates, codes, folders")
                if !summary.failures.isEmpty { changesLine += ", \(summary.failures.count) NOT drawn (see warnings)" }
            }
        } catch {
            _ = try? side.join()  // nothing may still write into the staging folder as it goes
            throw error
        }
        let sideTimes = try side.join()
        clock.mark("waiting for the stages beside the certificates")
        for stage in sideTimes { clock.addBeside(stage.name, seconds: stage.seconds) }
        let rosterFiles = rosters.value ?? []
        for path in rosterFiles { Log.info("wrote \(path)") }
        guard let briefings = briefingsOut.value else { throw RunFailure(message: "briefings: not written") }
        Log.info("wrote \(briefings.written.count) briefing and summary files")
        for failure in briefings.failures { Log.warning("briefing PDF not drawn (its .md was written): \(failure)") }

        var files = RunOverview.Files(certificates: drawn, briefings: briefings,
                                      rosters: rosterFiles.map { "rosters/" + ($0 as NSString).lastPathComponent })
        if FileManager.default.fileExists(atPath: staging.path("verify/index.html")) {
            files.files.append(RunOverview.Link(label: "证书查验网站 verify/（发布到网站即可扫码查验）", path: "verify/index.html"))
        }
        try OverviewWriter.write(RunOverview(results: results, files: files, changes: changes.map(RunOverview.Changes.init)),
                                 to: staging.path(""))
        clock.mark("overview page")

        try reuse.writeManifest()
        let passed = results.trainees.filter(\.passed).count
        let line = "\(results.scheme.programme.name): \(results.trainees.count) trainees, \(passed) passed; "
            + "\(results.tutors.count) tutors; \(results.anomalies.count) anomalies; \(changesLine)"
        if let job, var plan {
            try staging.hand(to: job.base)
            plan.summary = line
            try PartsJob.write(plan, to: job.planFile)
            Log.notice(line + " → \(job.folder.path); now `peixun part K/\(plan.parts) --out \(out)` for every K "
                + "from 1 to \(plan.parts) (in parallel, on any machine that sees the folder), then `peixun assemble --out \(out)`")
            return
        }
        try staging.commit()
        clock.mark("commit")
        if let timings { try Data(clock.text.utf8).write(to: URL(fileURLWithPath: timings), options: .atomic) }
        Log.notice(line + " → \(out) " + String(format: "(outputs in %.1f s)", Date().timeIntervalSince(started)))
    }

    /// `--parts N`: the print batch and the plan into the job folder; the files the parts will
    /// draw, for the overview page.
    private func prepareParts(_ parts: Int, results: Results, registry: CertificateRegistry,
                              key: VerificationKey) throws -> (job: PartsJob, plan: PartsJob.Plan, files: CertificateOutputSummary) {
        let renderer = try certificates.renderer()
        let data = try certificates.printBatch(results, registry: registry, key: key)
        let job = PartsJob(out: out)
        try job.reset()
        let digest = try PrintBatch.write(data, to: job.batch.path)
        let plan = PartsJob.Plan(parts: parts, batchDigest: digest, mode: PartsJob.modeText(certificates.mode),
                                 templatesDigest: renderer.templatesDigest(mode: certificates.mode),
                                 counties: PrintParts.assign(data, parts: parts).mapValues { $0 + 1 }, summary: "")
        return (job, plan, CertificateRenderer.plannedFiles(data))
    }
}
