import Foundation

/// A zip writer for hand-made (and hostile) .xlsx packages: stored parts, or raw deflate streams
/// with whatever size the test wants the headers to declare.
struct TestZip {
    struct Part {
        var path: String
        var method: UInt16
        var data: [UInt8]
        var crc: UInt32
        var declaredSize: UInt64
    }

    var parts: [Part] = []

    mutating func stored(_ path: String, _ text: String) {
        let bytes = Array(text.utf8)
        parts.append(Part(path: path, method: 0, data: bytes, crc: Self.crc32(bytes), declaredSize: UInt64(bytes.count)))
    }

    mutating func deflated(_ path: String, stream: [UInt8], declaredSize: UInt64) {
        parts.append(Part(path: path, method: 8, data: stream, crc: 0, declaredSize: declaredSize))
    }

    /// The workbook parts around a first sheet `xl/worksheets/sheet1.xml` and `xl/sharedStrings.xml`.
    static func workbook() -> TestZip {
        var zip = TestZip()
        zip.stored("xl/workbook.xml",
                   #"<workbook xmlns:r="r"><sheets><sheet name="a" r:id="rId1"/></sheets></workbook>"#)
        zip.stored("xl/_rels/workbook.xml.rels", """
            <Relationships><Relationship Id="rId1" Type="t/worksheet" Target="worksheets/sheet1.xml"/>\
            <Relationship Id="rId2" Type="t/sharedStrings" Target="sharedStrings.xml"/></Relationships>
            """)
        return zip
    }

    /// The courses header as inline strings, row 1.
    static let coursesHeader = "<row r=\"1\">" + ["身份证号", "课程名称", "模块", "学时", "完成时间"]
        .map { "<c t=\"inlineStr\"><is><t>\($0)</t></is></c>" }.joined() + "</row>"

    func write(to path: String) throws {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for part in parts {
            let offset = UInt32(out.count)
            let name = Array(part.path.utf8)
            let zip64 = part.declaredSize >= 0xFFFF_FFFF
            let size32 = zip64 ? 0xFFFF_FFFF : UInt32(part.declaredSize)
            out += le(UInt32(0x0403_4B50)) + le(UInt16(45)) + le(UInt16(0)) + le(part.method)
            out += le(UInt32(0)) + le(part.crc) + le(UInt32(part.data.count)) + le(size32)
            out += le(UInt16(name.count)) + le(UInt16(0)) + name + part.data
            let extra: [UInt8] = zip64 ? le(UInt16(1)) + le(UInt16(8)) + le(part.declaredSize) : []
            central += le(UInt32(0x0201_4B50)) + le(UInt16(45)) + le(UInt16(45)) + le(UInt16(0)) + le(part.method)
            central += le(UInt32(0)) + le(part.crc) + le(UInt32(part.data.count)) + le(size32)
            central += le(UInt16(name.count)) + le(UInt16(extra.count)) + le(UInt16(0)) + le(UInt16(0))
            central += le(UInt16(0)) + le(UInt32(0)) + le(offset) + name + extra
        }
        let directoryOffset = UInt32(out.count)
        out += central
        out += le(UInt32(0x0605_4B50)) + le(UInt16(0)) + le(UInt16(0)) + le(UInt16(parts.count)) + le(UInt16(parts.count))
        out += le(UInt32(central.count)) + le(directoryOffset) + le(UInt16(0))
        try Data(out).write(to: URL(fileURLWithPath: path))
    }

    private func le<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        (0..<(T.bitWidth / 8)).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}

/// Raw deflate streams written by hand, so that a sheet of gigabytes costs megabytes and
/// milliseconds to make.
enum DeflateBomb {
    private struct BitWriter {
        var bytes: [UInt8] = []
        var accumulator: UInt64 = 0
        var pending = 0
        var bitCount: Int { bytes.count * 8 + pending }

        mutating func bits(_ value: UInt32, _ count: Int) {
            accumulator |= UInt64(value) << UInt64(pending)
            pending += count
            while pending >= 8 {
                bytes.append(UInt8(truncatingIfNeeded: accumulator))
                accumulator >>= 8
                pending -= 8
            }
        }

        /// A Huffman code, most significant bit first.
        mutating func code(_ code: UInt32, _ length: Int) {
            var reversed: UInt32 = 0
            for bit in 0..<length { reversed |= ((code >> UInt32(bit)) & 1) << UInt32(length - 1 - bit) }
            bits(reversed, length)
        }

        mutating func flush() {
            if pending > 0 { bytes.append(UInt8(truncatingIfNeeded: accumulator)) }
            accumulator = 0
            pending = 0
        }
    }

    /// One dynamic-Huffman block that inflates to some spaces (to align the bits), `prefix`, then
    /// the 6-byte `unit` repeated: literals cost 9 bits, each 258-byte copy of the unit 4 bits,
    /// about 516:1 overall. Returns the stream and exactly how many bytes it inflates to.
    static func stream(prefix: String, unit: String, size: Int) -> (stream: [UInt8], inflated: Int) {
        let unitBytes = Array(unit.utf8)
        precondition(unitBytes.count == 6)
        var writer = BitWriter()
        writer.bits(1, 1)  // last block
        writer.bits(2, 2)  // dynamic Huffman codes
        writer.bits(29, 5)  // 286 literal/length codes
        writer.bits(4, 5)  // 5 distance codes
        writer.bits(14, 4)  // 18 code-length codes
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        // Code lengths 0, 1, 2 and 9 are used, each coded in 2 bits: 00, 01, 10, 11.
        let lengthCode: [Int: UInt32] = [0: 0, 1: 1, 2: 2, 9: 3]
        for symbol in order.prefix(18) { writer.bits(lengthCode[symbol] == nil ? 0 : 2, 3) }
        // Literals 9 bits; end of block (256) and length 258 (285) 2 bits; one distance code (4: 5–6).
        let lengths = Array(repeating: 9, count: 256) + [2] + Array(repeating: 0, count: 28) + [2] + [0, 0, 0, 0, 1]
        for length in lengths { writer.code(lengthCode[length]!, 2) }
        var text = Array(prefix.utf8) + unitBytes
        var spaces = 0
        while (writer.bitCount + 9 * (text.count + spaces)) % 8 != 0 { spaces += 1 }
        text = Array(repeating: UInt8(ascii: " "), count: spaces) + text
        for byte in text { writer.code(256 + UInt32(byte), 9) }  // canonical: literals follow the 2-bit codes
        // Two copies (length code 01, distance code 0, extra bit 1) fill one byte.
        var pair = BitWriter()
        for _ in 0..<2 {
            pair.code(1, 2)
            pair.code(0, 1)
            pair.bits(1, 1)
        }
        let copies = max(0, (size - text.count) / 516)
        writer.bytes.append(contentsOf: repeatElement(pair.bytes[0], count: copies))
        writer.code(0, 2)  // end of block
        writer.flush()
        return (writer.bytes, text.count + copies * 516)
    }
}
