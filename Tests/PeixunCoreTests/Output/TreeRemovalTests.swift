import Foundation
import Testing
import PeixunCore

@Suite struct TreeRemovalTests {
    private func folder(_ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("peixun-\(name)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test(arguments: [1, 2, 4])
    func removesEveryLevelButNeverFollowsALink(workers: Int) throws {
        let fm = FileManager.default
        let root = try folder("tree"), outside = try folder("tree-outside")
        defer { try? fm.removeItem(atPath: root); try? fm.removeItem(atPath: outside) }
        try Data("keep".utf8).write(to: URL(fileURLWithPath: outside + "/keep.txt"))
        let tree = root + "/old"
        var files = 0
        for county in ["魏都区", "禹州市", "a b"] {
            for school in ["一中", "二中", ".hidden"] {
                let dir = "\(tree)/certificates/completion/\(county)/\(school)"
                try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
                for n in 0..<7 { try Data([UInt8(n)]).write(to: URL(fileURLWithPath: "\(dir)/XC-\(n)-张三.pdf")); files += 1 }
            }
        }
        try fm.createDirectory(atPath: tree + "/empty/deeper/still", withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: tree + "/link-to-outside", withDestinationPath: outside)
        try fm.createSymbolicLink(atPath: tree + "/certificates/dangling", withDestinationPath: "/nonexistent/x")
        #expect(link(outside + "/keep.txt", tree + "/hard-link.txt") == 0)
        #expect(files == 63)

        TreeRemoval.remove(tree, workers: workers)

        #expect(!fm.fileExists(atPath: tree))
        #expect(try fm.contentsOfDirectory(atPath: root).isEmpty)
        // The linked folder and the hard-linked file's other name are untouched.
        #expect(try String(contentsOfFile: outside + "/keep.txt", encoding: .utf8) == "keep")
    }

    @Test func aMissingFolderIsNothingToDo() {
        TreeRemoval.remove("/nonexistent/peixun-\(UUID().uuidString)")
    }
}
