import Foundation
import Testing

/// A rerun takes over the previous run's roster workbooks whose content did not change (a hard
/// link: the same inode, still 0640), writes the others again, and its workbooks are the bytes
/// of a full rewrite (`--redraw`).
@Suite(.serialized) struct RosterReuseTests {
    func inode(_ path: URL) -> ino_t? {
        var st = stat()
        return stat(path.path, &st) == 0 ? st.st_ino : nil
    }

    func mode(_ path: URL) -> mode_t {
        var st = stat()
        return stat(path.path, &st) == 0 ? st.st_mode & 0o7777 : 0
    }

    /// The workbooks of `out`/rosters: file name → bytes.
    func workbooks(_ out: URL) throws -> [String: Data] {
        let folder = out.appendingPathComponent("rosters")
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".xlsx") {
            result[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return result
    }

    /// The text of the 名册 sheet (the first; constant-memory workbooks store strings inline).
    func rosterSheet(_ workbook: URL) throws -> String {
        try CLI.shell("unzip -p '\(workbook.path)' xl/worksheets/sheet1.xml")
    }

    @Test func unchangedWorkbooksAreTakenOverAndChangedOnesRewritten() throws {
        let tmp = try CLI.temporaryDirectory()
        let input = tmp.appendingPathComponent("in"), out = tmp.appendingPathComponent("out")
        let sample = try CLI.run(["sample", "--people", "80", "--seed", "11", "--out", input.path])
        #expect(sample.status == 0, "\(sample.stderr)")
        let args = ["run", "--scheme", CLI.seedScheme, "--input", input.path, "--out", out.path,
                    "--no-certificates", "--split", "county"]
        let first = try CLI.run(args)
        #expect(first.status == 0, "\(first.stderr)")
        let main = out.appendingPathComponent("rosters/培训名册.xlsx")
        let written = try workbooks(out)
        #expect(written.count > 2, "the programme workbook and one per 区县")
        let manifest = try String(contentsOf: out.appendingPathComponent(".peixun-drawn"), encoding: .utf8)
        for name in written.keys { #expect(manifest.contains("\trosters/\(name)\n"), "\(name) in the manifest") }
        let inodes = Dictionary(uniqueKeysWithValues: written.keys.map {
            ($0, inode(out.appendingPathComponent("rosters/\($0)")))
        })

        // Nothing changed: every workbook is the previous run's file (a hard link), still 0640.
        let same = try CLI.run(args)
        #expect(same.status == 0, "\(same.stderr)")
        for name in written.keys {
            let path = out.appendingPathComponent("rosters/\(name)")
            #expect(inode(path) == inodes[name]!, "\(name) taken over")
            #expect(mode(path) == 0o640, "\(name) is \(String(mode(path), radix: 8))")
        }
        #expect(mode(out.appendingPathComponent("rosters")) & 0o777 == 0o750)
        #expect(try workbooks(out) == written)

        // A correction: one trainee's name in the roster CSV.
        let rosterURL = input.appendingPathComponent("roster.csv")
        var lines = try String(contentsOf: rosterURL, encoding: .utf8).components(separatedBy: "\n")
        let row = try #require(lines.indices.first { $0 > 0 && lines[$0].hasSuffix(",学员") })
        var cells = lines[row].components(separatedBy: ",")
        let newName = "改" + String(cells[1].dropFirst())
        cells[1] = newName
        lines[row] = cells.joined(separator: ",")
        try lines.joined(separator: "\n").write(to: rosterURL, atomically: true, encoding: .utf8)
        #expect(try !rosterSheet(main).contains(newName))

        let copy = tmp.appendingPathComponent("copy")
        try FileManager.default.copyItem(at: out, to: copy)
        let rerun = try CLI.run(args)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(inode(main) != inodes["培训名册.xlsx"]!, "the programme workbook is written again")
        #expect(try rosterSheet(main).contains("<t>\(newName)</t>") || rosterSheet(main).contains(">\(newName)<"))
        #expect(mode(main) == 0o640)
        // Only the corrected person's 区县 workbook changed; the other 区县 are taken over.
        let after = try workbooks(out)
        let rewritten = after.keys.filter { inode(out.appendingPathComponent("rosters/\($0)")) != inodes[$0]! }
        #expect(rewritten.count == 2, "\(rewritten.sorted())")
        #expect(Set(after.keys.filter { after[$0] != written[$0] }) == Set(rewritten))

        // A full rewrite from the same registry gives the same bytes.
        let redrawn = try CLI.run(["run", "--scheme", CLI.seedScheme, "--input", input.path, "--out", copy.path,
                                   "--no-certificates", "--split", "county", "--redraw"])
        #expect(redrawn.status == 0, "\(redrawn.stderr)")
        let full = try workbooks(copy)
        #expect(full.keys.sorted() == after.keys.sorted())
        for (name, data) in full { #expect(after[name] == data, "\(name): reused bytes equal the rewrite") }
    }
}
