import Foundation
import Testing

/// The contract's conformance cases (copied under `Fixtures/conformance`), graded by the built
/// binary and compared with their `expected.json` the way the contract's checker does: every
/// trainee and tutor field it names, and the set of anomalous (table, line) pairs.
@Suite struct ConformanceTests {
    static let cases = ["seed_examples", "activities", "homework", "tutor_posts", "foreign_tutor_posts"]

    @Test(arguments: cases) func gradesAsExpected(_ name: String) throws {
        let folder = CLI.conformanceCases.appendingPathComponent(name)
        let expected = try Self.json(Data(contentsOf: folder.appendingPathComponent("expected.json")))
        var arguments = ["grade", "--scheme", CLI.seedScheme, "--input", folder.path, "--format", "json"]
        let profile = CLI.conformanceCases.appendingPathComponent("\(name).profile.toml")
        if FileManager.default.fileExists(atPath: profile.path) { arguments += ["--profile", profile.path] }
        let run = try CLI.run(arguments)
        #expect(run.status == 0, "\(run.stderr)")
        let got = try Self.json(Data(run.stdout.utf8))
        let differences = Self.differences(expected: expected, got: got)
        #expect(differences.isEmpty, Comment(rawValue: "\(name):\n" + differences.joined(separator: "\n")))
    }

    static func json(_ data: Data) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// One line per field that differs (numbers compared after rounding to the contract's places).
    static func differences(expected: [String: Any], got: [String: Any]) -> [String] {
        var out: [String] = []
        func compare(_ kind: String, _ keys: [String]) {
            let have = Dictionary((got[kind] as? [[String: Any]] ?? []).map { ($0["id"] as? String ?? "", $0) }) { a, _ in a }
            let want = expected[kind] as? [[String: Any]] ?? []
            if have.count != want.count { out.append("\(kind): \(want.count) expected, \(have.count) listed") }
            for e in want {
                let id = e["id"] as? String ?? ""
                guard let g = have[id] else { out.append("\(kind) \(id): missing"); continue }
                for key in keys {
                    let a = flatten(e[key]), b = flatten(g[key])
                    for (path, value) in a where b[path] != value {
                        out.append("\(kind) \(id) \(key)\(path): expected \(value), got \(b[path] ?? "<missing>")")
                    }
                }
            }
        }
        compare("trainees", ["name", "role", "module_points", "activity_points", "homework", "total", "passed",
                             "pass_basis", "rank", "excellent"])
        compare("tutors", ["name", "participation_rate", "pass_rate", "points", "total", "passed", "rank", "excellent"])

        func lines(_ list: Any?) -> Set<String> {
            Set((list as? [[String: Any]] ?? []).compactMap { a in
                guard let line = a["line"] as? Int, line > 0, let file = a["file"] as? String else { return nil }
                return "\(table(file)):\(line)"
            })
        }
        let required = lines(expected["anomalies"])
        let optional = lines((expected["oracle_notes"] as? [String: Any])?["optional_anomalies"])
        let listed = lines(got["anomalies"])
        for missing in required.subtracting(listed).sorted() { out.append("anomaly \(missing): not listed") }
        for extra in listed.subtracting(required).subtracting(optional).sorted() { out.append("anomaly \(extra): listed, not expected") }
        let lineless = (expected["anomalies"] as? [[String: Any]] ?? []).filter { ($0["line"] as? Int) == nil }
        let gotText = (got["anomalies"] as? [[String: Any]] ?? []).filter { ($0["line"] as? Int) == nil }
            .map { "\($0)" }.joined()
        for a in lineless {
            let className = a["class"] as? String ?? ""
            if !gotText.contains(className) { out.append("anomaly without a line for 坊 \(className): not listed") }
        }
        return out
    }

    /// The table a file name stands for, English or Chinese base name, whatever the extension;
    /// any other name (a profile's file) as it is.
    static func table(_ file: String) -> String {
        let base = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let chinese = ["学员名单": "roster", "课程学习记录": "courses", "研修活动": "activities", "研修作业": "homework", "坊主工作": "tutor_posts"]
        return chinese[base] ?? base.lowercased()
    }

    /// A JSON value as path → text, numbers (and booleans) at four places.
    static func flatten(_ value: Any?, _ path: String = "") -> [String: String] {
        switch value {
        case let d as [String: Any]:
            return d.reduce(into: [:]) { acc, kv in acc.merge(flatten(kv.value, path + "." + kv.key)) { a, _ in a } }
        case let n as NSNumber:
            return [path: String(format: "%.4f", n.doubleValue)]
        case let s as String:
            return [path: s]
        case nil, is NSNull:
            return [path: "null"]
        default:
            return [path: "\(value!)"]
        }
    }
}
