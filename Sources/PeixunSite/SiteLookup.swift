import Crypto
import _CryptoExtras
import Foundation

/// How the site finds a certificate by its number and code, and nothing else:
/// PBKDF2-HMAC-SHA256 (`iterations` rounds, the site's random salt) over
/// `NUMBER.CODE` gives 32 bytes `dk`; SHA-256(`peixun-site-id` ‖ dk) gives
/// the record's id (16 hex digits, the first `prefixLength` naming its data
/// file) and SHA-256(`peixun-site-key` ‖ dk) the AES-128-GCM key its record
/// is sealed with. The page (`verify.js`) computes the same with WebCrypto.
public struct SiteLookup: Sendable {
    /// Deliberately slow: see docs/verification-site.md for the trade-off.
    public static let defaultIterations = 1_000

    public let salt: [UInt8]
    public let iterations: Int

    public init(salt: [UInt8], iterations: Int = defaultIterations) {
        self.salt = salt; self.iterations = iterations
    }

    /// The derived id (hex) and record key for one certificate.
    public func derive(number: String, code: String) throws -> (id: String, key: SymmetricKey) {
        let password = Array(Self.password(number: number, code: code).utf8)
        let dk = try KDF.Insecure.PBKDF2.deriveKey(from: password, salt: salt, using: .sha256, outputByteCount: 32,
                                                   unsafeUncheckedRounds: iterations)
        let dkBytes = dk.withUnsafeBytes { Array($0) }
        let id = Array(SHA256.hash(data: Array("peixun-site-id".utf8) + dkBytes)).prefix(8)
        let key = Array(SHA256.hash(data: Array("peixun-site-key".utf8) + dkBytes)).prefix(16)
        return (Self.hex(id), SymmetricKey(data: Array(key)))
    }

    static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of lower-case hex digits (as `hex` writes them); nil for anything else.
    static func bytes<S: StringProtocol>(hex: S) -> [UInt8]? {
        func value(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: return c - 0x30
            case 0x61...0x66: return c - 0x61 + 10
            default: return nil
            }
        }
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(digits.count / 2)
        for i in stride(from: 0, to: digits.count, by: 2) {
            guard let hi = value(digits[i]), let lo = value(digits[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
        }
        return out
    }

    /// `NUMBER.CODE`, the number trimmed and upper-cased, the code as printed (`XXXXX-XXXXX`).
    static func password(number: String, code: String) -> String {
        number.trimmingCharacters(in: .whitespacesAndNewlines).uppercased() + "." + code
    }

    /// Hex digits of the id that name a data file: enough that a file holds
    /// at most ~256 records (3 at a million certificates: 4096 files).
    public static func prefixLength(forCount count: Int) -> Int {
        var length = 1
        while count > 256 * (1 << (4 * length)) && length < 6 { length += 1 }
        return length
    }
}
