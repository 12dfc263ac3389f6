import Crypto
import Foundation
import Testing
import PeixunCore
@testable import PeixunSite

@Suite struct NameMaskTests {
    @Test(arguments: [("马晓敏", "马*敏"), ("欧阳晓敏", "欧**敏"), ("马敏", "马*"), ("马", "*"), ("", ""),
                      (" 王玥 ", "王*")])
    func masks(name: String, masked: String) { #expect(NameMask.mask(name) == masked) }
}

@Suite struct SiteWriterTests {
    func folder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("peixun-site-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func entry(_ n: Int, status: SiteEntry.Status = .valid) -> SiteEntry {
        SiteEntry(number: String(format: "XC2021-1-JY-%06d", n), code: "7K3QH-M2XV\(n % 10)", status: status,
                  kind: .completion, programme: 0, maskedName: NameMask.mask("马晓敏"), county: "魏都区",
                  school: "许昌市第一中学", revokedOn: status == .revoked ? "2021-12-30" : nil)
    }

    /// The site's config, parsed back from `site.js`.
    func config(_ dir: String) throws -> [String: Any] {
        let text = try String(contentsOfFile: dir + "/site.js", encoding: .utf8)
        let json = text.dropFirst("window.PEIXUN_SITE = ".count).dropLast(2)
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    /// Looks `number`/`code` up in the written files as the page does.
    func lookUp(_ dir: String, number: String, code: String) throws -> [String: Any]? {
        let c = try config(dir)
        let salt = try #require(c["salt"] as? String)
        let saltBytes = stride(from: 0, to: salt.count, by: 2).map { i -> UInt8 in
            let s = salt.index(salt.startIndex, offsetBy: i)
            return UInt8(salt[s..<salt.index(s, offsetBy: 2)], radix: 16) ?? 0
        }
        let lookup = SiteLookup(salt: saltBytes, iterations: try #require(c["iterations"] as? Int))
        let (id, key) = try lookup.derive(number: number, code: code)
        let prefix = String(id.prefix(try #require(c["prefix"] as? Int)))
        let shard = try String(contentsOfFile: "\(dir)/data/\(prefix).js", encoding: .utf8)
        guard let range = shard.range(of: "\"\(id)\":\"") else { return nil }
        let sealed = shard[range.upperBound...].prefix { $0 != "\"" }
        let box = try AES.GCM.SealedBox(combined: try #require(Data(base64Encoded: String(sealed))))
        let plain = try AES.GCM.open(box, using: key)
        return try JSONSerialization.jsonObject(with: plain) as? [String: Any]
    }

    @Test func recordsAreFoundOnlyByNumberAndCode() throws {
        let dir = try folder()
        let entries = (1...40).map { entry($0, status: $0 == 2 ? .revoked : .valid) }
        let summary = try SiteWriter.write(entries: entries, programmes: [SiteProgramme(name: "许昌培训", issuer: "中心",
                                                                                        issueDate: "2021年12月25日")],
                                           to: dir, iterations: 10)
        #expect(summary.records == 40 && summary.prefixLength == 1)
        // index.html, verify.js, verify.css, site.js and every one of the 16 data files.
        #expect(summary.files == 4 + 16)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/data").count == 16)
        let one = try #require(try lookUp(dir, number: "XC2021-1-JY-000001", code: "7K3QH-M2XV1"))
        #expect(one["s"] as? String == "v" && one["n"] as? String == "马*敏" && one["u"] as? String == "许昌市第一中学")
        let two = try #require(try lookUp(dir, number: "xc2021-1-jy-000002", code: "7K3QH-M2XV2"))
        #expect(two["s"] as? String == "r" && two["r"] as? String == "2021-12-30")
        #expect(try lookUp(dir, number: "XC2021-1-JY-000001", code: "7K3QH-M2XV2") == nil)
        #expect(try config(dir)["iterations"] as? Int == 10)
        // Nothing readable without a number and code: no number, no name, no school in any file.
        for file in try FileManager.default.subpathsOfDirectory(atPath: dir) where file.hasSuffix(".js") && file.hasPrefix("data") {
            let text = try String(contentsOfFile: dir + "/" + file, encoding: .utf8)
            #expect(!text.contains("XC2021") && !text.contains("马") && !text.contains("许昌市第一中学"))
        }
    }

    /// A rerun keeps the salt and derives keys only for numbers and codes it has not seen; every
    /// record is still found, and the cache reads back what was written (0600).
    @Test func theKeyCacheDerivesOnlyWhatIsNew() throws {
        let dir = try folder(), cachePath = try folder() + "/keys"
        let programmes = [SiteProgramme(name: "许昌培训", issuer: "中心", issueDate: "2021年12月25日")]
        var entries = (1...30).map { entry($0) }
        var written: SiteKeyCache?
        let first = try SiteWriter.write(entries: entries, programmes: programmes, to: dir, iterations: 10,
                                         cacheOut: { written = $0; try $0.write(to: cachePath) })
        #expect(first.derived == 30)
        let cache = try #require(SiteKeyCache.read(path: cachePath))
        #expect(cache == written && cache.count == 30 && cache.iterations == 10)
        var st = stat()
        #expect(stat(cachePath, &st) == 0 && st.st_mode & 0o777 == 0o600)
        let salt = try #require(config(dir)["salt"] as? String)

        entries[4].code = "ZZZZZ-ZZZZZ"          // a new code (a renamed holder)
        entries[7].status = .revoked; entries[7].revokedOn = "2022-01-05"   // same keys, new record text
        entries.append(entry(31))
        let again = try SiteWriter.write(entries: entries, programmes: programmes, to: dir, iterations: 10, cache: cache)
        #expect(again.derived == 2)
        #expect(try config(dir)["salt"] as? String == salt)
        #expect(try lookUp(dir, number: entries[4].number, code: "ZZZZZ-ZZZZZ")?["s"] as? String == "v")
        #expect(try lookUp(dir, number: entries[4].number, code: entry(5).code) == nil)   // the old code no longer opens it
        #expect(try lookUp(dir, number: entries[7].number, code: entries[7].code)?["s"] as? String == "r")
        #expect(try lookUp(dir, number: entries[30].number, code: entries[30].code)?["s"] as? String == "v")
        #expect(try lookUp(dir, number: entries[0].number, code: entries[0].code)?["s"] as? String == "v")

        // Other rounds: a new salt, everything derived. Not a cache: ignored.
        let other = try SiteWriter.write(entries: entries, programmes: programmes, to: dir, iterations: 11, cache: cache)
        #expect(other.derived == 31)
        #expect(try config(dir)["salt"] as? String != salt)
        try Data("peixun site keys v1\nnot hex\t10\n".utf8).write(to: URL(fileURLWithPath: cachePath))
        #expect(SiteKeyCache.read(path: cachePath) == nil)
        #expect(SiteKeyCache.read(path: cachePath + "-missing") == nil)
    }

    @Test func recordTextIsJSONWhateverTheSchool() throws {
        var e = entry(1, status: .revoked)
        e.school = "第\"一\\中\n学"
        let parsed = try #require(try JSONSerialization.jsonObject(with: try SiteWriter.plaintext(e)) as? [String: Any])
        #expect(parsed["u"] as? String == "第\"一\\中\n学" && parsed["r"] as? String == "2021-12-30")
        #expect(parsed["p"] as? Int == 0 && parsed["k"] as? String == "completion" && parsed["n"] as? String == "马*敏")
    }

    @Test(arguments: [(0, 1), (4_096, 1), (4_097, 2), (1_000_000, 3), (1_048_576, 3), (1_048_577, 4)])
    func prefixLengthKeepsFilesSmall(count: Int, length: Int) {
        #expect(SiteLookup.prefixLength(forCount: count) == length)
    }
}
