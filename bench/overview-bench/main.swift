// overview-bench — grades an export (from `peixun sample`), builds the run overview with every
// 区县's print files, 单位 folders and 坊 briefings linked as a run lays them out, writes
// index.html and its data files, and prints the sizes and the time against grading's.
//
//   swift build -c release --product overview-bench
//   .build/release/overview-bench SCHEME EXPORT-DIR OUT-DIR
import Foundation
import PeixunCore
import PeixunOverview
import PeixunRender

let arguments = CommandLine.arguments
guard arguments.count == 4 else {
    FileHandle.standardError.write(Data("usage: overview-bench SCHEME EXPORT-DIR OUT-DIR\n".utf8))
    exit(2)
}
let scheme = try SchemeLoader.load(path: arguments[1])
var clock = ContinuousClock.now
var results = try Grader.grade(scheme: scheme, inputDirectory: arguments[2])
let gradeSeconds = (ContinuousClock.now - clock) / .seconds(1)
// Every passed trainee holds a completion certificate, as after a term-end run.
for i in results.trainees.indices where results.trainees[i].passed {
    results.trainees[i].certificates = [CertificateRef(kind: .completion, number: "N\(i)")]
}

clock = ContinuousClock.now
let layout = CertificateOutputLayout(outputDirectory: "")
var taken = Set<String>()
let classLinks = results.classes.map { c -> [RunOverview.Link] in
    let stem = "briefings/" + BriefingPaths.stem(county: c.county, className: c.name, taken: &taken)
    return [RunOverview.Link(label: "简报 PDF", path: stem + ".pdf"), RunOverview.Link(label: "群发文字", path: stem + ".md")]
}
let files = RunOverview.Files(
    countyPrintFiles: { [RunOverview.Link(label: "结业证书", path: "certificates/" + layout.countyFile(kind: .completion, county: $0))] },
    unitLinks: { county, school in
        [RunOverview.Link(label: "结业证书（逐人）", path: "certificates/" + layout.unitFolder(kind: .completion, county: county, school: school) + "/"),
         RunOverview.Link(label: "结业证书（打印）", path: "certificates/" + layout.schoolFile(kind: .completion, county: county, school: school))]
    },
    classLinks: classLinks, files: [RunOverview.Link(label: "名册", path: "rosters/培训名册.xlsx")])
let overview = RunOverview(results: results, files: files, changes: nil)
let buildSeconds = (ContinuousClock.now - clock) / .seconds(1)
try? FileManager.default.removeItem(atPath: arguments[3])
let written = try OverviewWriter.write(overview, to: arguments[3])
let overviewSeconds = (ContinuousClock.now - clock) / .seconds(1)

func size(_ relative: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: arguments[3] + "/" + relative))?[.size] as? Int) ?? 0
}
let sizes = written.map { ($0, size($0)) }
let counties = sizes.filter { $0.0.contains("/county-") }
let anomalies = sizes.filter { $0.0.contains("/anomalies-") }
let total = sizes.map(\.1).reduce(0, +)
print("trainees + tutors   \(results.trainees.count) + \(results.tutors.count)")
print("区县 / 单位 / 坊       \(overview.counties.count) / \(overview.counties.map(\.units.count).reduce(0, +)) / \(results.classes.count)")
print("anomalies           \(overview.anomalies.count)")
print(String(format: "index.html          %.1f KB (what opening the page loads, with style.css %.1f KB and page.js %.1f KB)",
             Double(size("index.html")) / 1024, Double(size("index-files/style.css")) / 1024, Double(size("index-files/page.js")) / 1024))
print(String(format: "one 区县 opened      %.1f KB largest, %.1f KB median",
             Double(counties.map(\.1).max() ?? 0) / 1024, Double(counties.map(\.1).sorted()[counties.count / 2]) / 1024))
print(String(format: "anomaly table       %d files, %.1f KB in all (loaded when the table is used)", anomalies.count,
             Double(anomalies.map(\.1).reduce(0, +)) / 1024))
print(String(format: "all files           %d, %.1f MB", sizes.count, Double(total) / 1048576))
print(String(format: "grading             %.2f s", gradeSeconds))
print(String(format: "overview            %.2f s (%.1f%% of grading; %.2f s building, %.2f s writing)", overviewSeconds,
             100 * overviewSeconds / gradeSeconds, buildSeconds, overviewSeconds - buildSeconds))
