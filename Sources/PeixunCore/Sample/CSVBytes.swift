/// A growing byte buffer of CSV text with the few formatters the sample
/// needs (times, half-hour 学时, digits), so that tens of millions of rows
/// are written without building a `String` per field.
struct CSVBytes {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// A field prepared once: quoted if it holds a comma, quote or line break,
    /// and prefixed with `'` if a spreadsheet would read it as a formula.
    static func field(_ text: String) -> [UInt8] {
        var s = text
        if let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { s = "'" + s }
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            s = "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return Array(s.utf8)
    }

    /// A header or data row from plain fields (used for headers and rare rows).
    static func row(_ fields: [String]) -> [UInt8] {
        var out: [UInt8] = []
        for (i, f) in fields.enumerated() {
            if i > 0 { out.append(comma) }
            out.append(contentsOf: field(f))
        }
        out.append(newline)
        return out
    }

    static let comma = UInt8(ascii: ",")
    static let newline = UInt8(ascii: "\n")

    @inline(__always) mutating func append(_ field: [UInt8]) { bytes.append(contentsOf: field) }
    @inline(__always) mutating func comma() { bytes.append(CSVBytes.comma) }
    @inline(__always) mutating func newline() { bytes.append(CSVBytes.newline) }

    @inline(__always) mutating func twoDigits(_ v: Int) {
        bytes.append(UInt8(48 + v / 10)); bytes.append(UInt8(48 + v % 10))
    }

    /// `YYYY-MM-DD HH:MM:SS`, the date taken from `days` when it covers it.
    @inline(__always) mutating func time(_ seconds: Int64, days: DayTexts) {
        let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let k = Int(day - days.firstDay)
        guard k >= 0 && k < days.count else { time(seconds); return }
        let base = k * 10
        days.text.withUnsafeBufferPointer { bytes.append(contentsOf: $0[base..<(base + 10)]) }
        bytes.append(UInt8(ascii: " "))
        let s = Int(seconds - day * 86_400)
        twoDigits(s / 3600); bytes.append(UInt8(ascii: ":"))
        twoDigits(s / 60 % 60); bytes.append(UInt8(ascii: ":"))
        twoDigits(s % 60)
    }

    /// `YYYY-MM-DD HH:MM:SS` for seconds since 1970-01-01 (years 1000–9999).
    mutating func time(_ seconds: Int64) {
        let t = Timestamp(seconds: seconds)
        let date = t.date
        let s = Int(seconds - date.dayNumber * 86_400)
        let y = date.year
        bytes.append(UInt8(48 + y / 1000)); bytes.append(UInt8(48 + y / 100 % 10))
        twoDigits(y % 100); bytes.append(UInt8(ascii: "-"))
        twoDigits(date.month); bytes.append(UInt8(ascii: "-"))
        twoDigits(date.day); bytes.append(UInt8(ascii: " "))
        twoDigits(s / 3600); bytes.append(UInt8(ascii: ":"))
        twoDigits(s / 60 % 60); bytes.append(UInt8(ascii: ":"))
        twoDigits(s % 60)
    }

    /// A count of half hours as a decimal: 3 → `1.5`, 4 → `2`.
    mutating func halfHours(_ halves: Int) {
        integer(halves / 2)
        if halves % 2 == 1 { bytes.append(UInt8(ascii: ".")); bytes.append(UInt8(ascii: "5")) }
    }

    mutating func integer(_ value: Int) {
        if value >= 10 { integer(value / 10) }
        bytes.append(UInt8(48 + value % 10))
    }
}

/// `YYYY-MM-DD` of a run of days, prepared once: formatting dates is the
/// hottest part of writing 30 million timestamps.
struct DayTexts: Sendable {
    let firstDay: Int64
    let count: Int
    /// 10 bytes per day.
    let text: [UInt8]

    init(from first: CivilDate, days: Int) {
        firstDay = first.dayNumber
        count = days
        var out = CSVBytes(capacity: days * 10)
        for k in 0..<days {
            let d = CivilDate(dayNumber: firstDay + Int64(k))
            out.bytes.append(UInt8(48 + d.year / 1000)); out.bytes.append(UInt8(48 + d.year / 100 % 10))
            out.twoDigits(d.year % 100); out.bytes.append(UInt8(ascii: "-"))
            out.twoDigits(d.month); out.bytes.append(UInt8(ascii: "-"))
            out.twoDigits(d.day)
        }
        text = out.bytes
    }
}
