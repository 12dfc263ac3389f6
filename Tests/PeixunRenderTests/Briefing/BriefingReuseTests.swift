import Foundation
import Testing
@testable import PeixunRender
import PeixunCore

/// A rerun of the briefings takes over every unchanged 坊 briefing (.pdf and .md) and the
/// programme summary (same inode), draws the changed ones, and gives the bytes of a fresh draw.
@Suite struct BriefingReuseTests {
    func inode(_ path: String) -> ino_t { var st = stat(); return stat(path, &st) == 0 ? st.st_ino : 0 }

    func write(_ r: Results, to dir: String, previous: String?) throws -> BriefingWriter.Output {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let reuse = OutputReuse(previousRoot: previous, root: dir)
        let output = try BriefingWriter.writeAll(results: r, to: dir, workers: 2, reuse: reuse)
        try reuse.writeManifest()
        #expect(reuse.recorded == output.written.count)  // every file is in the manifest
        return output
    }

    @Test func rerunTakesOverUnchangedBriefingsAndTheSummaryAndEqualsAFreshDraw() throws {
        let tmp = try temporaryDirectory("brief-reuse")
        let first = tmp.appendingPathComponent("first").path, second = tmp.appendingPathComponent("second").path
        let fresh = tmp.appendingPathComponent("fresh").path
        let r = try SyntheticResults.make(classes: 3, perClass: 12, seed: 5)
        let out1 = try write(r, to: first, previous: nil)
        #expect(out1.written.count == 3 * 2 + 2)

        // Nothing changed: every file, the summary included, is the previous inode.
        let same = tmp.appendingPathComponent("same").path
        let outSame = try write(r, to: same, previous: first)
        for rel in outSame.written { #expect(inode(first + "/" + rel) == inode(same + "/" + rel), "\(rel)") }

        // A trainee of the second 坊 renamed (a correction): that 坊 is drawn again, the summary
        // (which shows no names) and the other 坊 are taken over.
        var corrected = r
        // One the briefing names (in the chase list or the honours).
        let i = try #require(corrected.classes[1].traineeIndices.first {
            !corrected.trainees[$0].passed || corrected.trainees[$0].excellent
        })
        corrected.trainees[i].person.name = "改" + corrected.trainees[i].person.name.dropFirst()
        let out2 = try write(corrected, to: second, previous: first)
        let changed = Set(out2.classFiles[1])
        #expect(changed.count == 2)
        for rel in out2.written {
            let linked = inode(first + "/" + rel) == inode(second + "/" + rel)
            #expect(linked == !changed.contains(rel), "\(rel)")
        }
        #expect(inode(first + "/summary.pdf") == inode(second + "/summary.pdf"))

        // A change the summary shows (one more 优秀学员) draws it again.
        var honoured = corrected
        let j = try #require(honoured.classes[2].traineeIndices.first { !honoured.trainees[$0].excellent })
        honoured.trainees[j].excellent = true
        let third = tmp.appendingPathComponent("third").path
        _ = try write(honoured, to: third, previous: second)
        #expect(inode(second + "/summary.pdf") != inode(third + "/summary.pdf"))
        #expect(inode(second + "/summary.md") != inode(third + "/summary.md"))
        #expect(inode(second + "/" + out2.classFiles[0][0]) == inode(third + "/" + out2.classFiles[0][0]))

        // The same bytes as drawing the corrected programme afresh.
        let outFresh = try BriefingWriter.writeAll(results: corrected, to: fresh, workers: 1)
        #expect(outFresh.written == out2.written)
        for rel in outFresh.written {
            let a = try Data(contentsOf: URL(fileURLWithPath: second + "/" + rel))
            let b = try Data(contentsOf: URL(fileURLWithPath: fresh + "/" + rel))
            #expect(a == b, "\(rel)")
        }
        let md = try String(contentsOfFile: second + "/" + out2.classFiles[1][1], encoding: .utf8)
        #expect(md.contains(corrected.trainees[i].person.name))
    }
}
