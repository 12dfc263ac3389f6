import PeixunCore

/// One cell of a roster table. The case decides the cell's type and number
/// format, so an ID can never end up as a number.
enum CellValue {
    /// Ordinary text.
    case text(String)
    /// Text that looks like a number but must stay text (身份证号, 证书编号): `@` format.
    case code(String)
    /// A score or hours, two decimals (`0.00`).
    case decimal(Double)
    case integer(Int)
    /// A fraction 0…1 shown as a percentage (`0.00%`).
    case percent(Double)
    case date(CivilDate)
    case blank

    static func points(_ p: Points) -> CellValue { .decimal(p.doubleValue) }
    static func hours(_ h: Hours) -> CellValue { .decimal(h.doubleValue) }
    /// Rounded to four decimals first, as results.json does.
    static func rate(_ f: Fraction) -> CellValue { .percent(Double(f.roundedScaled(places: 4)) / 10_000) }
    static func yesNo(_ b: Bool) -> CellValue { .text(b ? "是" : "否") }

    /// Width in Excel character units as displayed.
    var displayWidth: Int {
        switch self {
        case .text(let s): return TextWidth.of(s)
        case .code(let s): return TextWidth.of(s)
        case .decimal(let d): return TextWidth.digits(d) + 3
        case .integer(let i): return String(i).utf8.count
        case .percent(let d): return TextWidth.digits(d * 100) + 4
        case .date: return 10
        case .blank: return 0
        }
    }
}

/// Column widths for Chinese text: a CJK (wide) character takes about two
/// units of Excel's column width, an ASCII character one.
enum TextWidth {
    static func of(_ s: String) -> Int {
        var width = 0
        for b in s.utf8 {
            if b < 0x80 { width += 1 }                 // ASCII
            else if b >= 0xE0 { width += 2 }           // lead byte of a 3- or 4-byte sequence: CJK and wider
            else if b >= 0xC0 { width += 1 }           // 2-byte sequences: Latin, Greek, Cyrillic, ·
            // continuation bytes add nothing
        }
        return width
    }

    /// Digits left of the point, with a sign.
    static func digits(_ d: Double) -> Int {
        var n = 1, v = abs(d)
        while v >= 10 && n < 16 { v /= 10; n += 1 }
        return d < 0 ? n + 1 : n
    }
}
