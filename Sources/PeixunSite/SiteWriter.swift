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
        /// Records whose id and key were derived now (PBKDF2), not taken from the key cache.
        public var derived: Int = 0
    }

    /// Writes the site for `entries` into `folder`. With `cache` (the previous publication's
    /// keys, same `iterations`), its salt is kept and only new numbers and codes are derived;
    /// `cacheOut` is then given the keys of this site (`SiteKeyCache`), to write beside it.
    public static func write(entries: [SiteEntry], programmes: [SiteProgramme], to folder: String,
                             iterations: Int = SiteLookup.defaultIterations, cache: SiteKeyCache? = nil,
                             cacheOut: ((SiteKeyCache) throws -> Void)? = nil) throws -> Summary {
        let reused = cache.flatMap { $0.iterations == iterations ? $0 : nil }
        let salt = reused?.salt ?? (0..<16).map { _ in UInt8.random(in: .min ... .max) }
        let lookup = SiteLookup(salt: salt, iterations: iterations)
        let prefixLength = SiteLookup.prefixLength(forCount: entries.count)
        var next = SiteKeyCache(salt: salt, iterations: iterations)
        let (sealed, derived) = try seal(entries, lookup: lookup, known: reused?.keys ?? [:], into: &next)

        let fm = FileManager.default
        let data = (folder as NSString).appendingPathComponent("data")
        try fm.createDirectory(atPath: data, withIntermediateDirectories: true)
        var summary = Summary(records: entries.count, files: 0, bytes: 0, prefixLength: prefixLength, derived: derived)
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
        try cacheOut?(next)
        return summary
    }

    /// (id, base64 of nonce ‖ ciphertext ‖ tag) per entry, on every core; ids and keys from
    /// `known` where it has them (same salt), else derived. Every entry's keys go into `cache`;
    /// also gives how many were derived.
    static func seal(_ entries: [SiteEntry], lookup: SiteLookup, known: [String: SiteKeyCache.Derived] = [:],
                     into cache: inout SiteKeyCache) throws -> ([(String, String)], Int) {
        let lock = NSLock()
        var out = [(String, String)?](repeating: nil, count: entries.count)
        var slots = [(String, SiteKeyCache.Derived)?](repeating: nil, count: entries.count)
        var failure: Error?
        var derived = 0
        let chunk = 256
        DispatchQueue.concurrentPerform(iterations: (entries.count + chunk - 1) / chunk) { c in
            var local: [(Int, (String, String), (String, SiteKeyCache.Derived))] = []
            var localDerived = 0
            do {
                for i in c * chunk..<min(entries.count, (c + 1) * chunk) {
                    let e = entries[i]
                    let slot = SiteKeyCache.slot(number: e.number, code: e.code)
                    let keys: SiteKeyCache.Derived
                    if let k = known[slot] { keys = k } else {
                        let (id, key) = try lookup.derive(number: e.number, code: e.code)
                        keys = SiteKeyCache.Derived(id: id, key: key.withUnsafeBytes { Array($0) })
                        localDerived += 1
                    }
                    let box = try AES.GCM.seal(try plaintext(e), using: SymmetricKey(data: keys.key))
                    guard let combined = box.combined else { throw SiteError.sealing }
                    local.append((i, (keys.id, combined.base64EncodedString()), (slot, keys)))
                }
            } catch {
                lock.lock(); failure = error; lock.unlock()
            }
            lock.lock()
            for (i, row, slot) in local { out[i] = row; slots[i] = slot }
            derived += localDerived
            lock.unlock()
        }
        if let failure { throw failure }
        for case let (slot, keys)? in slots { cache.keys[slot] = keys }
        return (out.compactMap { $0 }, derived)
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
    case cache(path: String, reason: String)
    var description: String {
        switch self {
        case .sealing: "核验网站 verification site: a record could not be sealed"
        case let .cache(path, reason): "\(path): cannot write the verification site's key cache: \(reason)"
        }
    }
}
