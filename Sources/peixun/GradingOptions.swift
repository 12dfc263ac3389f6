import ArgumentParser
import Foundation
import PeixunCore

/// `--scheme FILE --input DIR [--as-of DATE]`, shared by the commands that grade.
struct GradingOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The programme's scheme file (TOML), e.g. seeds/xuchang-2021-1/scheme.toml.", valueName: "file"))
    var scheme: String

    @Option(name: .long, help: ArgumentHelp("The platform export: a folder with roster, courses, activities, homework and tutor_posts (.csv or .xlsx; English or Chinese names).", valueName: "dir"))
    var input: String

    @Option(name: .long, help: ArgumentHelp("An export profile (TOML): how this platform names its files, columns and values (docs/profiles.md). Without one the export must follow the contract's names.", valueName: "file"))
    var profile: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Mid-term use: ignore records after this day (YYYY-MM-DD).", valueName: "date"))
    var asOf: String?

    func validate() throws {
        if let asOf, CivilDate(iso: asOf) == nil {
            throw ValidationError("--as-of must be a date YYYY-MM-DD, got '\(asOf)'")
        }
    }

    func loadScheme() throws -> Scheme { try SchemeLoader.load(path: scheme) }

    /// The export profile given with --profile, or the contract's own layout.
    func loadProfile() throws -> ExportProfile { try profile.map(ProfileLoader.load(path:)) ?? .contract }

    func grade() throws -> Results {
        let scheme = try loadScheme()
        let profile = try loadProfile()
        let started = Date()
        let results = try Grader.grade(scheme: scheme, inputDirectory: input,
                                       options: .init(asOf: asOf.flatMap(CivilDate.init(iso:)), profile: profile))
        Log.info(String(format: "graded %d trainees and %d tutors in %.1f s (%d anomalies)",
                        results.trainees.count, results.tutors.count, Date().timeIntervalSince(started),
                        results.anomalies.count))
        return results
    }
}
