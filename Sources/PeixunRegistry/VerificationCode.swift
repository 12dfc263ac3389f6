import Crypto
import Foundation
import PeixunCore

/// 校验码 — the code printed on a certificate: HMAC-SHA256 keyed by the
/// `VerificationKey`, over a length-prefixed encoding of programme, kind,
/// number, ID and name, truncated to 50 bits and written as 10 Crockford
/// base32 characters, `XXXXX-XXXXX`.
public enum VerificationCode {
    /// Crockford's base32 alphabet (no I, L, O, U).
    static let alphabet: [Character] = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    /// Characters in a code (5 bits each).
    public static let length = 10

    /// The code for one certificate. The ID is upper-cased and the name NFC
    /// normalised, so the same person always gets the same code.
    public static func compute(key: VerificationKey, programme: String, kind: CertificateKind, number: String,
                               id: String, name: String) -> String {
        let message = canonicalMessage(programme: programme, kind: kind, number: number, id: id, name: name)
        let mac = Array(HMAC<SHA256>.authenticationCode(for: message, using: key.symmetricKey))
        // The first 50 bits, big-endian, in ten 5-bit groups.
        var bits: UInt64 = 0
        for byte in mac.prefix(7) { bits = bits << 8 | UInt64(byte) }
        bits >>= 6
        var chars: [Character] = []
        for i in (0..<length).reversed() { chars.append(alphabet[Int(bits >> UInt64(5 * i) & 31)]) }
        return String(chars[0..<5]) + "-" + String(chars[5...])
    }

    /// The bytes that are signed: a version tag, then each field as a 4-byte
    /// big-endian length and its UTF-8 bytes. No two different field tuples
    /// encode alike.
    static func canonicalMessage(programme: String, kind: CertificateKind, number: String, id: String,
                                 name: String) -> [UInt8] {
        var out: [UInt8] = []
        for field in ["peixun-certificate-v1", programme, kind.rawValue, number, id.uppercased(),
                      name.precomposedStringWithCanonicalMapping] {
            let bytes = Array(field.utf8)
            let n = UInt32(bytes.count)
            out += [UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)]
            out += bytes
        }
        return out
    }

    /// A typed code in canonical form (`ABCDE-FGHJK`), or nil when it is not
    /// 10 base32 characters. Case, spaces and hyphens do not matter; `I`/`L`
    /// read as 1 and `O` as 0, as Crockford specifies.
    public static func normalize(_ text: String) -> String? {
        var chars: [Character] = []
        for c in text.uppercased() {
            switch c {
            case "-", " ", "\t": continue
            case "I", "L": chars.append("1")
            case "O": chars.append("0")
            default:
                guard alphabet.contains(c) else { return nil }
                chars.append(c)
            }
        }
        guard chars.count == length else { return nil }
        return String(chars[0..<5]) + "-" + String(chars[5...])
    }

    /// True when `typed` is the code `expected`, compared in constant time
    /// (after normalising the typed form).
    public static func matches(_ typed: String, expected: String) -> Bool {
        guard let typed = normalize(typed) else { return false }
        let a = Array(typed.utf8), b = Array(expected.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<a.count { difference |= a[i] ^ b[i] }
        return difference == 0
    }
}
