import Testing
@testable import PeixunCore

@Suite struct NumbersTests {
    @Test(arguments: [
        ("15", 15_000_000_000 as Int64), ("1.5", 1_500_000_000), ("0.25", 250_000_000), ("0", 0),
        ("2.000000000000", 2_000_000_000), ("007", 7_000_000_000),
    ])
    func hoursParse(_ text: String, _ nano: Int64) {
        #expect(Hours.parse(text) == Hours(nano: nano))
    }

    @Test(arguments: ["", "-1", "+1", "1e3", "1.2.3", "1 h", "一", "1,5", ".", ".5", "10.", "0.0000000000000000001", "1000000000", "1.5h", "０.5"])
    func hoursRefused(_ text: String) {
        #expect(Hours.parse(text) == nil)
    }

    /// A spreadsheet's double, taken at its shortest decimal form, is kept exactly.
    @Test func hoursKeepEighteenDecimals() throws {
        let h = try #require(Hours.parse("0.30000000000000004"))
        #expect(h.units == Int128(300_000_000_000_000_040) * 3600)
        #expect(h + Hours.parse("0.1")! == Hours.parse("0.40000000000000004"))
        #expect(h.description == "0.30000000000000004")
        #expect(Hours.parse("1.0000000001")?.description == "1.0000000001")
        #expect(Hours.parse("2.5000000000000000000000") == Hours.parse("2.5"))
    }

    /// `Hours.nearestDouble` is `Double(_:)` on Int128 (nearest, ties to even) for every
    /// magnitude: random values of every bit length, both signs, and the halfway cases where a
    /// bit far below the top decides the rounding.
    @Test func int128ToDoubleRoundsAsTheStandardLibrary() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {  // xorshift64*: the same values on every run
            state ^= state >> 12; state ^= state << 25; state ^= state >> 27
            return state &* 0x2545_F491_4F6C_DD1D
        }
        var values: [Int128] = [0, 1, -1, .max, .min, .max - 1, .min + 1, Hours.scale, -Hours.scale]
        for bits in [52, 53, 54, 63, 64, 65, 100, 116, 117, 126] {
            let p = Int128(1) << bits
            values += [p - 1, p, p + 1, -(p + 1)]
            // Halfway between two Doubles, then just above it (a lone bit at the bottom).
            if bits > 54 { let half = p + (Int128(1) << (bits - 53)); values += [half, half + 1, half - 1, -half] }
        }
        for _ in 0..<100_000 {
            let raw = Int128(bitPattern: UInt128(next()) << 64 | UInt128(next()))
            values.append(raw >> Int(next() % 127))
        }
        for v in values {
            #expect(Hours.nearestDouble(v).bitPattern == Double(v).bitPattern, "\(v)")
        }
        #expect(Hours(whole: 3).doubleValue == 3 && Hours(nano: 1_500_000_000).doubleValue == 1.5)
        #expect(Hours(units: Hours.scale / 3).doubleValue == 1.0 / 3)
    }

    @Test func roundingIsHalfUp() {
        #expect(Points(rounding: Fraction(28, 3)).description == "9.33")   // 7 h of 15 → 9.333…
        #expect(Points(rounding: Fraction(1, 200)).description == "0.01")  // 0.005 → 0.01
        #expect(Points(rounding: Fraction(1, 300)).description == "0.00")
        #expect(Fraction(2, 3).decimalString(places: 4) == "0.6667")
        #expect(Fraction(19, 20) == Fraction(decimal: "0.95"))
        #expect(Fraction(decimal: "95%") == Fraction(19, 20))
    }

    @Test func timestamps() throws {
        let t = try #require(Timestamp.parse("2021-09-10 00:00:00"))
        #expect(t.description == "2021-09-10 00:00:00")
        #expect(Timestamp.parse("2021/12/20 23:59") == Timestamp.parse("2021-12-20 23:59:00"))
        for bad in ["2021-02-29 10:00", "2021-13-01 10:00", "2021-09-10", "2021-09-10 24:00", "2021-9-10 10:00",
                    "2021-09-10T10:00:00", "2021-09-10 10:00:60", "2021-09/10 10:00"] {
            #expect(Timestamp.parse(bad) == nil, "\(bad)")
        }
        // Excel serial 44449.5 is 2021-09-10 12:00:00; 44469.999994 rounds to the second.
        #expect(Timestamp.fromExcelSerial(44449.5)?.description == "2021-09-10 12:00:00")
        #expect(Timestamp.fromExcelSerial(44450.0)?.description == "2021-09-11 00:00:00")
    }

    @Test func periodIsHalfOpenAndAsOfCuts() throws {
        let scheme = try TestSchemes.seed()
        let period = Period(programme: scheme.programme)
        #expect(period.place(Timestamp.parse("2021-09-10 00:00:00")!) == .inside)
        #expect(period.place(Timestamp.parse("2021-09-09 23:59:59")!) == .outside)
        #expect(period.place(Timestamp.parse("2021-12-20 23:59:59")!) == .inside)
        #expect(period.place(Timestamp.parse("2021-12-21 00:00:00")!) == .outside)
        let mid = Period(programme: scheme.programme, asOf: CivilDate(year: 2021, month: 11, day: 1))
        #expect(mid.place(Timestamp.parse("2021-11-01 23:59:59")!) == .inside)
        #expect(mid.place(Timestamp.parse("2021-11-02 00:00:00")!) == .afterCutoff)
        #expect(mid.place(Timestamp.parse("2021-12-21 00:00:00")!) == .outside)
    }
}

@Suite struct IDNumberTests {
    @Test(arguments: ["411002199412212909", "41100219771217700X", "41100219771217700x", "11010519491231002X"])
    func valid(_ id: String) {
        #expect(IDNumber.normalize(id) == id.uppercased())
        var bytes = Array(id.utf8)
        #expect(bytes.withUnsafeMutableBufferPointer { IDNumber.key(utf8: UnsafeBufferPointer($0)) } != nil)
    }

    @Test(arguments: [
        "411002199412212908",  // wrong check character
        "41100219941221290",   // 17 characters
        "4110021994122129090", // 19
        "411002199402302901",  // 1994-02-30 does not exist (checksum aside)
        "41100219941221290A", "41100219941221290 ", "",
    ])
    func invalid(_ id: String) {
        #expect(IDNumber.normalize(id) == nil)
        var bytes = Array(id.utf8)
        #expect(bytes.withUnsafeMutableBufferPointer { IDNumber.key(utf8: UnsafeBufferPointer($0)) } == nil)
    }

    @Test func checkCharacterIsComputedFromTheFirst17() {
        let first17 = Array("41100219941221290".utf8)
        #expect(IDNumber.checkCharacter(for: first17) == UInt8(ascii: "9"))
        // A real date with the wrong check character is refused even so.
        let feb29 = Array("41100220000229123".utf8)
        let id = String(decoding: feb29 + [IDNumber.checkCharacter(for: feb29)], as: UTF8.self)
        #expect(IDNumber.normalize(id) != nil)  // 2000 was a leap year
        let feb29b = Array("41100219000229123".utf8)
        let id2 = String(decoding: feb29b + [IDNumber.checkCharacter(for: feb29b)], as: UTF8.self)
        #expect(IDNumber.normalize(id2) == nil)  // 1900 was not
    }

    @Test func masking() {
        #expect(IDNumber.mask("41010219800101123X") == "410102********123X")
    }

    /// The mask by characters, as `mask` was written before its byte path.
    func maskByCharacters(_ id: String) -> String {
        let chars = Array(id)
        guard chars.count > 10 else { return String(repeating: "*", count: chars.count) }
        return String(chars.prefix(6)) + String(repeating: "*", count: chars.count - 10) + String(chars.suffix(4))
    }

    /// The byte path gives what the characters give, for IDs and for any text: short, long,
    /// with `\r\n` (one character of two bytes), Chinese, combining marks and emoji.
    @Test(arguments: ["41010219800101123X", "4101021980010112", "12345678901", "1234567890", "", "x",
                      "410102\r\n19800101123X", "410102198001011\r\n", "\r\n\r\n\r\n\r\n\r\n\r\n",
                      "41010219800101123\r", "王𬌗410102198001011", "410102198001011e\u{301}", "👩‍👩‍👧41010219800101123X",
                      String(repeating: "9", count: 300)])
    func maskingBytesIsMaskingCharacters(_ id: String) {
        #expect(IDNumber.mask(id) == maskByCharacters(id))
        #expect(Array(IDNumber.mask(id).utf8) == Array(maskByCharacters(id).utf8))
    }
}

@Suite struct FixedDecimalTests {
    @Test(arguments: [(933 as Int64, "9.33"), (0, "0.00"), (5, "0.05"), (-5, "-0.05"), (10000, "100.00"), (-12345, "-123.45")])
    func twoPlaces(_ v: Int64, _ text: String) {
        #expect(FixedDecimal.format(v, places: 2) == text)
        #expect(FixedDecimal.format(Int128(v), places: 2) == text)
    }

    @Test func hoursToTwoPlacesRoundHalfUp() {
        #expect(Hours.parse("1.005")?.twoPlaces == "1.01")
        #expect(Hours.parse("1.004999999")?.twoPlaces == "1.00")
        #expect(Hours.parse("15")?.twoPlaces == "15.00")
        #expect(FixedDecimal.format(42 as Int64, places: 0) == "42")
    }

    /// A cell's short decimals take a 64-bit fast path; it must give what the general parser gives,
    /// and leave everything else (refusals included) to it.
    @Test func cellFastPathAgreesWithTheGeneralParser() {
        var cells = ["0", "3", "12", "9999", "10000", "1.5", "0.25", "2.125", "1.0625", "7.50", "0.001", "1.", ".5",
                     "1..5", "-1", "1e3", "12345678", "123456789", "1.5h", "", "٣", "0.30000000000000004"]
        for whole in [0, 1, 9, 10, 99, 100, 999, 1000, 9999] {
            for frac in ["", ".0", ".5", ".05", ".005", ".999", ".1234"] { cells.append("\(whole)\(frac)") }
        }
        for cell in cells {
            let bytes = Array(cell.utf8)
            let fast = bytes.withUnsafeBufferPointer { Hours.parse(utf8: $0) }
            let general = Hours.parse(utf8: bytes)  // the generic parser, over an array
            #expect(fast == general, "\(cell)")
        }
        #expect([UInt8]("2.125".utf8).withUnsafeBufferPointer { Hours.parse(utf8: $0) }?.units == Hours.scale * 2125 / 1000)
    }
}
