/// The bytes of a start or end tag between `<` (or `</`) and `>` (or `/>`): its name, then
/// its attributes. Valid only while the scanner's buffer is.
struct XMLTag {
    let bytes: UnsafeBufferPointer<UInt8>

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

    /// Where the element name ends.
    private var nameEnd: Int {
        var at = 0
        while at < bytes.count, !Self.isSpace(bytes[at]) { at += 1 }
        return at
    }

    /// The element name without a namespace prefix (`x:row` → `row`).
    var localName: UnsafeBufferPointer<UInt8> {
        let end = nameEnd
        var start = 0
        for at in 0..<end where bytes[at] == UInt8(ascii: ":") { start = at + 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    var name: String { String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<nameEnd]), as: UTF8.self) }

    /// Calls `body` with each attribute's qualified name and undecoded value, until it returns false.
    func forEachAttribute(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) throws -> Bool) rethrows {
        var at = nameEnd
        let n = bytes.count
        while at < n {
            while at < n, Self.isSpace(bytes[at]) { at += 1 }
            let nameStart = at
            while at < n, bytes[at] != UInt8(ascii: "="), !Self.isSpace(bytes[at]) { at += 1 }
            let nameStop = at
            while at < n, bytes[at] != 0x22, bytes[at] != 0x27 { at += 1 }
            guard at < n else { return }
            let quote = bytes[at]
            at += 1
            let valueStart = at
            while at < n, bytes[at] != quote { at += 1 }
            let value = UnsafeBufferPointer(rebasing: bytes[valueStart..<min(at, n)])
            at += 1
            if nameStop > nameStart,
               try !body(UnsafeBufferPointer(rebasing: bytes[nameStart..<nameStop]), value) { return }
        }
    }

    /// The undecoded value of the attribute with this one-byte unprefixed name (`r`, `t`).
    @inline(__always)
    func attribute(_ name: UInt8) -> UnsafeBufferPointer<UInt8>? {
        var found: UnsafeBufferPointer<UInt8>?
        forEachAttribute { key, value in
            if key.count == 1, key[0] == name { found = value; return false }
            return true
        }
        return found
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// Whether these bytes spell `text` (ASCII).
    @inline(__always)
    func equals(_ text: StaticString) -> Bool {
        guard count == text.utf8CodeUnitCount else { return false }
        let other = text.utf8Start
        for index in 0..<count where self[index] != other[index] { return false }
        return true
    }
}
