import Foundation
import Testing
@testable import PeixunRender
import PeixunCore

/// A fresh temporary directory per call.
func temporaryDirectory(_ label: String = "render") throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("peixun-\(label)-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Runs a command-line tool and returns its standard output (stderr discarded).
func run(_ tool: String, _ args: [String]) throws -> (status: Int32, output: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = [tool] + args
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// `pdftotext -layout` output of a PDF.
func pdfText(_ path: String) throws -> String {
    try run("pdftotext", ["-enc", "UTF-8", path, "-"]).output
}

/// `pdffonts` rows: (name, type, embedded, subset).
func pdfFonts(_ path: String) throws -> [(name: String, embedded: Bool, subset: Bool)] {
    let lines = try run("pdffonts", [path]).output.split(separator: "\n").dropFirst(2)
    return lines.map { line in
        let cols = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        // name type [encoding words…] emb sub uni object ID
        let n = cols.count
        return (cols[0], n >= 5 && cols[n - 5] == "yes", n >= 4 && cols[n - 4] == "yes")
    }
}

let issueDate = CivilDate(year: 2021, month: 12, day: 25)!
