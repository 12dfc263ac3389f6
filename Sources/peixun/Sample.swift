import ArgumentParser
import Foundation
import PeixunCore
import PeixunWorkbook

/// `peixun sample` — writes a synthetic platform export to try the tool on.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write a made-up but realistic platform export to try the tool on.",
        discussion: """
            Creates the five files the tool reads (roster.csv, courses.csv, activities.csv, \
            homework.csv, tutor_posts.csv) for N invented teachers of Xuchang's nine counties and \
            districts: valid, unique ID numbers, schools, 坊 of 20–60 trainees each with one tutor, \
            and a term's worth of course, activity, homework and tutor records. Most trainees pass, \
            some fall short, and about one course row in a thousand is deliberately faulty (unknown \
            module, bad 学时, time outside the period, unknown ID) so that `peixun check` has \
            something to report.

            The same --people and --seed always give byte-identical files. Module, activity, \
            homework and grade names come from the scheme. Large samples stream to disk: \
            --people 1000000 writes about 30 million course rows (≈3 GB) in bounded memory.

            With --profile the same export is written in that platform's shape (docs/profiles.md): \
            its file names (a table whose pattern has * split over several files with --split-rows N, \
            or past a million rows), headers, spellings, study time in minutes, its first time format; \
            --format xlsx writes .xlsx files (with or without a profile). It grades exactly like the \
            contract-shape sample.

            The output folder is created if needed and must be empty unless --force is given. \
            示范区, 开发区 and 东城区 have no area code of their own; their IDs start with \
            411071, 411072 and 411073.
            """)

    @Option(name: .long, help: ArgumentHelp("How many people (trainees and tutors) to invent.", valueName: "n"))
    var people: Int

    @Option(name: .long, help: ArgumentHelp("Seed for the invented data; the same seed gives the same files.", valueName: "s"))
    var seed: UInt64

    @Option(name: .long, help: ArgumentHelp("Folder to write the export into (created if missing).", valueName: "dir"))
    var out: String

    @Option(name: .long, help: ArgumentHelp("Scheme whose module, activity, homework and grade names to use.", valueName: "file"))
    var scheme: String = "seeds/xuchang-2021-1/scheme.toml"

    @Option(name: .long, help: ArgumentHelp("Write the export in this platform's shape (an export profile, TOML).", valueName: "file"))
    var profile: String?

    @Option(name: .customLong("split-rows"), help: ArgumentHelp("With --profile: at most this many rows per file for tables whose file pattern has a *.", valueName: "n"))
    var splitRows: Int?

    @Option(name: .long, help: "csv or xlsx files (xlsx: one workbook per table, first sheet).")
    var format: SampleFormat = .csv

    @Flag(name: .long, help: "Write into a folder that already holds files: the export's tables are replaced, other files kept.")
    var force = false

    func validate() throws {
        guard people >= 1 && people <= SampleGenerator.maximumPeople else {
            throw ValidationError("--people must be between 1 and \(SampleGenerator.maximumPeople).")
        }
        if profile == nil, splitRows != nil {
            throw ValidationError("--split-rows needs --profile (the contract's names allow one file per table).")
        }
        if let splitRows, splitRows < 1 { throw ValidationError("--split-rows must be at least 1.") }
    }

    func run() throws {
        // A scheme that cannot be read propagates as SchemeError (exit 1).
        let loaded = try SchemeLoader.load(path: scheme)
        let shape = try profile.map(ProfileLoader.load(path:))
        let started = Date()
        let summary: SampleSummary
        do {
            let generator = SampleGenerator(scheme: loaded, people: people, seed: seed)
            if shape != nil || format == .xlsx {
                summary = try ProfiledSample(profile: shape ?? .contract, splitRows: splitRows, format: format)
                    .write(generator, to: out, overwrite: force)
            } else {
                summary = try generator.write(to: out, overwrite: force)
            }
        } catch let error as SampleError {
            Log.error(error.description)
            switch error {
            case .directoryNotEmpty, .notADirectory, .peopleOutOfRange: throw ExitCode(2)
            case .writeFailed: throw ExitCode(1)
            }
        }
        let seconds = Date().timeIntervalSince(started)
        let anomalies = summary.anomalies.values.reduce(0, +)
        print("""
            Wrote a sample export to \(out):
              \(summary.people) people in \(summary.classes) 坊 (\(summary.trainees) 学员, \(summary.tutors) 坊主 \
            of whom \(summary.tutorTrainees) 坊主兼学员)
              \(summary.rows["courses.csv"] ?? 0) course rows, \(summary.rows["activities.csv"] ?? 0) activity rows, \
            \(summary.rows["homework.csv"] ?? 0) homework rows, \(summary.rows["tutor_posts.csv"] ?? 0) tutor posts
              \(anomalies) deliberate anomaly rows in courses.csv
              \(summary.bytes) bytes in \(String(format: "%.1f", seconds)) s
            """)
    }
}
