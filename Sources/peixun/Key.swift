import ArgumentParser
import Foundation
import PeixunRegistry

/// `peixun key …` — the registry's verification keys.
struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "The verification keys a registry has recorded (校验密钥).",
        subcommands: [KeyRotateCommand.self, KeyListCommand.self])
}

/// `peixun key rotate --registry FILE --key NEW` — the one deliberate way to
/// change a registry's key.
struct KeyRotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate",
        abstract: "Make NEW the key new certificates' codes are made with (更换校验密钥).",
        discussion: """
            The registry pins the key of the first run that issued certificates, and 'peixun run' \
            refuses any other. Rotating records NEW (created with mode 0600 if the file does not \
            exist) as the registry's key: certificates issued before keep the code printed on them \
            and stay verifiable, new ones get codes made with NEW. Afterwards run with --key NEW or \
            PEIXUN_KEY_FILE=NEW. The old key is not needed to rotate (a lost key can be replaced).
            """)

    @Option(name: .long, help: ArgumentHelp("The registry, e.g. out/xuchang-2021-1/registry.sqlite.", valueName: "file"))
    var registry: String

    @Option(name: .long, help: ArgumentHelp("The new key file (created if absent; never inside the output folder).", valueName: "file"))
    var key: String

    func run() throws {
        let registryURL = URL(fileURLWithPath: registry).standardizedFileURL
        guard FileManager.default.fileExists(atPath: registryURL.path) else {
            throw RunFailure(message: "key rotate: no registry at \(registry)")
        }
        let folder = registryURL.deletingLastPathComponent()
        try VerificationKey.ensure(keyPath: key, isOutside: folder.path)
        // The registry lives in a run's output folder: hold that folder's lock,
        // so a run cannot replace the registry while the key changes.
        let lock = try OutputLock(folder: folder)
        defer { lock.release() }
        let keyPath = URL(fileURLWithPath: key).standardizedFileURL.path
        let newKey = try VerificationKey.loadOrCreate(at: keyPath)
        let (previous, recorded) = try CertificateRegistry(existingAt: registryURL.path)
            .rotateKey(to: newKey, keyPath: keyPath, at: Date())
        Log.notice("校验密钥已更换 key rotated in \(registry): \(previous?.fingerprint ?? "(none)") → \(recorded.fingerprint). "
            + "Certificates already issued keep their codes. From now on run with --key \(keyPath) "
            + "or PEIXUN_KEY_FILE=\(keyPath); keep the old key file as a backup.")
    }
}

/// `peixun key list --registry FILE`
struct KeyListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the keys a registry has recorded, oldest first (fingerprints only).")

    @Option(name: .long, help: ArgumentHelp("The registry file.", valueName: "file"))
    var registry: String

    func run() throws {
        let state = try KeyPinState.read(registryAt: registry)
        if state.keys.isEmpty { print("no key recorded yet (\(state.certificates) certificates)") }
        for (i, key) in state.keys.enumerated() {
            print((i == state.keys.count - 1 ? "current  " : "retired  ") + key.summary)
        }
    }
}

/// The lock `Staging` takes on an output folder (`.<name>.lock` beside it),
/// for commands that change a file inside it in place.
final class OutputLock {
    private let fd: Int32

    init(folder: URL) throws {
        let lockPath = folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent).lock").path
        fd = open(lockPath, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw RunFailure(message: "cannot open the lock file \(lockPath): \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw RunFailure(message: "\(folder.path): a peixun run is writing to this folder; try again when it has finished")
        }
    }

    func release() {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
