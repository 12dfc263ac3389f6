import Foundation
import PeixunCore
import PeixunRender

/// A run split into parts (`run --parts N`, `part K/N`, `assemble`), in the folder `OUT.parts`
/// beside the output folder, on storage every part can reach:
/// - `base/` — every output but the certificates, written by `run --parts N` (which graded,
///   numbered and wrote the registry: the only writer);
/// - `batch.jsonl` — the print batch, every certificate with its number and code (`PrintBatch`);
/// - `plan.json` — the number of parts, which 区县 each part draws, the batch's digest, the render
///   mode and the templates' digest;
/// - `part-K/` — what part K drew (`certificates/…`, `.peixun-drawn`, `part.json`).
/// `assemble` moves it all into the output folder in one swap and deletes the job folder.
struct PartsJob {
    struct Plan: Codable, Equatable {
        var format = 1
        var parts: Int
        var batchDigest: String
        /// `RenderMode` as text: `full` or `overlay DX DY`.
        var mode: String
        var templatesDigest: String
        /// 区县 → part, 1-based.
        var counties: [String: Int]
        /// The run's summary line, for assemble's own.
        var summary: String
    }

    /// What one part drew.
    struct PartReport: Codable, Equatable {
        var part: Int
        var batchDigest: String
        var personFiles: [String]
        var mergedFiles: [String]
        var failures: [String]
        var reused: Int
    }

    let folder: URL
    static let marker = ".peixun-parts"

    init(out: String) {
        let target = URL(fileURLWithPath: out).standardizedFileURL
        folder = target.deletingLastPathComponent().appendingPathComponent(target.lastPathComponent + ".parts")
    }

    var base: URL { folder.appendingPathComponent("base") }
    var batch: URL { folder.appendingPathComponent("batch.jsonl") }
    var planFile: URL { folder.appendingPathComponent("plan.json") }
    func part(_ k: Int) -> URL { folder.appendingPathComponent("part-\(k)") }
    func report(_ k: Int) -> URL { part(k).appendingPathComponent("part.json") }

    /// Empties (or creates) the job folder; refuses a folder peixun did not make.
    func reset() throws {
        let fm = FileManager.default
        if let contents = try? fm.contentsOfDirectory(atPath: folder.path), !contents.isEmpty {
            guard contents.contains(Self.marker) else {
                throw RunFailure(message: "\(folder.path) exists and was not written by peixun: move it away first")
            }
            try fm.removeItem(at: folder)
        }
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("a run of peixun split into parts; `peixun assemble` puts it together and deletes it\n".utf8)
            .write(to: folder.appendingPathComponent(Self.marker))
    }

    func readPlan() throws -> Plan {
        guard let data = try? Data(contentsOf: planFile) else {
            throw RunFailure(message: "\(planFile.path): no plan: run `peixun run … --parts N` first")
        }
        do { return try JSONDecoder().decode(Plan.self, from: data) } catch {
            throw RunFailure(message: "\(planFile.path): not a plan of this version of peixun (\(error))")
        }
    }

    static func write<T: Encodable>(_ value: T, to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        try encoder.encode(value).write(to: url, options: .atomic)
    }

    static func modeText(_ mode: RenderMode) -> String {
        switch mode {
        case .full: return "full"
        case let .overlay(dx, dy): return "overlay \(dx) \(dy)"
        }
    }

    static func mode(_ text: String) -> RenderMode? {
        if text == "full" { return .full }
        let parts = text.split(separator: " ")
        guard parts.count == 3, parts[0] == "overlay", let dx = Double(parts[1]), let dy = Double(parts[2]) else { return nil }
        return .overlay(dx: dx, dy: dy)
    }

    /// `K/N` with 1 ≤ K ≤ N.
    static func parsePart(_ text: String) -> (k: Int, n: Int)? {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else { return nil }
        return (k, n)
    }
}
