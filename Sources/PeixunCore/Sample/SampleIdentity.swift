/// 身份证号 for sample people: a county's area code, a birth date from
/// 1962-01-01 to 1999-12-31, a sequence code whose parity is the gender
/// (odd male, even female) and the GB 11643 check character.
///
/// Uniqueness does not rely on retries: person index i is sent through the
/// bijection x = (a·i + b) mod M on M = days × 499, and x names a distinct
/// (birth date, sequence pair) for every index below M (≈ 6.9 million).
struct SampleIdentity: Sendable {
    /// 1962-01-01 and 1999-12-31 as day numbers.
    static let firstBirthDay: Int64 = -2922
    static let birthDays: Int64 = 10956 - firstBirthDay + 1
    static let sequencePairs: Int64 = 499
    /// How many distinct people the scheme can number.
    static let capacity = Int(birthDays * sequencePairs)

    let multiplier: Int64
    let offset: Int64

    init(seed: UInt64) {
        let m = Int64(SampleIdentity.capacity)
        var a = Int64(SampleRandom.mix(seed ^ 0xA5A5) % UInt64(m)) | 1
        while SampleIdentity.gcd(a, m) != 1 { a += 2 }
        multiplier = a
        offset = Int64(SampleRandom.mix(seed ^ 0x5A5A) % UInt64(m))
    }

    static func gcd(_ a: Int64, _ b: Int64) -> Int64 { b == 0 ? a : gcd(b, a % b) }

    /// The 18 ASCII bytes of person `index`'s ID.
    func id(index: Int, areaCode: [UInt8], female: Bool) -> [UInt8] {
        let m = Int64(SampleIdentity.capacity)
        let x = Int64((Int128(multiplier) * Int128(index) + Int128(offset)) % Int128(m))
        let birth = CivilDate(dayNumber: SampleIdentity.firstBirthDay + x / SampleIdentity.sequencePairs)
        let pairIndex = Int(x % SampleIdentity.sequencePairs)
        let sequence = 2 * (pairIndex + 1) + (female ? 0 : 1)
        return SampleIdentity.assemble(areaCode: areaCode, birth: birth, sequence: sequence)
    }

    /// A valid ID born in 2000, so never on a sample roster: the "unknown ID" anomaly.
    static func outsider(random: inout SampleRandom, areaCode: [UInt8]) -> [UInt8] {
        let birth = CivilDate(dayNumber: 10957 + Int64(random.below(366)))  // a day of 2000
        return assemble(areaCode: areaCode, birth: birth, sequence: random.int(in: 1...999))
    }

    static func assemble(areaCode: [UInt8], birth: CivilDate, sequence: Int) -> [UInt8] {
        var digits = areaCode
        func put(_ value: Int, width: Int) {
            var d = [UInt8](repeating: 48, count: width)
            var v = value
            for k in stride(from: width - 1, through: 0, by: -1) { d[k] = UInt8(48 + v % 10); v /= 10 }
            digits.append(contentsOf: d)
        }
        put(birth.year, width: 4); put(birth.month, width: 2); put(birth.day, width: 2)
        put(sequence, width: 3)
        digits.append(IDNumber.checkCharacter(for: digits))
        return digits
    }
}
