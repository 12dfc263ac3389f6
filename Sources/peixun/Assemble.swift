import ArgumentParser
import Foundation
import PeixunCore
import PeixunRender

struct AssembleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assemble",
        abstract: "Put a run split with `run --parts N` together: the outputs and every part's certificates replace --out.",
        discussion: """
            Checks that every part of OUT.parts/plan.json is done and drew from the same print batch, \
            moves base/ and each part's certificates into a staging folder, and swaps it in place of \
            --out as `run` does (a failed assemble leaves the previous outputs intact). The job \
            folder is deleted at the end. The outputs are the same bytes as one `peixun run` \
            (but for the registry's and changes' times of the run).
            """)

    @Option(name: .long, help: ArgumentHelp("The output folder the run was split for.", valueName: "dir"))
    var out: String

    @OptionGroup var group: OutputGroup

    func run() throws {
        let job = PartsJob(out: out)
        let plan = try job.readPlan()
        let fm = FileManager.default
        var reports: [PartsJob.PartReport] = []
        var missing: [Int] = []
        for k in 1...plan.parts {
            guard let data = try? Data(contentsOf: job.report(k)),
                  let report = try? JSONDecoder().decode(PartsJob.PartReport.self, from: data) else { missing.append(k); continue }
            guard report.batchDigest == plan.batchDigest else {
                throw RunFailure(message: "\(job.part(k).path) was drawn from another print batch: run `peixun part \(k)/\(plan.parts) --out \(out)` again")
            }
            reports.append(report)
        }
        guard missing.isEmpty else {
            throw RunFailure(message: "parts not done yet: " + missing.map { "\($0)/\(plan.parts)" }.joined(separator: ", ")
                + " (run `peixun part K/\(plan.parts) --out \(out)` for each)")
        }
        guard fm.fileExists(atPath: job.base.path) else { throw RunFailure(message: "\(job.base.path) is missing: run `peixun run … --parts \(plan.parts)` again") }

        let staging = try Staging(out: out, group: group.gid)
        var manifest = try Self.manifestLines(job.base.appendingPathComponent(OutputReuse.manifestName))
        try Self.move(contentsOf: job.base, into: staging.staging, except: [Staging.marker, OutputReuse.manifestName])
        for k in 1...plan.parts {
            manifest += try Self.manifestLines(job.part(k).appendingPathComponent(OutputReuse.manifestName))
            try Self.move(contentsOf: job.part(k), into: staging.staging,
                          except: ["part.json", OutputReuse.manifestName])
        }
        try Data((["peixun drawn files v1"] + manifest.sorted { $0.split(separator: "\t").last! < $1.split(separator: "\t").last! })
            .map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: staging.path(OutputReuse.manifestName)), options: .atomic)

        let failures = reports.flatMap(\.failures)
        for f in failures { Log.warning("certificate not drawn: \(f)") }
        if !failures.isEmpty {
            // The overview page was written before the drawing, with every file planned.
            Log.warning("index.html was made before the parts drew: a 单位 or print file none of whose certificates could be drawn is linked but missing")
        }
        try staging.commit()
        try? fm.removeItem(at: job.folder)
        let files = reports.reduce(0) { $0 + $1.personFiles.count + $1.mergedFiles.count }
        let reused = reports.reduce(0) { $0 + $1.reused }
        Log.notice(plan.summary + " → \(out) (\(plan.parts) parts assembled: \(files) certificate files"
            + (reused > 0 ? ", \(reused) taken over unchanged" : "") + (failures.isEmpty ? "" : ", \(failures.count) NOT drawn") + ")")
    }

    /// The entries of a manifest (without its header); none when it is missing.
    static func manifestLines(_ url: URL) throws -> [String] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().map(String.init)
    }

    /// Moves every entry of `source` into `destination`, merging folders that both have (the
    /// parts' `certificates/` trees hold different 区县, so no file is in two of them).
    static func move(contentsOf source: URL, into destination: URL, except skipped: Set<String> = []) throws {
        let fm = FileManager.default
        for name in try fm.contentsOfDirectory(atPath: source.path) where !skipped.contains(name) {
            let from = source.appendingPathComponent(name), to = destination.appendingPathComponent(name)
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: to.path, isDirectory: &isDir) {
                var fromIsDir: ObjCBool = false
                _ = fm.fileExists(atPath: from.path, isDirectory: &fromIsDir)
                guard isDir.boolValue && fromIsDir.boolValue else {
                    throw RunFailure(message: "\(to.path): written by two parts (\(from.path))")
                }
                try move(contentsOf: from, into: to)
            } else if rename(from.path, to.path) != 0 {
                throw RunFailure(message: "\(from.path): cannot move it into \(destination.path): \(String(cString: strerror(errno)))")
            }
        }
    }
}
