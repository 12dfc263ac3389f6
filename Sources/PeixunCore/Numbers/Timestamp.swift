/// A wall-clock time as written in the export (no time zone: the platform
/// writes Beijing time), held as seconds since 1970-01-01 00:00:00.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var seconds: Int64

    public init(seconds: Int64) { self.seconds = seconds }

    public init(date: CivilDate, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        seconds = date.dayNumber * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.seconds < b.seconds }

    public var date: CivilDate { CivilDate(dayNumber: floorDiv(seconds, 86_400)) }

    /// `2021-09-10 08:05:00`.
    public var description: String {
        let s = seconds - date.dayNumber * 86_400
        return "\(date) \(pad2(Int(s / 3600))):\(pad2(Int(s / 60 % 60))):\(pad2(Int(s % 60)))"
    }

    /// Parses `YYYY-MM-DD HH:MM[:SS]` or `YYYY/MM/DD HH:MM[:SS]` from UTF-8
    /// bytes, checking that the date and time exist.
    public static func parse(utf8 b: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        guard b.count == 16 || b.count == 19 else { return nil }
        let sep = b[4]
        guard sep == UInt8(ascii: "-") || sep == UInt8(ascii: "/"), b[7] == sep,
              b[10] == UInt8(ascii: " "), b[13] == UInt8(ascii: ":") else { return nil }
        if b.count == 19 && b[16] != UInt8(ascii: ":") { return nil }
        @inline(__always) func num(_ from: Int, _ len: Int) -> Int? {
            var v = 0
            for i in from..<(from + len) {
                let c = b[i]
                guard c >= 48 && c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        guard let y = num(0, 4), let mo = num(5, 2), let d = num(8, 2),
              let h = num(11, 2), let mi = num(14, 2) else { return nil }
        let s = b.count == 19 ? num(17, 2) : 0
        guard let sec = s, let date = CivilDate(year: y, month: mo, day: d),
              h < 24, mi < 60, sec < 60 else { return nil }
        return Timestamp(date: date, hour: h, minute: mi, second: sec)
    }

    public static func parse(_ text: String) -> Timestamp? {
        var t = text
        return t.withUTF8 { parse(utf8: $0) }
    }

    /// An Excel 1900-system serial (days since 1899-12-30, with Excel's
    /// phantom 1900-02-29), rounded to the second.
    public static func fromExcelSerial(_ serial: Double) -> Timestamp? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var totalSeconds = Int64((serial * 86_400).rounded())
        // Serials below 61 are in Excel's fictitious Jan–Feb 1900; shift by a day.
        if serial < 61 { totalSeconds += 86_400 }
        let epoch = CivilDate(year: 1899, month: 12, day: 30)!.dayNumber * 86_400
        return Timestamp(seconds: epoch + totalSeconds)
    }
}

/// A calendar date in the proleptic Gregorian calendar.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard year >= 1, year <= 9999, month >= 1, month <= 12, day >= 1,
              day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public var dayNumber: Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(dayNumber z0: Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = Int(yoe + era * 400 + (m <= 2 ? 1 : 0)); month = Int(m); day = Int(d)
    }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + Int64(days)) }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }

    /// `2021-09-10`.
    public var description: String {
        let y = String(year)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + pad2(month) + "-" + pad2(day)
    }

    /// `2021年9月10日`.
    public var chinese: String { "\(year)年\(month)月\(day)日" }
}

@inline(__always) func pad2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
@inline(__always) func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
