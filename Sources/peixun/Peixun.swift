import ArgumentParser
import PeixunCore

@main
struct Peixun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "peixun",
        abstract: "Grades a teacher-training programme's export and writes certificates, rosters and briefings.",
        subcommands: [SampleCommand.self])
}
