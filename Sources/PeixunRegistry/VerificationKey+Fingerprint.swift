import Crypto
import Foundation

extension VerificationKey {
    /// A public name for the key, safe to print and to store in the registry:
    /// the first 8 bytes of SHA-256 over a tag and the key, as four groups of
    /// hex digits (`3f2a-9c1b-07de-55a0`). It tells keys apart; it reveals
    /// nothing that helps to make codes.
    public var fingerprint: String {
        let digest = Array(SHA256.hash(data: Array("peixun-key-fingerprint-v1".utf8) + bytes))
        let hex = digest.prefix(8).map { String(format: "%02x", $0) }.joined()
        return stride(from: 0, to: 16, by: 4).map { i in
            String(hex[hex.index(hex.startIndex, offsetBy: i)..<hex.index(hex.startIndex, offsetBy: i + 4)])
        }.joined(separator: "-")
    }

    /// Where `defaultPath(environment:)` looks, and why, for messages:
    /// `$PEIXUN_KEY_FILE` or the default under `$HOME`.
    public static func defaultPathOrigin(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["PEIXUN_KEY_FILE"], !path.isEmpty { return "from PEIXUN_KEY_FILE" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return "the default under HOME=\(home); PEIXUN_KEY_FILE is not set"
    }
}
