import Foundation
import Testing

/// CONTRACT §8: the static verification site, checked in a real browser
/// (headless Chromium from file://) with codes read back from rendered QR codes.
@Suite(.serialized) struct VerificationSiteTests {
    static let verifyURL = "https://zs.example.cn/verify/"

    /// The seed scheme with `[certificates] verify_url` set.
    func scheme(in dir: URL) throws -> String {
        let text = try String(contentsOfFile: CLI.seedScheme, encoding: .utf8)
            .replacingOccurrences(of: "[certificates]\n", with: "[certificates]\nverify_url = \"\(Self.verifyURL)\"\n")
        let path = dir.appendingPathComponent("scheme.toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The page's DOM after its script ran.
    func dom(_ url: String) throws -> String {
        let profile = try CLI.temporaryDirectory().path
        defer { try? FileManager.default.removeItem(atPath: profile) }
        return try Tools.run("/usr/bin/chromium", ["--headless", "--no-sandbox", "--disable-gpu",
                                                   "--allow-file-access-from-files", "--user-data-dir=\(profile)",
                                                   "--virtual-time-budget=10000", "--dump-dom", url]).stdout
    }

    /// The text of the element with `id` (its tags removed).
    func text(of id: String, in dom: String) -> String? {
        guard let start = dom.range(of: "id=\"\(id)\"") else { return nil }
        let after = dom[start.upperBound...]
        guard let open = after.firstIndex(of: ">") else { return nil }
        let rest = after[after.index(after: open)...]
        let body = rest.prefix { $0 != "<" }
        if id == "details", let end = rest.range(of: "</dl>") { return String(rest[..<end.lowerBound]) }
        return String(body)
    }

    /// The QR code of a certificate PDF, as a phone reads it from paper (150 dpi).
    func qrPayload(of pdf: String) throws -> String {
        let png = try CLI.temporaryDirectory().appendingPathComponent("page").path
        try Tools.run("/usr/bin/pdftoppm", ["-r", "150", "-png", "-singlefile", pdf, png])
        let read = try Tools.run("/usr/bin/zbarimg", ["--raw", "-q", png + ".png"])
        return read.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func certificate(of name: String, under out: URL) throws -> String {
        let e = FileManager.default.enumerator(at: out.appendingPathComponent("certificates/completion"),
                                               includingPropertiesForKeys: nil)
        while let url = e?.nextObject() as? URL {
            if url.lastPathComponent.hasSuffix("-\(name).pdf") { return url.path }
        }
        throw Tools.Failure("no certificate of \(name)")
    }

    @Test func siteAnswersValidRevokedAndInvalidFromFileURLsAndTheForm() throws {
        let tmp = try CLI.temporaryDirectory()
        let scheme = try scheme(in: tmp)
        let input = try CLI.copyOfExport(CLI.conformanceCases.appendingPathComponent("seed_examples"))
        let out = tmp.appendingPathComponent("out")
        let args = ["run", "--scheme", scheme, "--input", input.path, "--out", out.path]
        let first = try CLI.run(args)
        #expect(first.status == 0, "\(first.stderr)")
        let site = out.appendingPathComponent("verify")
        for file in ["index.html", "verify.js", "verify.css", "site.js", "data"] {
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(file).path), "\(file)")
        }

        // The QR code, read back from the rendered certificate, opens the site.
        let zhang = try qrPayload(of: try certificate(of: "张明", under: out))
        let wang = try qrPayload(of: try certificate(of: "王芳", under: out))
        #expect(zhang.hasPrefix(Self.verifyURL + "#XC2021-1-JY-"), "\(zhang)")
        #expect(try zhang.wholeMatch(of: try Regex("https://zs\\.example\\.cn/verify/#XC2021-1-JY-[0-9]{6}\\.[0-9A-Z]{5}-[0-9A-Z]{5}")) != nil)
        let local = { (payload: String) in
            site.appendingPathComponent("index.html").absoluteString + payload.dropFirst(Self.verifyURL.count)
        }
        let valid = try dom(local(zhang))
        #expect(text(of: "verdict", in: valid) == "有效", "\(valid)")
        let details = text(of: "details", in: valid) ?? ""
        #expect(details.contains("张*") && details.contains("结业证书") && details.contains("魏都区第一高级中学"))
        #expect(details.contains("2021年") && !details.contains("张明"))

        // A forged code: 无效.
        let fragment = zhang.dropFirst(Self.verifyURL.count)
        let last = fragment.last == "A" ? "B" : "A"
        let forged = try dom(local(Self.verifyURL + fragment.dropLast() + last))
        #expect(text(of: "verdict", in: forged) == "无效")
        #expect(!(text(of: "details", in: forged) ?? "x").contains("dd"))

        // The form, typed by hand (lower case, no hyphen), in the page itself.
        let hash = fragment.dropFirst()
        let dot = try #require(hash.lastIndex(of: "."))
        let typedCode = hash[hash.index(after: dot)...].replacingOccurrences(of: "-", with: "").lowercased()
        let page = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
            .replacingOccurrences(of: "</body>", with: """
                <script>document.getElementById("number").value = "\(hash[..<dot])";
                document.getElementById("code").value = "\(typedCode)";
                document.getElementById("lookup").requestSubmit();</script></body>
                """)
        try page.write(to: site.appendingPathComponent("form-test.html"), atomically: true, encoding: .utf8)
        let typed = try dom(site.appendingPathComponent("form-test.html").absoluteString)
        #expect(text(of: "verdict", in: typed) == "有效")

        // The site holds no ID number and no full name of anyone in the export.
        let roster = try String(contentsOf: input.appendingPathComponent("roster.csv"), encoding: .utf8)
        let people = roster.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        var published = ""
        for file in try FileManager.default.subpathsOfDirectory(atPath: site.path) where !file.hasPrefix("form-test") {
            published += (try? String(contentsOf: site.appendingPathComponent(file), encoding: .utf8)) ?? ""
        }
        #expect(people.count >= 5)
        for person in people {
            #expect(!published.contains(person[0]) && !published.contains(person[0].prefix(14)), "ID of line \(person)")
            #expect(!published.contains(person[1]), "full name \(person[1])")
        }

        // A data correction: 张明 loses his courses; the rerun republishes him as revoked.
        let courses = input.appendingPathComponent("courses.csv")
        let kept = try String(contentsOf: courses, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("411002198408238028") }.joined(separator: "\n") + "\n"
        try kept.write(to: courses, atomically: true, encoding: .utf8)
        let salt = try String(contentsOf: site.appendingPathComponent("site.js"), encoding: .utf8)
            .components(separatedBy: "\"salt\":\"").last?.prefix(32)
        let rerun = try CLI.run(args)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        // The key cache beside the site (never in it, owner-only) kept the salt: nothing derived again.
        #expect(rerun.stderr.contains("(0 keys derived)"), "\(rerun.stderr)")
        #expect(try String(contentsOf: site.appendingPathComponent("site.js"), encoding: .utf8).contains("\"salt\":\"\(salt ?? "-")\""))
        var st = stat()
        #expect(stat(out.appendingPathComponent(".peixun-site-keys").path, &st) == 0 && st.st_mode & 0o777 == 0o600)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent(".peixun-site-keys").path))
        let revoked = try dom(local(zhang))
        #expect(text(of: "verdict", in: revoked) == "已撤销", "\(revoked)")
        #expect((text(of: "details", in: revoked) ?? "").contains("撤销日期"))
        #expect(text(of: "verdict", in: try dom(local(wang))) == "有效")
    }

    @Test func withoutVerifyURLTheQRHoldsNumberAndCodeAndNoSiteIsWritten() throws {
        let tmp = try CLI.temporaryDirectory()
        let input = try CLI.copyOfExport(CLI.conformanceCases.appendingPathComponent("seed_examples"))
        let out = tmp.appendingPathComponent("out")
        #expect(try CLI.run(["run", "--scheme", CLI.seedScheme, "--input", input.path, "--out", out.path]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("verify").path))
        let payload = try qrPayload(of: try certificate(of: "张明", under: out))
        #expect(try payload.wholeMatch(of: try Regex("XC2021-1-JY-[0-9]{6} [0-9A-Z]{5}-[0-9A-Z]{5}")) != nil, "\(payload)")
    }
}
