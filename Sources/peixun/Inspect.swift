import ArgumentParser
import Foundation
import PeixunCore

/// `peixun inspect` — what a clerk runs first on a new platform's export.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show how an export folder's files are read: tables, columns, values; propose a profile for the rest.",
        discussion: """
            For each .csv / .xlsx file: the table it was taken for (or the table it looks like and why \
            it was not taken), the encoding, each contract column and the header it came from, headers \
            left unused, rows, a few example values per column (身份证号 masked), and the values that \
            nothing recognises (an unknown 角色 spelling, a time in a format not given). For whatever \
            could not be placed it prints a profile snippet (docs/profiles.md) to start from.

            Exit status: 0 when every table is placed, 1 otherwise.
            """)

    @Option(name: .long, help: ArgumentHelp("The platform export folder.", valueName: "dir"))
    var input: String

    @Option(name: .long, help: ArgumentHelp("An export profile (TOML) to inspect the folder through.", valueName: "file"))
    var profile: String?

    func run() throws {
        let loaded = try profile.map(ProfileLoader.load(path:)) ?? .contract
        let inspection = try ExportInspection.inspect(directory: input, profile: loaded)
        print(InspectionReport.text(inspection, profileName: profile.map { ($0 as NSString).lastPathComponent }))
        if !inspection.allPlaced { throw ExitCode(1) }
    }
}

/// The wording of `inspect`'s report.
enum InspectionReport {
    static func text(_ inspection: ExportInspection, profileName: String?) -> String {
        var out: [String] = []
        out.append("Export \(inspection.directory)" + (profileName.map { " through profile \($0)" } ?? " (contract names, no profile)"))
        if inspection.files.isEmpty { out.append("  no .csv or .xlsx file in the folder") }
        for file in inspection.files {
            out.append("")
            out += fileLines(file)
        }
        out.append("")
        if inspection.allPlaced {
            out.append("All 5 tables placed: " + ExportTable.allCases.map { t in
                let n = inspection.files.filter { $0.table == t }.count
                return n == 1 ? t.rawValue : "\(t.rawValue) (\(n) files)"
            }.joined(separator: ", ") + ".")
        } else {
            out.append("Not placed: " + inspection.unplacedTables.map { "\($0.rawValue) (\($0.chineseName))" }.joined(separator: ", ") + ".")
        }
        if !inspection.snippet.isEmpty {
            out.append("")
            out.append(inspection.allPlaced
                       ? "Values nothing recognises; a profile snippet to start from (replace each ? with the platform's spelling):"
                       : "A profile snippet to start from (replace each ? with the platform's name; then run inspect --profile again):")
            out.append("")
            out.append(inspection.snippet.trimmingCharacters(in: .newlines))
        }
        return out.joined(separator: "\n")
    }

    static func fileLines(_ file: ExportInspection.File) -> [String] {
        var out: [String] = []
        let taken: String
        if let t = file.table {
            taken = "\(t.rawValue) (\(t.chineseName))"
        } else if let g = file.guessedTable {
            taken = "no table — looks like \(g.rawValue) (\(g.chineseName))"
        } else {
            taken = "no table"
        }
        var head = "\(file.fileName): \(taken), \(file.encoding)"
        if let line = file.headerLine { head += ", header on line \(line), \(file.rows) rows" }
        out.append(head)
        if let problem = file.problem { out.append("  ! \(problem)") }
        let width = file.columns.map { $0.column.count }.max() ?? 0
        for c in file.columns {
            let name = c.column + String(repeating: "　", count: max(0, width - c.column.count))
            var line = "  \(name) "
            if let h = c.header {
                line += "← \(h)"
                if !c.examples.isEmpty { line += "   e.g. " + c.examples.joined(separator: " | ") }
            } else {
                line += c.required ? "MISSING" : "(optional, absent)"
                if let g = c.guess {
                    line += " — perhaps '\(g)'"
                    if !c.examples.isEmpty { line += "   e.g. " + c.examples.joined(separator: " | ") }
                }
            }
            out.append(line)
            if !c.unrecognised.isEmpty {
                let what = c.column.hasSuffix("时间") || c.column == "学时" ? "not read (one example per way of writing)" : "not recognised"
                out.append("      \(what): " + c.unrecognised.map { "\($0.value.isEmpty ? "(empty)" : $0.value) ×\($0.count)" }.joined(separator: ", "))
            }
        }
        if !file.unusedHeaders.isEmpty { out.append("  headers left unused: " + file.unusedHeaders.joined(separator: ", ")) }
        return out
    }
}
