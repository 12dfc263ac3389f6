/// ID key → roster position: an open-addressing table over the 17-digit ID
/// keys, looked up once per record row (tens of millions of times), where a
/// `Dictionary`'s general-purpose hashing costs more than the rest of the row.
struct PersonIndex {
    private var keys: [UInt64]
    private var values: [Int32]
    private let mask: Int
    private static let empty = UInt64.max

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: PersonIndex.empty, count: size)
        values = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    @inline(__always) private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    /// Inserts; returns false if the key is present already.
    mutating func insert(_ key: UInt64, _ value: Int32) -> Bool {
        var i = slot(key)
        while keys[i] != PersonIndex.empty {
            if keys[i] == key { return false }
            i = (i + 1) & mask
        }
        keys[i] = key
        values[i] = value
        return true
    }

    @inline(__always) subscript(key: UInt64) -> Int32? {
        var i = slot(key)
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k == PersonIndex.empty { return nil }
            i = (i + 1) & mask
        }
    }
}
