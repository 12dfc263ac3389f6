import ArgumentParser
import Foundation
import PeixunCore
import PeixunRender

struct PartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "part",
        abstract: "Draw one part of a run split with `run --parts N` (its whole 区县): one task of a Kubernetes Indexed Job, a Slurm array or GNU parallel.",
        discussion: """
            Reads OUT.parts/plan.json and batch.jsonl (written by `peixun run … --parts N`) and draws \
            the certificates of the 区县 the plan gives part K — per-person files and merged print \
            files — into OUT.parts/part-K/. Needs neither the key nor the registry, only the job \
            folder and the templates (which must be the ones the run planned with). Files the \
            previous outputs in --out already hold for the same inputs are taken over. Parts may \
            run in any order, at once, on different machines; running a part again replaces it. \
            When every part is done, `peixun assemble --out OUT` puts the outputs in place.
            """)

    @Argument(help: ArgumentHelp("This part and the number of parts, e.g. 2/4 (1-based).", valueName: "K/N"))
    var part: String

    @Option(name: .long, help: ArgumentHelp("The output folder the run was split for (its job folder is OUT.parts).", valueName: "dir"))
    var out: String

    @Option(name: .long, help: ArgumentHelp("Certificate templates folder, searched first (as for run).", valueName: "dir"))
    var templates: String?

    @Option(name: .long, help: ArgumentHelp("Extra fonts folder (as for run).", valueName: "dir"))
    var fonts: String?

    @Flag(name: .long, help: "Draw every file again instead of taking over unchanged files of the previous outputs.")
    var redraw = false

    @Option(name: .long, help: "Drawing threads (default: every core; with several parts on one machine, cores ÷ parts).")
    var workers: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard PartsJob.parsePart(part) != nil else { throw ValidationError("K/N: two numbers with 1 ≤ K ≤ N, e.g. 2/4") }
        guard workers >= 1 else { throw ValidationError("--workers must be at least 1") }
    }

    func run() throws {
        let started = Date()
        let (k, n) = PartsJob.parsePart(part)!
        let job = PartsJob(out: out)
        let plan = try job.readPlan()
        guard plan.parts == n else {
            throw RunFailure(message: "part \(part): the run was split into \(plan.parts) parts (\(job.planFile.path)), not \(n)")
        }
        guard let mode = PartsJob.mode(plan.mode) else { throw RunFailure(message: "\(job.planFile.path): unknown mode \(plan.mode)") }
        let options = try CertificateOptions.parse((templates.map { ["--templates", $0] } ?? []) + (fonts.map { ["--fonts", $0] } ?? []))
        let renderer = try options.renderer()
        guard renderer.templatesDigest(mode: mode) == plan.templatesDigest else {
            throw RunFailure(message: "part \(part): these templates (or their images) are not the ones the run planned with; "
                + "give this part the same --templates as the run")
        }
        let batch = try PrintBatch.read(path: job.batch.path)
        guard batch.digest == plan.batchDigest else {
            throw RunFailure(message: "\(job.batch.path) is not the batch of \(job.planFile.path): run `peixun run … --parts \(n)` again")
        }
        let mine = batch.certificates.filter { plan.counties[$0.county] == k }

        // Drawn beside, then renamed into place: a part killed half-way leaves no part-K/.
        let fm = FileManager.default
        let target = job.part(k)
        let staging = job.folder.appendingPathComponent(".part-\(k).staging-\(getpid())")
        try? fm.removeItem(at: staging)
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        var committed = false
        defer { if !committed { try? fm.removeItem(at: staging) } }
        let previous = URL(fileURLWithPath: out).standardizedFileURL.path
        let reuse = OutputReuse(previousRoot: redraw ? nil : previous, root: staging.path)
        let summary = try options.draw(mine, with: renderer, mode: mode, into: staging.path, reuse: reuse, workers: workers)
        try reuse.writeManifest()
        let report = PartsJob.PartReport(part: k, batchDigest: plan.batchDigest, personFiles: summary.personFiles,
                                         mergedFiles: summary.mergedFiles, failures: summary.failures.map(\.description),
                                         reused: summary.reused)
        try PartsJob.write(report, to: staging.appendingPathComponent("part.json"))
        try? fm.removeItem(at: target)
        guard rename(staging.path, target.path) == 0 else {
            throw RunFailure(message: "\(target.path): cannot move the part in place: \(String(cString: strerror(errno)))")
        }
        committed = true
        let counties = plan.counties.filter { $0.value == k }.count
        Log.notice("part \(k)/\(n): \(counties) 区县, \(mine.count) certificates, \(summary.personFiles.count) per-person and "
            + "\(summary.mergedFiles.count) print files (\(summary.reused) taken over unchanged)"
            + (summary.failures.isEmpty ? "" : ", \(summary.failures.count) NOT drawn (see warnings)")
            + " → \(target.path) " + String(format: "(%.1f s)", Date().timeIntervalSince(started)))
    }
}
