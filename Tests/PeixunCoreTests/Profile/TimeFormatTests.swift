import Testing
@testable import PeixunCore

@Suite struct TimeFormatTests {
    @Test(arguments: [
        ("%Y年%m月%d日 %H:%M", "2021年09月10日 08:00", "2021-09-10 08:00:00"),
        ("%Y年%m月%d日 %H:%M", "2021年9月10日 8:05", "2021-09-10 08:05:00"),
        ("%Y年%m月%d日 %H:%M:%S", "2021年12月20日 23:59:59", "2021-12-20 23:59:59"),
        ("%Y年%m月%d日", "2021年10月1日", "2021-10-01 00:00:00"),
        ("%Y.%m.%d %H:%M:%S", "2021.10.01 07:08:09", "2021-10-01 07:08:09"),
        ("%Y%m%d%H%M%S", "20211001070809", "2021-10-01 07:08:09"),
        ("%d/%m/%Y %H:%M", "01/10/2021 07:08", "2021-10-01 07:08:00"),
    ])
    func parses(_ pattern: String, _ text: String, _ expected: String) throws {
        let f = try TimeFormat(pattern)
        #expect(f.parse(text)?.description == expected)
    }

    @Test(arguments: [
        ("%Y年%m月%d日 %H:%M", "2021年02月30日 08:00"),   // no such day
        ("%Y年%m月%d日 %H:%M", "2021年09月10日 24:00"),
        ("%Y年%m月%d日 %H:%M", "2021年09月10日 08:00:00"),  // seconds the format has not
        ("%Y年%m月%d日 %H:%M", "2021-09-10 08:00"),
        ("%Y年%m月%d日 %H:%M", "2021年09月10日08:00"),
        ("%Y年%m月%d日 %H:%M", "2021年009月10日 08:00"),
        ("%Y年%m月%d日 %H:%M", ""),
    ])
    func refuses(_ pattern: String, _ text: String) throws {
        #expect(try TimeFormat(pattern).parse(text) == nil)
    }

    @Test func formatsBackOnlyWhatItHolds() throws {
        let t = try #require(Timestamp.parse("2021-09-10 08:05:00"))
        #expect(try TimeFormat("%Y年%m月%d日 %H:%M").format(t) == "2021年09月10日 08:05")
        let s = try #require(Timestamp.parse("2021-09-10 08:05:07"))
        #expect(try TimeFormat("%Y年%m月%d日 %H:%M").format(s) == nil)
        #expect(try TimeFormat("%Y年%m月%d日 %H:%M:%S").format(s) == "2021年09月10日 08:05:07")
        #expect(try TimeFormat("%Y年%m月%d日").format(t) == nil)
    }

    /// The layout tries §3's formats first, then the profile's, in order.
    @Test func layoutTriesContractThenProfile() throws {
        let layout = TableLayout(timeFormats: [try TimeFormat("%Y年%m月%d日 %H:%M:%S"), try TimeFormat("%Y年%m月%d日 %H:%M")])
        func parse(_ s: String) -> String? {
            var t = s
            return t.withUTF8 { layout.time(utf8: $0) }?.description
        }
        #expect(parse("2021-09-10 08:00") == "2021-09-10 08:00:00")
        #expect(parse("2021/09/10 08:00:01") == "2021-09-10 08:00:01")
        #expect(parse("2021年09月10日 08:00") == "2021-09-10 08:00:00")
        #expect(parse("2021年09月10日 08:00:30") == "2021-09-10 08:00:30")
        #expect(parse("2021年09月10日") == nil)
    }
}
