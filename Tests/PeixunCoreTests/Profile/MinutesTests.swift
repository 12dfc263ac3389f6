import Testing
@testable import PeixunCore

/// Study time in minutes converts to an exact fraction of a 学时 (CONTRACT §7 `minutes_per_hour`).
@Suite struct MinutesTests {
    func hours(_ minutes: String, _ perHour: Int) throws -> Hours {
        let m = try #require(Hours.parse(minutes))
        return try #require(Hours(minutes: m, minutesPerHour: perHour))
    }

    @Test func wholeHours() throws {
        #expect(try hours("45", 45) == Hours(whole: 1))
        #expect(try hours("90", 45) == Hours(whole: 2))
        #expect(try hours("40", 40) == Hours(whole: 1))
        #expect(try hours("0", 45) == .zero)
    }

    @Test func decimalMinutes() throws {
        #expect(try hours("67.5", 45) == Hours.parse("1.5"))
        #expect(try hours("22.5", 45) == Hours.parse("0.5"))
        #expect(try hours("112.5", 45) == Hours.parse("2.5"))
    }

    /// 1 minute at 45 per hour is 1/45 h: not a decimal, yet exact, and 45 of them make 1 h.
    @Test func oneMinuteFortyFiveTimes() throws {
        let one = try hours("1", 45)
        #expect(one.fraction == Fraction(1, 45))
        var sum = Hours.zero
        for _ in 0..<45 { sum = sum + one }
        #expect(sum == Hours(whole: 1))
        var forty = Hours.zero
        for _ in 0..<40 { forty = forty + (try hours("1", 40)) }
        #expect(forty == Hours(whole: 1))
        #expect(one.twoPlaces == "0.02")
    }

    @Test func minutesBack() throws {
        #expect(Hours.parse("1.5")!.minutes(perHour: 45).description == "67.5")
        #expect(Hours.parse("0.5")!.minutes(perHour: 40).description == "20")
    }

    /// The decimal scale still holds every 18-place decimal exactly.
    @Test func decimalsUnchanged() throws {
        let h = try #require(Hours.parse("0.30000000000000004"))
        #expect(h.fraction == Fraction(30_000_000_000_000_004, 100_000_000_000_000_000))
        #expect(h.description == "0.30000000000000004")
        // A minutes-per-hour count that does not divide 3600 cannot convert 1 minute exactly.
        #expect(Hours(minutes: Hours(whole: 1), minutesPerHour: 7) == nil)
    }
}
