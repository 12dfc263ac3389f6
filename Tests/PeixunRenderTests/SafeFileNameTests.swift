import Testing
@testable import PeixunRender

@Suite struct SafeFileNameTests {
    @Test(arguments: [
        ("../../etc/passwd", "_._etc_passwd"),
        ("/", "_"),
        ("..", "_"),
        ("", "_"),
        ("张\u{0}三\n\t", "张三"),
        ("  .hidden", "hidden"),
        ("a\\b", "a_b"),
        ("许昌市第一中学", "许昌市第一中学"),
        ("王\u{202E}𬌗", "王𬌗"),
    ])
    func unsafeTextBecomesOneComponent(_ input: String, _ expected: String) {
        let s = SafeFileName.make(input)
        #expect(s == expected)
        #expect(!s.contains("/") && !s.contains("\u{0}") && s != "." && s != "..")
    }

    @Test func longNamesAreCutAtACharacterBoundary() {
        let long = String(repeating: "𬌗堃", count: 100)   // 700 bytes
        let s = SafeFileName.make(long)
        #expect(s.utf8.count <= 200)
        #expect(s.utf8.count > 190)
        #expect(long.hasPrefix(s))
    }

    @Test func layoutKeepsEveryPathUnderTheRoot() {
        let layout = CertificateOutputLayout(outputDirectory: "/out")
        let d = sampleCertificate(name: "../../" + String(repeating: "长", count: 120), number: "XC/../1",
                                  school: "../学校/..", county: "")
        let rel = layout.personFile(d)
        let parts = rel.split(separator: "/", omittingEmptySubsequences: false)
        #expect(parts.count == 4)
        #expect(parts[0] == "completion" && parts[1] == "未填写" && parts[2] == "_学校_")
        #expect(!parts.contains("..") && !parts.contains(""))
        #expect(parts[3].utf8.count <= 200 && parts[3].hasSuffix(".pdf"))
        #expect(parts[3].hasPrefix("XC_._1-._"))
    }
}
