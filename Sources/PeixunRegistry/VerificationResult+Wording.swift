import Foundation
import PeixunCore

/// The words a verification answer is given in, shared by `peixun verify` and
/// the published verification site so both say the same thing.
public enum VerificationWording {
    /// 有效 — the site's and the command line's word for a valid certificate.
    public static let valid = "有效"
    public static let validExplained = "证书真实有效"
    /// 已撤销
    public static let revoked = "已撤销"
    public static let revokedExplained = "该证书已被撤销，不再有效"
    /// 无效 — the site cannot tell a wrong code from an unknown number (it
    /// knows neither), so both are 无效 there.
    public static let invalid = "无效"
    public static let invalidExplained = "证书编号与校验码不符，或无此证书"
    /// 伪造 / 编号不存在 — the command line, which holds the registry, says which.
    public static let forged = "伪造"
    public static let unknownNumber = "编号不存在"

    /// Field labels, in the order they are shown.
    public static let numberLabel = "证书编号", kindLabel = "证书类别", programmeLabel = "培训项目",
                      issuerLabel = "发证单位", issueDateLabel = "发证日期", holderLabel = "持证人",
                      idLabel = "身份证号", schoolLabel = "单位", countyLabel = "区县", revokedAtLabel = "撤销日期"
}

extension VerificationResult {
    /// The command line's answer in Chinese and English.
    public func report(number: String, code: String, registryPath: String) -> String {
        typealias W = VerificationWording
        switch self {
        case .valid(let c):
            return "\(W.valid) VALID — \(W.validExplained) this certificate is genuine and valid.\n" + Self.details(c)
        case .revoked(let c):
            let when = c.revokedAt.map { " (\(Self.dateText($0)))" } ?? ""
            return "\(W.revoked) REVOKED — 该证书已被撤销\(when) this certificate was revoked and is no longer valid.\n"
                + Self.details(c)
        case .forged:
            var text = "\(W.forged) FORGED — 校验码与证书编号 \(number) 不符 the code does not match this certificate number.\n"
            if VerificationCode.normalize(code) == nil {
                text += "  校验码应为10位字符 XXXXX-XXXXX a code has 10 characters, XXXXX-XXXXX.\n"
            }
            return text
        case .unknownNumber:
            return "\(W.unknownNumber) UNKNOWN — 登记库中没有证书编号 \(number) no certificate with this number in \(registryPath).\n"
        }
    }

    static func details(_ c: VerifiedCertificate) -> String {
        typealias W = VerificationWording
        var lines = [
            "  \(W.numberLabel) Number:    \(c.number)",
            "  \(W.kindLabel) Kind:      \(c.kind.title) (\(c.kind.rawValue))",
            "  \(W.programmeLabel) Programme: \(c.programmeName) (\(c.programmeCode))",
        ]
        if !c.issuer.isEmpty { lines.append("  \(W.issuerLabel) Issuer:    \(c.issuer)") }
        lines += [
            "  \(W.holderLabel) Holder:      \(c.holderName)",
            "  \(W.idLabel) ID:        \(c.maskedID)",
            "  \(W.countyLabel)/\(W.schoolLabel) County/School: \(c.county) / \(c.school)",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `2021-12-25`, in China's time zone.
    public static func dateText(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        return formatter.string(from: date)
    }
}
