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

    /// The one-pass check answers "already safe" only where the full path would return the
    /// text unchanged: thousands of strings of awkward characters, both paths compared.
    @Test func fastPathAgreesWithTheFullPath() {
        let alphabet: [String] = ["a", "Z", "1", "-", ".", " ", "\u{3000}", "/", "\\", "\u{0}", "\n", "\u{7F}", "张", "鑫",
                                  "𬌗", "㐀", "\u{0301}", "\u{20DD}", "\u{200D}", "\u{202E}", "\u{2028}", "\u{FEFF}", "é",
                                  "👩", "\u{FE0F}", "·", "（"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {   // SplitMix64: the same strings every run
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D1_049B_1331_11EB
            return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
        }
        var fast = 0
        for _ in 0..<20_000 {
            let text = (0..<(next() % 10)).map { _ in alphabet[next() % alphabet.count] }.joined()
            let limit = [200, 12, 6][next() % 3]
            if SafeFileName.isSafe(text, maxBytes: limit) { fast += 1 }
            #expect(SafeFileName.make(text, maxBytes: limit) == SafeFileName.sanitized(text, maxBytes: limit), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(fast > 1_000)   // the fast path is taken, not only the full one
        #expect(SafeFileName.isSafe("XC2021-1-JY-000278-张晓娜", maxBytes: 196))
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
