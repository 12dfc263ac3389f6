import ArgumentParser
import Foundation
import PeixunCore
import PeixunRegistry

/// `peixun verify NUMBER CODE` — offline check of a printed certificate
/// against the registry (which accepts a code made under any key it has recorded). Exit 0 when valid, 1 when
/// revoked, forged, unknown or when the registry or key cannot be read.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Checks a certificate number and its verification code (证书核验).",
        discussion: """
            Answers valid (有效), revoked (已撤销), forged (伪造) or unknown number (编号不存在), \
            with the holder's name and masked ID when the code matches. Exit status: 0 valid; \
            1 revoked, forged, unknown, or the registry or key cannot be read; 2 usage error.
            """)

    @Argument(help: "The certificate number as printed, e.g. XC2021-1-JY-000001.")
    var number: String

    @Argument(help: "The verification code as printed, e.g. 7K3QH-M2XVA (case, spaces and hyphens do not matter).")
    var code: String

    @Option(name: .long, help: "The registry file (default: out/registry.sqlite).")
    var registry: String = CertificateRegistry.defaultPath

    @Option(name: .long, help: "The verification key file, needed only for a registry from before codes were stored (default: $PEIXUN_KEY_FILE or ~/.config/peixun/secret.key).")
    var key: String?

    func run() throws {
        let answer: VerificationResult
        do {
            // The registry stores each code with the key it was made under, so
            // the key is only read for a registry from before codes were stored.
            let registry = try CertificateRegistry(existingAt: registry)
            do {
                answer = try registry.verify(number: number, code: code)
            } catch RegistryError.codesNotStored {
                let key = try VerificationKey.load(at: self.key ?? VerificationKey.defaultPath())
                answer = try registry.verify(number: number, code: code, key: key)
            }
        } catch let error as RegistryError {
            Log.error("verify: \(error)")
            throw ExitCode.failure
        }
        print(answer.report(number: number, code: code, registryPath: registry), terminator: "")
        if !answer.isValid { throw ExitCode.failure }
    }
}
