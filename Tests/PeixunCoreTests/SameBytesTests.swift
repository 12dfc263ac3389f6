import Testing
@testable import PeixunCore

/// Byte equality of strings, which `==` (canonical equivalence) is not.
@Suite struct SameBytesTests {
    @Test func sameBytesIsNotCanonicalEquivalence() {
        let composed = "Caf\u{E9}", decomposed = "Cafe\u{301}"
        #expect(composed == decomposed)
        #expect(!composed.hasSameBytes(as: decomposed))
        #expect(composed.hasSameBytes(as: "Caf" + "\u{E9}"))
        #expect("".hasSameBytes(as: ""))
        #expect(!"".hasSameBytes(as: "a"))
        #expect(!"许昌市第一中学".hasSameBytes(as: "许昌市第二中学"))
        #expect("许昌市第一中学".hasSameBytes(as: String("许昌市第一中学x".dropLast())))
    }
}
