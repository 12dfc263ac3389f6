import ArgumentParser
import Foundation
import PeixunCore
import PeixunRegistry
import PeixunRender

struct CertifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certify",
        abstract: "Draw the certificates again from a run's registry: reprints, overlays, a printer test sheet.",
        discussion: """
            Grades the export, takes every certificate number from the registry that 'peixun run' \
            keeps (read only: no number is assigned or revoked here), and draws the certificates into \
            --out: one PDF per person under certificates/<kind>/<区县>/<单位>/, and merged print files \
            per 区县 and 单位 under certificates/print/. With --overlay only the variable text is \
            printed, for pre-printed certificate paper; --offset-mm X,Y shifts it to calibrate a \
            printer. --test-sheet draws a calibration page per kind (a millimetre grid with the \
            template's boxes) and nothing else — check the alignment before printing thousands.
            """)

    @Option(name: .long, help: ArgumentHelp("The programme's scheme file.", valueName: "file"))
    var scheme: String?

    @Option(name: .long, help: ArgumentHelp("The platform export folder.", valueName: "dir"))
    var input: String?

    @Option(name: .long, help: ArgumentHelp("The registry of a previous run (e.g. out/xuchang-2021-1/registry.sqlite).", valueName: "file"))
    var registry: String?

    @Option(name: .long, help: ArgumentHelp("Output folder (replaced as a whole at the end).", valueName: "dir"))
    var out: String

    @Flag(name: .customLong("test-sheet"), help: "Only draw a calibration page per certificate kind.")
    var testSheet = false

    @OptionGroup var certificates: CertificateOptions

    func validate() throws {
        if !testSheet && (scheme == nil || input == nil || registry == nil) {
            throw ValidationError("--scheme, --input and --registry are needed (or --test-sheet)")
        }
    }

    func run() throws {
        let staging = try Staging(out: out)
        if testSheet {
            let renderer = try certificates.renderer()
            let layout = CertificateOutputLayout(outputDirectory: staging.path(""))
            try FileManager.default.createDirectory(atPath: layout.root, withIntermediateDirectories: true)
            for kind in CertificateKind.allCases {
                try renderer.writeTestSheet(kind: kind, to: (layout.root as NSString).appendingPathComponent(layout.testSheetFile(kind: kind)))
            }
            try staging.commit()
            Log.notice("test sheets → \(out)/\((layout.root as NSString).lastPathComponent)")
            return
        }
        guard let scheme, let input, let registry else { return }
        var results = try Grader.grade(scheme: try SchemeLoader.load(path: scheme), inputDirectory: input)
        try RegistryLookup.fill(&results, from: registry)
        // Codes come from the registry; the key only for one from before codes were stored.
        let book = try CertificateRegistry(existingAt: registry)
        let key = try KeyPinState.read(registryAt: registry).certificatesWithoutCode > 0
            ? try VerificationKey.load(at: certificates.keyPath) : nil
        let drawn = try certificates.write(results, registry: book, key: key, into: staging.path(""))
        try staging.commit()
        Log.notice("\(drawn.personFiles.count) certificates, \(drawn.mergedFiles.count) print files → \(out)"
            + (drawn.failures.isEmpty ? "" : "; \(drawn.failures.count) could not be drawn (see warnings)"))
    }
}

extension CertificateRegistry {
    /// Fills the results' certificate lists from the registry's valid certificates
    /// (read only); returns how many qualifying people have no number yet.
    func fill(_ results: inout Results) throws -> Int {
        let code = results.scheme.programme.code
        var numbers: [String: String] = [:]
        for c in try certificates(programme: code) where c.status == .issued {
            numbers["\(c.personID)|\(c.kind.rawValue)"] = c.number
        }
        var missing = 0
        func refs(_ id: String, _ kinds: [CertificateKind]) -> [CertificateRef] {
            kinds.compactMap { kind in
                guard let n = numbers["\(id)|\(kind.rawValue)"] else { missing += 1; return nil }
                return CertificateRef(kind: kind, number: n)
            }
        }
        for i in results.trainees.indices {
            let t = results.trainees[i]
            results.trainees[i].certificates = refs(t.id, (t.passed ? [.completion] : []) + (t.excellent ? [.excellentTrainee] : []))
        }
        for i in results.tutors.indices where results.tutors[i].excellent {
            results.tutors[i].certificates = refs(results.tutors[i].id, [.excellentTutor])
        }
        return missing
    }
}
