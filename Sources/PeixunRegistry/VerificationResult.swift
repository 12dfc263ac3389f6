import Foundation
import PeixunCore

/// What the registry knows of a certificate whose code checked out. Masked ID only.
public struct VerifiedCertificate: Sendable, Equatable {
    public var number: String
    public var kind: CertificateKind
    public var programmeCode: String
    public var programmeName: String
    public var issuer: String
    public var holderName: String
    public var maskedID: String
    public var county: String
    public var school: String
    /// When the run that revoked it ran; nil while valid.
    public var revokedAt: Date?
}

/// The answer of `CertificateRegistry.verify(number:code:key:)`.
public enum VerificationResult: Sendable, Equatable {
    /// 有效 — the number is registered, the code matches, the certificate stands.
    case valid(VerifiedCertificate)
    /// 已撤销 — the code matches but the certificate was revoked.
    case revoked(VerifiedCertificate)
    /// 伪造 — the number exists but the code does not match it (or is malformed).
    /// Nothing about the holder is disclosed.
    case forged
    /// 编号不存在 — no certificate has this number.
    case unknownNumber

    public var isValid: Bool { if case .valid = self { return true } else { return false } }
}
