import Foundation
import Testing

/// A rerun after a correction takes over the previous run's unchanged certificate and briefing
/// PDFs (hard links: the same inode) and draws the rest, and its outputs are the bytes of a full
/// redraw (`--redraw`) from the same registry.
@Suite(.serialized) struct RerunReuseTests {
    func files(under dir: URL, matching suffix: String = ".pdf") -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)
        while let url = e?.nextObject() as? URL {
            guard url.path.hasSuffix(suffix) else { continue }
            out[String(url.path.dropFirst(dir.path.count))] = try? Data(contentsOf: url)
        }
        return out
    }

    func inodes(under dir: URL) -> [String: ino_t] {
        var out: [String: ino_t] = [:]
        let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)
        while let url = e?.nextObject() as? URL {
            guard url.path.hasSuffix(".pdf") else { continue }
            var st = stat()
            if stat(url.path, &st) == 0 { out[String(url.path.dropFirst(dir.path.count))] = st.st_ino }
        }
        return out
    }

    @Test func correctedRerunDrawsOnlyWhatChangedAndEqualsAFullRedraw() throws {
        let tmp = try CLI.temporaryDirectory()
        let input = tmp.appendingPathComponent("in"), out = tmp.appendingPathComponent("out")
        let key = tmp.appendingPathComponent("keys/secret.key").path
        let sample = try CLI.run(["sample", "--people", "120", "--seed", "7", "--out", input.path])
        #expect(sample.status == 0, "\(sample.stderr)")
        let args = ["run", "--scheme", CLI.seedScheme, "--input", input.path, "--out", out.path, "--key", key]
        let first = try CLI.run(args + ["--timings", tmp.appendingPathComponent("t1.tsv").path])
        #expect(first.status == 0, "\(first.stderr)")
        let timings = try String(contentsOf: tmp.appendingPathComponent("t1.tsv"), encoding: .utf8)
        for stage in ["grading", "registry", "per-person certificates", "merged print files", "beside: rosters", "beside: briefings", "total"] {
            #expect(timings.contains("\n\(stage)\t"), "\(stage) in \(timings)")
        }
        let manifest = try String(contentsOf: out.appendingPathComponent(".peixun-drawn"), encoding: .utf8)
        #expect(manifest.hasPrefix("peixun drawn files v1\n"))
        let drawnFirst = inodes(under: out)
        #expect(drawnFirst.count > 100)

        // Nothing changed: every PDF is taken over.
        let same = try CLI.run(args)
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.stderr.contains("taken over"))
        let unchanged = inodes(under: out)
        #expect(unchanged.filter { drawnFirst[$0.key] != $0.value }.map(\.key) == [])  // the summary too

        // A correction: one trainee's name (a wrong character) in the roster.
        let rosterURL = input.appendingPathComponent("roster.csv")
        var roster = try String(contentsOf: rosterURL, encoding: .utf8).components(separatedBy: "\n")
        let row = try #require(roster.indices.first { $0 > 0 && roster[$0].hasSuffix(",学员") })
        var cells = roster[row].components(separatedBy: ",")
        let oldName = cells[1]
        cells[1] = "改" + String(oldName.dropFirst())
        roster[row] = cells.joined(separator: ",")
        try roster.joined(separator: "\n").write(to: rosterURL, atomically: true, encoding: .utf8)

        // A copy of the outputs before the rerun, to redraw in full from the same registry.
        let copy = tmp.appendingPathComponent("copy")
        try FileManager.default.copyItem(at: out, to: copy)
        let rerun = try CLI.run(args)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let redrawn = try CLI.run(["run", "--scheme", CLI.seedScheme, "--input", input.path, "--out", copy.path,
                                   "--key", key, "--redraw"])
        #expect(redrawn.status == 0, "\(redrawn.stderr)")
        #expect(!redrawn.stderr.contains("taken over"))

        // Byte-identical to the full redraw, certificates and briefings alike.
        let reused = files(under: out), full = files(under: copy)
        #expect(reused.count == full.count)
        for (path, data) in full { #expect(reused[path] == data, "\(path)") }
        let reusedMD = files(under: out, matching: ".md"), fullMD = files(under: copy, matching: ".md")
        #expect(reusedMD.count == fullMD.count && fullMD.count > 2)
        for (path, data) in fullMD { #expect(reusedMD[path] == data, "\(path)") }

        // Most files were taken over, the corrected person's certificate and its print files were drawn.
        let after = inodes(under: out)
        let drawnAgain = after.filter { drawnFirst[$0.key] != $0.value }.map(\.key)
        #expect(drawnAgain.contains { $0.contains("-改") && !$0.contains("/print/") })
        #expect(drawnAgain.contains { $0.contains("/print/") })
        #expect(drawnAgain.count * 5 < after.count, "\(drawnAgain.count) of \(after.count) drawn again")
        #expect(!after.keys.contains { $0.hasSuffix("-\(oldName).pdf") })
    }
}
