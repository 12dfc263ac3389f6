import Foundation
import Testing

/// Templates are found from any folder and chosen file by file (`ResourceSearchPath`):
/// a folder given with --templates overrides only the files it has.
@Suite struct ResourceLookupTests {
    /// `pdfinfo`'s "Page size:" in points, e.g. "850.394 x 600.945".
    func pageSize(_ path: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/pdfinfo")
        p.arguments = [path]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        let line = text.split(separator: "\n").first { $0.hasPrefix("Page size:") } ?? ""
        return line.dropFirst("Page size:".count).trimmingCharacters(in: .whitespaces).components(separatedBy: " pts")[0]
    }

    /// A centre's completion.toml with a 300 × 212 mm page; the other two kinds stay A4 (297 × 210 mm)
    /// from the checkout, found above the binary although the working directory is elsewhere.
    @Test func oneTemplateOverriddenTheOthersFromTheCheckout() throws {
        let tmp = try CLI.temporaryDirectory()
        let mine = tmp.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        let original = try String(contentsOf: CLI.repoRoot.appendingPathComponent("Templates/completion.toml"), encoding: .utf8)
        var lines = original.components(separatedBy: "\n")
        let page = try #require(lines.firstIndex { $0.hasPrefix("page = ") })
        lines[page] = "page = { width = 300, height = 212 }"
        try lines.joined(separator: "\n").write(to: mine.appendingPathComponent("completion.toml"), atomically: true, encoding: .utf8)

        let out = tmp.appendingPathComponent("sheets")
        let r = try CLI.run(["certify", "--test-sheet", "--out", out.path, "--templates", mine.path], in: tmp)
        #expect(r.status == 0, "\(r.stderr)")
        let sheets = try #require(FileManager.default.enumerator(atPath: out.path)?.allObjects as? [String])
        func sheet(_ kind: String) throws -> String {
            out.appendingPathComponent(try #require(sheets.first { $0.hasSuffix("test-sheet-\(kind).pdf") })).path
        }
        // 300 mm = 850.394 pt, 212 mm = 600.945 pt; A4 landscape 841.89 x 595.276 pt.
        #expect(try pageSize(sheet("completion")).hasPrefix("850.39"))
        #expect(try pageSize(sheet("excellent_trainee")).hasPrefix("841.89"))
        #expect(try pageSize(sheet("excellent_tutor")).hasPrefix("841.89"))
    }

    @Test func aTemplatesFolderThatDoesNotExistIsNamed() throws {
        let tmp = try CLI.temporaryDirectory()
        let missing = tmp.appendingPathComponent("no-such-folder").path
        let r = try CLI.run(["certify", "--test-sheet", "--out", tmp.appendingPathComponent("o").path, "--templates", missing])
        #expect(r.status == 1)
        #expect(r.stderr.contains("--templates \(missing): not a folder"), "\(r.stderr)")
    }
}
