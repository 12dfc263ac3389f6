import Foundation
import Testing

/// `OUT/index.html` in headless Chromium from `file://`: its figures agree with results.json, every
/// link leads to a file of the output, every output is reachable, the anomaly filter works, and no
/// full ID number is on it.
@Suite(.serialized) struct OverviewPageTests {
    /// One sample run shared by the tests: 400 people over the nine 区县, with anomalies.
    static let output: Result<URL, any Error> = Result {
        let dir = try CLI.temporaryDirectory()
        let export = dir.appendingPathComponent("export"), out = dir.appendingPathComponent("out")
        let sample = try CLI.run(["sample", "--people", "400", "--seed", "5", "--out", export.path, "--scheme", CLI.seedScheme])
        guard sample.status == 0 else { throw CLIFailure(output: sample) }
        let run = try CLI.run(["run", "--scheme", CLI.seedScheme, "--input", export.path, "--out", out.path])
        guard run.status == 0 else { throw CLIFailure(output: run) }
        return out
    }

    struct CLIFailure: Error { var output: CLI.Output }

    static func results(_ out: URL) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("results.json"))) as? [String: Any])
    }

    /// The text of the first element carrying `attribute="value"`.
    static func text(of attribute: String, _ value: String, in dom: String) -> String? {
        guard let start = dom.range(of: "\(attribute)=\"\(value)\">") else { return nil }
        let rest = dom[start.upperBound...]
        return rest.range(of: "<").map { String(rest[..<$0.lowerBound]) }
    }

    @Test func figuresAgreeWithResults() throws {
        let out = try Self.output.get()
        let results = try Self.results(out)
        let trainees = results["trainees"] as! [[String: Any]], tutors = results["tutors"] as! [[String: Any]]
        let dom = try Chromium.dumpDOM(fileURL(out.appendingPathComponent("index.html").path))
        func figure(_ key: String) -> Int? { Self.text(of: "data-figure", key, in: dom).flatMap { Int($0) } }
        #expect(figure("trainees") == trainees.count)
        #expect(figure("passed") == trainees.filter { $0["passed"] as? Bool == true }.count)
        #expect(figure("excellent") == trainees.filter { $0["excellent"] as? Bool == true }.count)
        #expect(figure("tutors") == tutors.count)
        let certificates = (trainees + tutors).map { ($0["certificates"] as? [Any])?.count ?? 0 }.reduce(0, +)
        #expect(certificates > 0)
        #expect(figure("certificates") == certificates)
        #expect(figure("anomalies") == (results["anomalies"] as! [Any]).count)
        #expect(dom.contains("数据截止 \(results["data_date"] as! String)"))

        // Each 区县 row: trainees and passed counted from results.json.
        let counties = Dictionary(grouping: trainees) { $0["county"] as! String }
        #expect(counties.count == 9)
        let rows = dom.components(separatedBy: "<tr data-county=").dropFirst()
        #expect(rows.count == counties.count)
        for row in rows {
            let name = try #require(row.range(of: "<th scope=\"row\">").map { r in
                String(row[r.upperBound...].prefix { $0 != "<" })
            })
            let people = try #require(counties[name], "\(name)")
            #expect(Self.text(of: "data-k", "trainees", in: row) == "\(people.count)")
            #expect(Self.text(of: "data-k", "passed", in: row) == "\(people.filter { $0["passed"] as? Bool == true }.count)")
        }
    }

    @Test func everyLinkResolvesAndEveryOutputIsReachable() throws {
        let out = try Self.output.get()
        let dom = try Chromium.dumpDOM(fileURL(out.appendingPathComponent("index.html").path, fragment: "all"))
        #expect(dom.contains("data-ready=\"all\""), "the script opened every 区县 and the anomalies")
        let hrefs = dom.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            .filter { !$0.hasPrefix("#") && !$0.hasPrefix("index-files/") }
        #expect(hrefs.count > 100)
        var linked = Set<String>()
        for href in hrefs {
            let path = try #require(href.replacingOccurrences(of: "&amp;", with: "&").removingPercentEncoding)
            var isDirectory: ObjCBool = false
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(path).path, isDirectory: &isDirectory),
                    "\(path) is linked but not in the output")
            linked.insert(path.hasSuffix("/") ? String(path.dropLast()) : path)
        }
        // Every output a clerk looks for: print files, briefings, rosters, summaries, data files,
        // and the folder of every per-person certificate.
        let all = FileManager.default.enumerator(atPath: out.path)!.allObjects as! [String]
        for file in all where !file.hasPrefix("index") && !file.hasPrefix(".") && file != "registry.sqlite" && file != "changes.json" {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path, isDirectory: &isDirectory)
            if isDirectory.boolValue { continue }
            if file.hasPrefix("certificates/") && !file.hasPrefix("certificates/print/") {
                let folder = (file as NSString).deletingLastPathComponent
                #expect(linked.contains(folder), "no link leads to \(folder)")
            } else {
                #expect(linked.contains(file), "no link leads to \(file)")
            }
        }
    }

    @Test func anomalyFilterAndSearchWork() throws {
        let out = try Self.output.get()
        let anomalies = (try Self.results(out)["anomalies"] as! [[String: Any]])
        let page = out.appendingPathComponent("index.html").path
        func shown(_ fragment: String) throws -> Int? {
            let dom = try Chromium.dumpDOM(fileURL(page, fragment: fragment))
            return dom.range(of: "data-shown=\"").flatMap { r in Int(dom[r.upperBound...].prefix { $0 != "\"" }) }
        }
        #expect(anomalies.count > 3)
        #expect(try shown("anomalies") == anomalies.count)
        let kind = anomalies[0]["kind"] as! String
        #expect(try shown("anomalies?kind=\(kind)") == anomalies.filter { $0["kind"] as? String == kind }.count)
        let file = anomalies[0]["file"] as! String
        #expect(try shown("anomalies?file=\(file)") == anomalies.filter { $0["file"] as? String == file }.count)
        let other = try #require(anomalies.first { $0["file"] as? String == file && $0["kind"] as? String != kind })
        let otherKind = other["kind"] as! String
        #expect(try shown("anomalies?file=\(file)&kind=\(otherKind)")
            == anomalies.filter { $0["file"] as? String == file && $0["kind"] as? String == otherKind }.count)
        // Search: a word of one message.
        let word = "综合素养"
        #expect(try shown("anomalies?q=\(word)") == anomalies.filter { ($0["message"] as? String ?? "").contains(word) }.count)
    }

    @Test func noFullIDNumberOnThePage() throws {
        let out = try Self.output.get()
        let results = try Self.results(out)
        let ids = ((results["trainees"] as! [[String: Any]]) + (results["tutors"] as! [[String: Any]])).map { $0["id"] as! String }
        let files = (FileManager.default.enumerator(atPath: out.path)!.allObjects as! [String])
            .filter { $0 == "index.html" || ($0.hasPrefix("index-files/") && $0.hasSuffix(".js")) || $0.hasSuffix(".css") }
        #expect(files.count >= 4)
        for file in files {
            let text = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
            for id in ids { #expect(!text.contains(id), "\(file) holds a full ID") }
        }
    }
}
