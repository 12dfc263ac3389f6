import Foundation
import PeixunCore

/// Writes `index.html` and `index-files/` (style, script, data files) into an output folder.
/// The page itself stays small at any size: the 区县 table and headline figures are in the HTML;
/// each 区县's 单位 and 坊 and the anomalies (in parts of `anomalyChunkSize`) load on demand.
public enum OverviewWriter {
    public static let anomalyChunkSize = 2000

    /// The files written, relative to `directory`.
    @discardableResult
    public static func write(_ overview: RunOverview, to directory: String) throws -> [String] {
        let root = URL(fileURLWithPath: directory)
        let data = root.appendingPathComponent("index-files/data")
        do {
            try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        } catch {
            throw FatalError(file: data.path, reason: "cannot create the folder (\(error.localizedDescription))")
        }
        var written: [String] = []
        func put(_ text: String, _ relative: String) throws {
            do {
                try Data(text.utf8).write(to: root.appendingPathComponent(relative))
            } catch {
                throw FatalError(file: relative, reason: "cannot write (\(error.localizedDescription))")
            }
            written.append(relative)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func json<T: Encodable>(_ value: T) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }

        let chunks = stride(from: 0, to: overview.anomalies.count, by: anomalyChunkSize).map {
            Array(overview.anomalies[$0..<min($0 + anomalyChunkSize, overview.anomalies.count)])
        }
        try put(OverviewPage(overview: overview, anomalyChunks: chunks.count).html(), "index.html")
        try put(OverviewStyle.source, "index-files/style.css")
        try put(OverviewScript.source, "index-files/page.js")
        for (i, county) in overview.counties.enumerated() {
            let detail = CountyDetail(units: county.units, classes: county.classes)
            try put("PEIXUN.county(\(i), \(try json(detail)));\n", "index-files/data/county-\(i).js")
        }
        for (k, rows) in chunks.enumerated() {
            try put("PEIXUN.anomalies(\(k), \(try json(rows)));\n", "index-files/data/anomalies-\(k).js")
        }
        return written
    }

    private struct CountyDetail: Encodable {
        var units: [RunOverview.Unit]
        var classes: [RunOverview.ClassEntry]
    }
}
