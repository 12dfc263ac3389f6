import ArgumentParser
import PeixunCore
import PeixunRegistry

/// `--registry FILE`: a run's certificate registry, read only, to show each
/// person's certificate numbers (grade, roster).
struct RegistryLookup: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A run's certificate registry, to fill in each person's certificate numbers (read only).", valueName: "file"))
    var registry: String?

    /// Fills the certificate numbers when a registry was given.
    func fill(_ results: inout Results) throws {
        guard let registry else { return }
        try Self.fill(&results, from: registry)
    }

    static func fill(_ results: inout Results, from registry: String) throws {
        let missing = try CertificateRegistry(existingAt: registry).fill(&results)
        if missing > 0 {
            Log.warning("\(missing) qualifying people have no certificate number yet: run 'peixun run' first")
        }
    }
}
