import Crypto
import Foundation
import PeixunCore
import PeixunRegistry

/// 核验网站 — writes the static verification site: `index.html`, `verify.js`,
/// `verify.css`, `site.js` (the lookup parameters and programme list) and
/// `data/<prefix>.js`, one file per id prefix (every prefix has a file, so a
/// miss looks like a hit from the outside). Each record is sealed with a key
/// only its number and code give, so the files reveal nothing to someone who
/// holds neither. No server code, no request outside the folder: data files
/// are scripts (`peixunShard(…)`), which load from `file://` as from any host.
public enum SiteWriter {
    public struct Summary: Sendable, Equatable {
        public var records: Int
        public var files: Int
        public var bytes: Int
        public var prefixLength: Int
    }

    public static func write(entries: [SiteEntry], programmes: [SiteProgramme], to folder: String,
                             iterations: Int = SiteLookup.defaultIterations) throws -> Summary {
        let salt = (0..<16).map { _ in UInt8.random(in: .min ... .max) }
        let lookup = SiteLookup(salt: salt, iterations: iterations)
        let prefixLength = SiteLookup.prefixLength(forCount: entries.count)
        let sealed = try seal(entries, lookup: lookup)

        let fm = FileManager.default
        let data = (folder as NSString).appendingPathComponent("data")
        try fm.createDirectory(atPath: data, withIntermediateDirectories: true)
        var summary = Summary(records: entries.count, files: 0, bytes: 0, prefixLength: prefixLength)
        func put(_ text: String, _ relative: String) throws {
            let bytes = Data(text.utf8)
            try bytes.write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(relative)))
            summary.files += 1
            summary.bytes += bytes.count
        }

        var shards: [String: [String]] = [:]
        for (id, record) in sealed { shards[String(id.prefix(prefixLength)), default: []].append("\"\(id)\":\"\(record)\"") }
        let shardCount = 1 << (4 * prefixLength)
        for n in 0..<shardCount {
            let prefix = String(format: "%0\(prefixLength)x", n)
            let rows = (shards[prefix] ?? []).sorted()
            try put("peixunShard(\"\(prefix)\",{\(rows.joined(separator: ",\n"))});\n", "data/\(prefix).js")
        }
        try put(try config(lookup: lookup, prefixLength: prefixLength, programmes: programmes), "site.js")
        try put(SiteAssets.indexHTML, "index.html")
        try put(SiteAssets.script, "verify.js")
        try put(SiteAssets.style, "verify.css")
        return summary
    }

    /// (id, base64 of nonce ‖ ciphertext ‖ tag) per entry, derived on every core.
    static func seal(_ entries: [SiteEntry], lookup: SiteLookup) throws -> [(String, String)] {
        let lock = NSLock()
        var out = [(String, String)?](repeating: nil, count: entries.count)
        var failure: Error?
        let chunk = 256
        DispatchQueue.concurrentPerform(iterations: (entries.count + chunk - 1) / chunk) { c in
            var local: [(Int, (String, String))] = []
            do {
                for i in c * chunk..<min(entries.count, (c + 1) * chunk) {
                    let e = entries[i]
                    let (id, key) = try lookup.derive(number: e.number, code: e.code)
                    let box = try AES.GCM.seal(try plaintext(e), using: key)
                    guard let combined = box.combined else { throw SiteError.sealing }
                    local.append((i, (id, combined.base64EncodedString())))
                }
            } catch {
                lock.lock(); failure = error; lock.unlock()
            }
            lock.lock()
            for (i, row) in local { out[i] = row }
            lock.unlock()
        }
        if let failure { throw failure }
        return out.compactMap { $0 }
    }

    /// The sealed record: status, kind, programme index, masked name, 区县, 单位, revocation day.
    /// Written by hand: JSONSerialization costs more than the sealing at a million records.
    static func plaintext(_ e: SiteEntry) throws -> Data {
        var text = "{\"c\":\(jsonString(e.county)),\"k\":\(jsonString(e.kind.rawValue)),\"n\":\(jsonString(e.maskedName)),"
            + "\"p\":\(e.programme),"
        if let r = e.revokedOn { text += "\"r\":\(jsonString(r))," }
        text += "\"s\":\(jsonString(e.status.rawValue)),\"u\":\(jsonString(e.school))}"
        return Data(text.utf8)
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func jsonString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func config(lookup: SiteLookup, prefixLength: Int, programmes: [SiteProgramme]) throws -> String {
        typealias W = VerificationWording
        let config: [String: Any] = [
            "version": 1,
            "salt": lookup.salt.map { String(format: "%02x", $0) }.joined(),
            "iterations": lookup.iterations,
            "prefix": prefixLength,
            "programmes": programmes.map { ["name": $0.name, "issuer": $0.issuer, "issueDate": $0.issueDate] },
            "kinds": Dictionary(uniqueKeysWithValues: CertificateKind.allCases.map { ($0.rawValue, $0.title) }),
            "words": [
                "valid": W.valid, "validExplained": W.validExplained, "revoked": W.revoked,
                "revokedExplained": W.revokedExplained, "invalid": W.invalid, "invalidExplained": W.invalidExplained,
                "number": W.numberLabel, "kind": W.kindLabel, "programme": W.programmeLabel, "issuer": W.issuerLabel,
                "issueDate": W.issueDateLabel, "holder": W.holderLabel, "school": W.schoolLabel,
                "county": W.countyLabel, "revokedAt": W.revokedAtLabel,
            ],
        ]
        let json = try JSONSerialization.data(withJSONObject: config, options: [.sortedKeys])
        return "window.PEIXUN_SITE = " + String(decoding: json, as: UTF8.self) + ";\n"
    }
}

enum SiteError: Error, CustomStringConvertible {
    case sealing
    var description: String { "核验网站 verification site: a record could not be sealed" }
}
