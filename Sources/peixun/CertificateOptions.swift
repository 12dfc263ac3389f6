import ArgumentParser
import Foundation
import PeixunCore
import PeixunRegistry
import PeixunRender

/// Options for drawing certificates, shared by `run` and `certify`.
struct CertificateOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Certificate templates folder, searched first, file by file (then $PEIXUN_HOME/Templates, /etc/peixun/templates, the checkout's Templates/, /usr/share/peixun/templates).", valueName: "dir"))
    var templates: String?

    @Option(name: .long, help: ArgumentHelp("Extra fonts folder, registered before the system fonts (so are $PEIXUN_HOME/Fonts, /etc/peixun/fonts, the checkout's Fonts/, /usr/share/peixun/fonts).", valueName: "dir"))
    var fonts: String?

    @Option(name: .long, help: ArgumentHelp("The verification key file (default: $PEIXUN_KEY_FILE or ~/.config/peixun/secret.key; created with mode 0600 on first use; never inside the output folder).", valueName: "file"))
    var key: String?

    @Flag(name: .long, help: "Print only the variable text, for pre-printed certificate paper.")
    var overlay = false

    @Option(name: .customLong("offset-mm"), help: ArgumentHelp("With --overlay: shift everything by X,Y millimetres to calibrate a printer (e.g. 1.5,-0.8).", valueName: "x,y"))
    var offsetMM: String?

    @Flag(name: .customLong("no-certificates"), help: "Do not draw certificates (numbers are still assigned).")
    var skipCertificates = false

    func validate() throws {
        let environment = ProcessInfo.processInfo.environment
        if key == nil, (environment["PEIXUN_KEY_FILE"] ?? "").isEmpty, (environment["HOME"] ?? "").isEmpty {
            // cron sets HOME, `env -i` and some service managers do not: say where the key goes.
            Log.warning("HOME is not set: the verification key file is \(VerificationKey.defaultPath(environment: environment)) "
                + "(the account's home); name it with --key FILE or PEIXUN_KEY_FILE")
        }
        if offsetMM != nil && !overlay { throw ValidationError("--offset-mm goes with --overlay") }
        if let offsetMM, parsedOffset(offsetMM) == nil {
            throw ValidationError("--offset-mm must be two numbers X,Y in millimetres, e.g. 1.5,-0.8")
        }
    }

    func parsedOffset(_ text: String) -> (Double, Double)? {
        let parts = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let x = parts[0], let y = parts[1], abs(x) < 50, abs(y) < 50 else { return nil }
        return (x, y)
    }

    var keyPath: String { key ?? VerificationKey.defaultPath() }

    /// `keyPath` made absolute, as the registry records it.
    var absoluteKeyPath: String { URL(fileURLWithPath: keyPath).standardizedFileURL.path }

    /// Why `keyPath` is where the key is looked for, for messages.
    var keyOrigin: String { key != nil ? "from --key" : VerificationKey.defaultPathOrigin() }

    /// The key a run on `out` issues with: the one the previous run's registry
    /// pinned (another, or none, is refused before anything is written); a
    /// new one only when no certificate exists yet. Never inside `out`.
    func keyForRun(out: String) throws -> VerificationKey {
        try VerificationKey.ensure(keyPath: keyPath, isOutside: out)
        let registry = (out as NSString).appendingPathComponent("registry.sqlite")
        return try VerificationKey.forRun(registryAt: registry, registryName: registry, keyPath: keyPath, origin: keyOrigin)
    }

    var mode: RenderMode {
        guard overlay else { return .full }
        let (x, y) = offsetMM.flatMap(parsedOffset) ?? (0, 0)
        return .overlay(dx: x, dy: y)
    }

    /// Registers the fonts folders (`--fonts`, then `ResourceSearchPath`'s) with fontconfig. Before
    /// anything is drawn on any thread: the briefings, drawn beside the certificates, use them too.
    func registerFonts() throws {
        do {
            for dir in try Resources.searchPath.folders("Fonts", explicit: fonts) { try FontRegistry.register(directory: dir) }
        } catch ResourceError.notAFolder(let path) {
            throw RunFailure(message: "--fonts \(path): not a folder")
        }
    }

    /// Registers the fonts folders and loads the templates, each file from the
    /// first folder that has it (`ResourceSearchPath`).
    func renderer() throws -> CertificateRenderer {
        try registerFonts()
        let search = Resources.searchPath
        let files: [CertificateKind: String]
        do {
            files = try search.templateFiles(explicit: templates)
        } catch ResourceError.notAFolder(let path) {
            throw RunFailure(message: "\(path == fonts ? "--fonts" : "--templates") \(path): not a folder")
        } catch let error as ResourceError {
            throw RunFailure(message: "\(error): put one in /etc/peixun/templates, pass --templates DIR or set PEIXUN_HOME")
        }
        var loaded: [CertificateKind: CertificateTemplate] = [:]
        for kind in CertificateKind.allCases {
            guard let file = files[kind] else { continue }
            loaded[kind] = try CertificateTemplate.load(path: file)
            Log.info("template \(kind.rawValue): \(file)")
        }
        return CertificateRenderer(templates: loaded)
    }

    /// Draws every certificate of `results` into `directory` (its `certificates/`
    /// folder). A certificate that cannot be drawn (a character no font has) is
    /// reported and left out; the others are written.
    /// With `reuse` (a rerun), files drawn by the previous run from the same inputs are taken over;
    /// `clock` gets the time of the per-person and the merged phase.
    func write(_ results: Results, registry: CertificateRegistry, key: VerificationKey?,
               into directory: String, reuse: OutputReuse? = nil, clock: StageClock? = nil) throws -> CertificateOutputSummary {
        let renderer = try renderer()
        return try draw(try printBatch(results, registry: registry, key: key), with: renderer, into: directory,
                        reuse: reuse, clock: clock)
    }

    /// Every certificate of `results` as it is printed. Each code is the one the registry stored
    /// (made under whichever key was current when it was issued); `key` only makes those it has
    /// not stored.
    func printBatch(_ results: Results, registry: CertificateRegistry, key: VerificationKey?) throws -> [CertificateData] {
        let code = results.scheme.programme.code
        let stored = try registry.storedCodes(programme: code)
        var missing = 0
        let data = CertificateData.batch(from: results) { ref, person in
            if let known = stored[ref.number] { return known }
            guard let key else { missing += 1; return "" }
            return VerificationCode.compute(key: key, programme: code, kind: ref.kind, number: ref.number,
                                            id: person.id, name: person.name)
        }
        if missing > 0 {
            throw RunFailure(message: "\(missing) certificates have no stored verification code in \(registry.path) and no key was given: pass --key")
        }
        return data
    }

    /// Draws `data` in `mode` into `directory`, with a progress bar; warns of each certificate not drawn.
    func draw(_ data: [CertificateData], with renderer: CertificateRenderer, mode: RenderMode? = nil, into directory: String,
              reuse: OutputReuse? = nil, clock: StageClock? = nil,
              workers: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> CertificateOutputSummary {
        let bar = Progress(label: "certificates", total: data.count)
        let summary = try renderer.writeAll(data, outputDirectory: directory,
                                            options: CertificateOutputOptions(mode: mode ?? self.mode, reuse: reuse, workers: workers,
                                                                              progress: bar.update,
                                                                              phaseDone: { clock?.add($0, seconds: $1) }))
        bar.finish()
        for f in summary.failures { Log.warning("certificate not drawn: \(f)") }
        return summary
    }
}
