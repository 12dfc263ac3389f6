/// A platform's spellings of one column's values, looked up on the cell's bytes (CONTRACT §7
/// `values."<column>"`): a spelling becomes the §3 value, anything else is read as it is.
/// The bytes live in one allocation owned by this object, so a mapped cell is a pointer
/// into it, valid as long as the reader that holds the map — no String per field.
public final class ValueMap: @unchecked Sendable {
    /// (spelling, §3 value) pairs, in the profile's order.
    public let pairs: [(spelling: String, value: String)]
    private let storage: UnsafeMutablePointer<UInt8>
    /// Per pair: offset and length of the spelling, then of the value, in `storage`.
    private let spans: [(Int, Int, Int, Int)]
    /// The §3 value for the empty cell, when a spelling is "".
    private let emptyIndex: Int?

    public init(pairs: [(spelling: String, value: String)]) {
        self.pairs = pairs
        let total = pairs.reduce(0) { $0 + $1.spelling.utf8.count + $1.value.utf8.count }
        storage = UnsafeMutablePointer<UInt8>.allocate(capacity: max(total, 1))
        var spans: [(Int, Int, Int, Int)] = []
        var at = 0
        for (spelling, value) in pairs {
            let s = Array(spelling.utf8), v = Array(value.utf8)
            (storage + at).initialize(from: s, count: s.count)
            (storage + at + s.count).initialize(from: v, count: v.count)
            spans.append((at, s.count, at + s.count, v.count))
            at += s.count + v.count
        }
        self.spans = spans
        emptyIndex = pairs.firstIndex { $0.spelling.isEmpty }
    }

    deinit { storage.deallocate() }

    /// The §3 value for a trimmed cell: its mapping, or the cell itself.
    @inline(__always)
    public func map(_ cell: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        if cell.isEmpty {
            guard let e = emptyIndex else { return cell }
            return UnsafeBufferPointer(start: storage + spans[e].2, count: spans[e].3)
        }
        for (s, sl, v, vl) in spans where sl == cell.count {
            var k = 0
            while k < sl && storage[s + k] == cell[k] { k += 1 }
            if k == sl { return UnsafeBufferPointer(start: storage + v, count: vl) }
        }
        return cell
    }

    /// The §3 value for a text (inspect, tests), or nil when no spelling matches.
    public func value(for text: String) -> String? {
        pairs.first { $0.spelling == text }?.value
    }

    /// Lends a reader's per-column maps as a buffer (nil stays nil: the contract's layout).
    static func withBuffer<R>(_ maps: [ValueMap?]?, _ body: (UnsafeBufferPointer<ValueMap?>?) throws -> R) rethrows -> R {
        guard let maps else { return try body(nil) }
        return try maps.withUnsafeBufferPointer { try body($0) }
    }
}
