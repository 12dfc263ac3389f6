/// A platform's own time format (CONTRACT §7 `time_formats`): `%Y %m %d %H %M %S` and literal
/// text, e.g. `%Y年%m月%d日 %H:%M`. Fields are read fixed-width or not (`09` or `9`): a field takes
/// the digits there are, up to its width (4 for %Y, 2 for the others), at least one.
public struct TimeFormat: Sendable, Equatable, CustomStringConvertible {
    enum Field: UInt8, Sendable { case year = 89, month = 109, day = 100, hour = 72, minute = 77, second = 83 }  // Y m d H M S
    enum Piece: Sendable, Equatable {
        case field(Field)
        case literal([UInt8])
    }

    /// The pattern as written.
    public let pattern: String
    let pieces: [Piece]

    /// Why a pattern cannot be used, for the profile loader's message.
    public struct Invalid: Error, Equatable { public let reason: String }

    public init(_ pattern: String) throws {
        self.pattern = pattern
        var pieces: [Piece] = []
        var literal: [UInt8] = []
        var seen = Set<UInt8>()
        var bytes = Array(pattern.utf8)[...]
        while let b = bytes.popFirst() {
            guard b == UInt8(ascii: "%") else { literal.append(b); continue }
            guard let d = bytes.popFirst() else { throw Invalid(reason: "ends with a lone %") }
            if d == UInt8(ascii: "%") { literal.append(d); continue }
            guard let field = Field(rawValue: d) else {
                throw Invalid(reason: "unknown directive %\(Character(Unicode.Scalar(d))) (use %Y %m %d %H %M %S)")
            }
            guard seen.insert(d).inserted else { throw Invalid(reason: "%\(Character(Unicode.Scalar(d))) appears twice") }
            if !literal.isEmpty { pieces.append(.literal(literal)); literal = [] }
            pieces.append(.field(field))
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        for (d, name) in [(UInt8(ascii: "Y"), "%Y"), (UInt8(ascii: "m"), "%m"), (UInt8(ascii: "d"), "%d")] where !seen.contains(d) {
            throw Invalid(reason: "must contain \(name) (a time needs %Y, %m and %d)")
        }
        if seen.contains(UInt8(ascii: "M")) && !seen.contains(UInt8(ascii: "H")) {
            throw Invalid(reason: "%M without %H")
        }
        if seen.contains(UInt8(ascii: "S")) && !seen.contains(UInt8(ascii: "M")) {
            throw Invalid(reason: "%S without %M")
        }
        self.pieces = pieces
    }

    public var description: String { pattern }

    /// Whether the format writes seconds.
    public var hasSeconds: Bool { pieces.contains(.field(.second)) }

    /// Parses a whole trimmed cell; nil unless every piece matches and the date and time exist.
    public func parse(utf8 b: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        var i = 0
        var y = 0, mo = 1, d = 1, h = 0, mi = 0, sec = 0  // no array: this runs once per row
        for piece in pieces {
            switch piece {
            case .literal(let text):
                guard b.count - i >= text.count else { return nil }
                for k in 0..<text.count where b[i + k] != text[k] { return nil }
                i += text.count
            case .field(let field):
                let width = field == .year ? 4 : 2
                var v = 0, n = 0
                while n < width, i < b.count, b[i] >= 48, b[i] <= 57 {
                    v = v * 10 + Int(b[i] - 48); i += 1; n += 1
                }
                guard n > 0 else { return nil }
                switch field {
                case .year: y = v
                case .month: mo = v
                case .day: d = v
                case .hour: h = v
                case .minute: mi = v
                case .second: sec = v
                }
            }
        }
        guard i == b.count, let date = CivilDate(year: y, month: mo, day: d), h < 24, mi < 60, sec < 60 else { return nil }
        return Timestamp(date: date, hour: h, minute: mi, second: sec)
    }

    public func parse(_ text: String) -> Timestamp? {
        var t = text
        return t.withUTF8 { parse(utf8: $0) }
    }

    /// Writes `t` in this format, fields zero-padded (`2021年09月10日 08:00`); nil when the
    /// format cannot hold it (seconds, or a time of day, it has no field for).
    public func format(_ t: Timestamp) -> String? {
        let day = t.date
        let s = Int(t.seconds - day.dayNumber * 86_400)
        let values = [day.year, day.month, day.day, s / 3600, s / 60 % 60, s % 60]
        let has = { (f: Field) in pieces.contains(.field(f)) }
        if !has(.hour) && s != 0 { return nil }
        if !has(.minute) && s % 3600 != 0 { return nil }
        if !has(.second) && s % 60 != 0 { return nil }
        var out = ""
        for piece in pieces {
            switch piece {
            case .literal(let text): out += String(decoding: text, as: UTF8.self)
            case .field(let field):
                let v = values[Self.slot(field)]
                out += field == .year ? String(v) : pad2(v)
            }
        }
        return out
    }

    static func slot(_ field: Field) -> Int {
        switch field {
        case .year: return 0
        case .month: return 1
        case .day: return 2
        case .hour: return 3
        case .minute: return 4
        case .second: return 5
        }
    }
}
