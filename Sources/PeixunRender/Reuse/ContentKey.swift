import Crypto

/// A SHA-256 digest over a sequence of fields, each framed by its length, so
/// that `["ab", "c"]` and `["a", "bc"]` give different keys. Used to name
/// the inputs a drawn file depends on (`OutputReuse`).
public struct ContentKey: @unchecked Sendable {  // SHA256 is a plain value
    private var hasher = SHA256()

    public init() {}

    /// Starts from another key's fields (cheap: SHA-256 state is a value).
    public init(_ base: ContentKey) { hasher = base.hasher }

    public mutating func add(_ field: String) { add(Array(field.utf8)) }

    public mutating func add(_ bytes: [UInt8]) {
        var length = UInt64(bytes.count).littleEndian
        withUnsafeBytes(of: &length) { hasher.update(bufferPointer: $0) }
        hasher.update(data: bytes)
    }

    /// The value as it is stored: every stored field of `value`, in declaration
    /// order (`String(reflecting:)`), so a field added later is covered too.
    /// Only for values without dictionaries or sets (their order is random).
    public mutating func add<T>(reflecting value: T) { add(String(reflecting: value)) }

    /// 64 hexadecimal digits.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in hasher.finalize() {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
