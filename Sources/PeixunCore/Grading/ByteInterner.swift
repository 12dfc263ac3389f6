import Foundation

/// Maps short UTF-8 byte strings (course names) to dense integer ids without
/// creating a `String` per lookup: the hot path of reading millions of rows.
struct ByteInterner {
    private var arena: [UInt8] = []
    private var starts: [Int] = []
    private var lengths: [Int] = []
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    var count: Int { starts.count }

    /// The id of `bytes`, interning them on first sight.
    mutating func id(of bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let h = Self.hash(bytes)
        var i = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        while true {
            let s = slots[i]
            if s < 0 { break }
            if equal(Int(s), bytes) { return s }
            i = (i + 1) & mask
        }
        let id = Int32(starts.count)
        starts.append(arena.count)
        lengths.append(bytes.count)
        arena.append(contentsOf: bytes)
        slots[i] = id
        if starts.count * 2 > slots.count { grow() }
        return id
    }

    func string(_ id: Int32) -> String {
        let s = starts[Int(id)]
        return String(decoding: arena[s..<(s + lengths[Int(id)])], as: UTF8.self)
    }

    private func equal(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lengths[id] == bytes.count else { return false }
        guard let b = bytes.baseAddress else { return true }
        let s = starts[id]
        return arena.withUnsafeBufferPointer { memcmp($0.baseAddress! + s, b, bytes.count) == 0 }
    }

    /// Eight bytes at a time (names are tens of bytes of UTF-8), then the tail byte by byte.
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= bytes.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 32
            i += 8
        }
        while i < bytes.count { h = (h ^ UInt64(base[i])) &* 0x100_0000_01b3; i += 1 }
        return h
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        for id in 0..<starts.count {
            let h = arena.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[starts[id]..<(starts[id] + lengths[id])])) }
            var i = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(id)
        }
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// Byte-wise equality with a UTF-8 array (names from the scheme).
    @inline(__always) func equals(_ other: [UInt8]) -> Bool {
        guard count == other.count else { return false }
        guard let base = baseAddress, count > 0 else { return true }
        return other.withUnsafeBufferPointer { memcmp(base, $0.baseAddress!, count) == 0 }
    }
}
