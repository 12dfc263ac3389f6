import Foundation
import Testing
@testable import PeixunCore

/// results.json is built in bytes (`JSONText`): its numbers and strings must read exactly as the
/// exact values and the texts they stand for.
@Suite struct JSONTextTests {
    @Test func fixedNumbersAreTheDecimalTextOfTheExactValue() {
        let values: [Int64] = [0, 1, 5, 9, 10, 99, 100, 101, 933, 1000, 9999, 10000, 123_456_789, -1, -5, -100, -933,
                               Int64.max, Int64.min + 1]
        for v in values {
            for places in [0, 1, 2, 4, 18] {
                var text = JSONText()
                text.fixed(v, places: places)
                #expect(String(decoding: text.bytes, as: UTF8.self) == FixedDecimal.format(Int128(v), places: places),
                        "\(v) at \(places) places")
            }
        }
        var text = JSONText()
        text.fixed(933, places: 2); text.byte(UInt8(ascii: " ")); text.fixed(-5, places: 2)
        text.byte(UInt8(ascii: " ")); text.integer(16)
        #expect(String(decoding: text.bytes, as: UTF8.self) == "9.33 -0.05 16")
    }

    @Test func stringsAreQuotedAndEscapedAsJSON() throws {
        for s in ["刘燕梅", "", "a\"b", "back\\slash", "line\nbreak", "tab\tx", "\u{2028}", "“引号”", "\u{01}"] {
            var text = JSONText()
            text.raw("["); text.string(s); text.raw("]")
            let parsed = try JSONSerialization.jsonObject(with: Data(text.bytes)) as? [String]
            #expect(parsed == [s], "\(s.debugDescription)")
        }
        var plain = JSONText()
        plain.string("小学语文1坊")
        #expect(String(decoding: plain.bytes, as: UTF8.self) == "\"小学语文1坊\"")
    }

    /// A graded trainee's object holds the model's exact figures, in the scheme's key order.
    @Test func aTraineeReadsBackAsItsResult() throws {
        var export = ExportBuilder()
        let a = ExportBuilder.id(1), b = ExportBuilder.id(2)
        export.person(a, "王\"小\"明")
        export.person(b, "李华")
        export.studyAll(a); export.bothActivities(a); export.submit(a, grade: "优秀", recommended: "是")
        export.study(b, "专业知识", 7.5)
        var results = try export.grade()
        results.trainees[0].certificates = [CertificateRef(kind: .completion, number: "XC2021-1-0001")]
        let out = BufferedOutput(memoryCapacity: 0)
        try ResultsJSON.write(results, to: out)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.bytes)) as? [String: Any])
        let trainees = try #require(json["trainees"] as? [[String: Any]])
        #expect(trainees.count == 2)
        for (object, t) in zip(trainees, results.trainees) {
            #expect(object["id"] as? String == t.id)
            #expect(object["name"] as? String == t.person.name)
            #expect(object["class"] as? String == "初中语文1坊")
            let hours = try #require(object["hours"] as? [String: NSNumber])
            // The same decimal text parsed the same way gives the same Double.
            #expect(hours["专业知识"]?.doubleValue == Double(t.hours[1].twoPlaces))
            #expect((object["total"] as? NSNumber)?.doubleValue == Double(t.total.description))
            #expect(object["passed"] as? Bool == t.passed)
            #expect((object["rank"] as? NSNumber)?.intValue == t.rank)
        }
        // The text itself: two decimals as written, keys in the scheme's order.
        let text = String(decoding: out.bytes, as: UTF8.self)
        #expect(text.contains("\"name\":\"王\\\"小\\\"明\""))
        #expect(text.contains("\"hours\":{\"专业理念与师德\":0.00,\"专业知识\":7.50,\"专业能力\":0.00,\"信息技术\":0.00}"))
        #expect(text.contains("\"certificates\":[{\"kind\":\"completion\",\"number\":\"XC2021-1-0001\"}]"))
        #expect(text.contains("\"homework\":{\"status\":\"graded\",\"grade\":\"优秀\",\"recommended\":true,\"points\":10.00}"))
    }
}
