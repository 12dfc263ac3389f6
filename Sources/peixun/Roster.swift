import ArgumentParser
import PeixunCore
import PeixunWorkbook

extension RosterOptions.Split: ExpressibleByArgument {}

struct RosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "Grade an export and write the Excel rosters (培训名册.xlsx) into a folder.",
        discussion: """
            Writes 培训名册.xlsx (sheets 名册, 合格名单, 优秀学员, 坊主考核, 坊统计, 区县统计, 异常记录, \
            项目信息) for the education bureau: IDs and certificate numbers as text, scores as numbers, \
            rates as percentages, printable on A4 landscape. With --split county also one workbook per \
            区县. Certificate numbers are filled in from --registry (the registry a previous 'run' kept). \
            The workbooks hold full ID numbers: they are written 0640 in a 0750 folder whatever the \
            umask; --group names the staff group that may read them.
            """)

    @OptionGroup var options: GradingOptions

    @Option(name: .long, help: ArgumentHelp("Output folder.", valueName: "dir"))
    var out: String

    @Option(name: .long, help: "none, or county: also one workbook per 区县.")
    var split: RosterOptions.Split = .none

    @OptionGroup var registry: RegistryLookup

    @OptionGroup var group: OutputGroup

    func run() throws {
        var results = try options.grade()
        try registry.fill(&results)
        for path in try RosterWriter.write(results: results, to: out, options: RosterOptions(split: split)) {
            if let gid = group.gid { try OutputGroup.assign(gid, to: path) }
            Log.info("wrote \(path)")
        }
        if let gid = group.gid { try OutputGroup.assign(gid, to: out) }
    }
}
