import ArgumentParser
import Foundation
import PeixunCore
import PeixunRegistry

/// `peixun verify NUMBER CODE` — offline check of a printed certificate
/// against the registry and the verification key. Exit 0 when valid, 1 when
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

    @Option(name: .long, help: "The verification key file (default: $PEIXUN_KEY_FILE or ~/.config/peixun/secret.key).")
    var key: String?

    func run() throws {
        let answer: VerificationResult
        do {
            let key = try VerificationKey.load(at: self.key ?? VerificationKey.defaultPath())
            let registry = try CertificateRegistry(existingAt: registry)
            answer = try registry.verify(number: number, code: code, key: key)
        } catch let error as RegistryError {
            Log.error("verify: \(error)")
            throw ExitCode.failure
        }
        print(Self.report(answer, number: number, code: code, registryPath: registry), terminator: "")
        if !answer.isValid { throw ExitCode.failure }
    }

    /// The answer in Chinese and English.
    static func report(_ answer: VerificationResult, number: String, code: String, registryPath: String) -> String {
        switch answer {
        case .valid(let c):
            return "有效 VALID — 证书真实有效 this certificate is genuine and valid.\n" + details(c)
        case .revoked(let c):
            let when = c.revokedAt.map { " (\(Self.dateText($0)))" } ?? ""
            return "已撤销 REVOKED — 该证书已被撤销\(when) this certificate was revoked and is no longer valid.\n"
                + details(c)
        case .forged:
            var text = "伪造 FORGED — 校验码与证书编号 \(number) 不符 the code does not match this certificate number.\n"
            if VerificationCode.normalize(code) == nil {
                text += "  校验码应为10位字符 XXXXX-XXXXX a code has 10 characters, XXXXX-XXXXX.\n"
            }
            return text
        case .unknownNumber:
            return "编号不存在 UNKNOWN — 登记库中没有证书编号 \(number) no certificate with this number in \(registryPath).\n"
        }
    }

    static func details(_ c: VerifiedCertificate) -> String {
        var lines = [
            "  证书编号 Number:    \(c.number)",
            "  证书类别 Kind:      \(c.kind.title) (\(c.kind.rawValue))",
            "  培训项目 Programme: \(c.programmeName) (\(c.programmeCode))",
        ]
        if !c.issuer.isEmpty { lines.append("  发证单位 Issuer:    \(c.issuer)") }
        lines += [
            "  持证人 Holder:      \(c.holderName)",
            "  身份证号 ID:        \(c.maskedID)",
            "  区县/单位 County/School: \(c.county) / \(c.school)",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    static func dateText(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        return formatter.string(from: date)
    }
}
