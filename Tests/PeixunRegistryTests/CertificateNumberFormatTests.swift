import Testing
import PeixunCore
@testable import PeixunRegistry

@Suite struct CertificateNumberFormatTests {
    @Test(arguments: [
        ("{code}-{kind}-{seq:06}", 1, "XC2021-1-JY-000001"),
        ("{code}-{kind}-{seq:06}", 123_456, "XC2021-1-JY-123456"),
        ("{code}-{kind}-{seq:06}", 1_234_567, "XC2021-1-JY-1234567"),
        ("{year}{kind}{seq}", 12, "2021JY12"),
        ("No.{{{seq:03}}}-{kind}", 7, "No.{007}-JY"),
        ("许昌{year}第{seq:04}号{kind}", 5, "许昌2021第0005号JY"),
    ])
    func formats(pattern: String, sequence: Int, expected: String) throws {
        let format = try CertificateNumberFormat(pattern)
        #expect(format.format(code: "XC2021-1", kindCode: "JY", year: 2021, sequence: sequence) == expected)
    }

    @Test(arguments: ["{code}-{kind}", "{seq}-{seq:03}", "{kind}-{sequence}", "{kind}-{seq", "{kind}}-{seq}",
                      "{kind}-{seq:00}", "{kind}-{seq:019}", "{kind}-{seq:0x}", "{kind}{seq:1}", "{kind}-{seq:0٣}", ""])
    func rejectsBadPatterns(pattern: String) {
        #expect(throws: RegistryError.self) { try CertificateNumberFormat(pattern) }
    }

    @Test func usesTheScheme() throws {
        let scheme = try Fixture.scheme()
        let format = try CertificateNumberFormat(scheme.certificates.numberFormat)
        #expect(try format.format(scheme: scheme, kind: .excellentTutor, sequence: 3) == "XC2021-1-FD-000003")
        #expect(try format.format(scheme: scheme, kind: .excellentTrainee, sequence: 42) == "XC2021-1-YX-000042")
        var noCode = scheme
        noCode.certificates.kindCodes[.completion] = nil
        #expect(throws: RegistryError.missingKindCode(.completion)) {
            try format.format(scheme: noCode, kind: .completion, sequence: 1)
        }
    }

    @Test func formattingIsPure() throws {
        let format = try CertificateNumberFormat("{code}/{year}/{kind}/{seq:05}")
        let a = format.format(code: "P", kindCode: "K", year: 1999, sequence: 31)
        let b = format.format(code: "P", kindCode: "K", year: 1999, sequence: 31)
        #expect(a == "P/1999/K/00031" && a == b)
    }
}
