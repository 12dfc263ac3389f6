import Testing
@testable import PeixunCore

@Suite struct VerifyURLTests {
    @Test(arguments: ["https://peixun.example.cn/verify/", "http://10.0.0.5/", "https://a.cn/zs/index.html",
                      "HTTPS://A.CN/v/"])
    func accepts(url: String) { #expect(VerifyURL.problem(url) == nil) }

    @Test(arguments: ["ftp://a.cn/", "peixun.example.cn/verify/", "https://a.cn", "https://a.cn/verify",
                      "https://a.cn/v/#x", "https://a.cn/v/?q=1", "https://a b.cn/", "https:///v/", ""])
    func refuses(url: String) { #expect(VerifyURL.problem(url) != nil) }

    func scheme(withCertificatesLine line: String) throws -> String {
        let text = try String(contentsOfFile: TestSchemes.seedPath, encoding: .utf8)
        return text.replacingOccurrences(of: "[certificates]\n", with: "[certificates]\n\(line)\n")
    }

    @Test func schemeReadsVerifyURLAndNamesTheKeyPathInErrors() throws {
        let good = try SchemeLoader.parse(try scheme(withCertificatesLine: "verify_url = \"https://zs.example.cn/verify/\""))
        #expect(good.certificates.verifyURL == "https://zs.example.cn/verify/")
        #expect(try SchemeLoader.parse(try scheme(withCertificatesLine: "")).certificates.verifyURL == nil)
        #expect {
            try SchemeLoader.parse(try scheme(withCertificatesLine: "verify_url = \"zs.example.cn/verify\""))
        } throws: { error in
            (error as? SchemeError)?.keyPath == "certificates.verify_url"
        }
        #expect(throws: SchemeError.self) {
            try SchemeLoader.parse(try scheme(withCertificatesLine: "verify_url = 3"))
        }
    }
}
