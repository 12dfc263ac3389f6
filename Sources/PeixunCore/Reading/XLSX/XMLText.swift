/// Text content decoded on bytes: the five predefined entities, character references, and
/// line ends normalised to LF as XML requires. Any other entity is refused: without a DTD
/// (and OOXML has none) it cannot be defined.
enum XMLText {
    static func appendDecoded(_ raw: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], part: String) throws {
        let n = raw.count
        var runStart = 0
        var i = 0
        while i < n {
            let byte = raw[i]
            if byte != 0x26, byte != 0x0D {
                i += 1
                continue
            }
            if i > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: raw[runStart..<i])) }
            if byte == 0x0D {
                out.append(0x0A)
                i += 1
                if i < n, raw[i] == 0x0A { i += 1 }
                runStart = i
                continue
            }
            var semicolon = i + 1
            while semicolon < n, semicolon - i <= 40, raw[semicolon] != UInt8(ascii: ";") { semicolon += 1 }
            guard semicolon < n, raw[semicolon] == UInt8(ascii: ";") else {
                throw XLSXProblem.malformed("\(part) has a bare & in its text")
            }
            let name = UnsafeBufferPointer(rebasing: raw[(i + 1)..<semicolon])
            if name.equals("amp") {
                out.append(UInt8(ascii: "&"))
            } else if name.equals("lt") {
                out.append(UInt8(ascii: "<"))
            } else if name.equals("gt") {
                out.append(UInt8(ascii: ">"))
            } else if name.equals("quot") {
                out.append(UInt8(ascii: "\""))
            } else if name.equals("apos") {
                out.append(UInt8(ascii: "'"))
            } else if name.first == UInt8(ascii: "#") {
                guard let scalar = characterReference(UnsafeBufferPointer(rebasing: name.dropFirst())) else {
                    throw XLSXProblem.malformed("\(part) has a bad character reference &\(String(decoding: name, as: UTF8.self));")
                }
                out.append(contentsOf: String(Character(scalar)).utf8)
            } else {
                throw XLSXProblem.refused(
                    "\(part) uses the entity &\(String(decoding: name, as: UTF8.self));, which only a DTD could define (OOXML has none)")
            }
            i = semicolon + 1
            runStart = i
        }
        if n > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: raw[runStart..<n])) }
    }

    /// `65` or `x41` → "A"; nil for anything that is not a character XML allows.
    private static func characterReference(_ digits: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        var value: UInt32 = 0
        var hex = false
        var body = digits[...]
        if body.first == UInt8(ascii: "x") {
            hex = true
            body = body.dropFirst()
        }
        guard !body.isEmpty else { return nil }
        for byte in body {
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            value = value * (hex ? 16 : 10) + digit
            if value > 0x10FFFF { return nil }
        }
        guard value == 0x9 || value == 0xA || value == 0xD || value >= 0x20 else { return nil }
        return Unicode.Scalar(value)
    }
}
