import Foundation
@testable import PeixunCore

/// Reading back what the sample generator wrote.
enum SampleTestSupport {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func seedScheme() throws -> Scheme {
        try SchemeLoader.load(path: repositoryRoot.appendingPathComponent("seeds/xuchang-2021-1/scheme.toml").path)
    }

    static func temporaryDirectory(_ label: String) -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("peixun-sample-\(label)-\(UUID().uuidString)").path
        return path
    }

    /// Rows of a CSV file (RFC 4180 quoting), header first.
    static func readCSV(_ path: String) throws -> [[String]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let n = iterator.next() {
                        if n == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = n }
                    } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\n" {
                row.append(field); field = ""
                rows.append(row); row = []
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    /// A generated export, read back once per (people, seed).
    struct Export {
        var directory: String
        var summary: SampleSummary
        var roster: [[String]]
        var courses: [[String]]
        var activities: [[String]]
        var homework: [[String]]
        var posts: [[String]]
    }

    static func generate(people: Int, seed: UInt64) throws -> Export {
        let dir = temporaryDirectory("\(people)-\(seed)")
        let summary = try SampleGenerator(scheme: try seedScheme(), people: people, seed: seed).write(to: dir)
        func read(_ name: String) throws -> [[String]] { try readCSV(dir + "/" + name) }
        return Export(directory: dir, summary: summary, roster: try read("roster.csv"),
                      courses: try read("courses.csv"), activities: try read("activities.csv"),
                      homework: try read("homework.csv"), posts: try read("tutor_posts.csv"))
    }

    /// 3,000 people, seed 11: read once and shared by the tests.
    static let shared: Result<Export, any Error> = Result { try generate(people: 3000, seed: 11) }

    static let periodStart = Timestamp(date: CivilDate(year: 2021, month: 9, day: 10)!)
    static let periodEnd = Timestamp(date: CivilDate(year: 2021, month: 12, day: 21)!)

    static func inPeriod(_ text: String) -> Bool {
        guard let t = Timestamp.parse(text) else { return false }
        return t >= periodStart && t < periodEnd
    }
}
