/// A piece of a sheet's inflated XML, in stream order.
struct SheetSegment: Sendable {
    /// Its place in the sheet: 0, 1, 2…
    let index: Int
    let bytes: [UInt8]
    /// Whether it starts just after a `</row>` end tag, so that it may be scanned on its own
    /// (whether that `</row>` was markup and not inside a comment is only known once the segment
    /// before it has been scanned).
    let afterRowEnd: Bool
}

/// Cuts the inflated bytes of a sheet into segments of about `targetBytes`, each ending just
/// after a `</row>` (or `</x:row>`) where one is found in its last `targetBytes`; else at
/// `targetBytes`, and then the next segment does not start after a row end.
struct SheetSegmenter {
    let targetBytes: Int
    private var carry: [UInt8] = []
    private var carryAfterRowEnd = false
    private var emitted = 0

    init(targetBytes: Int) {
        self.targetBytes = max(targetBytes, 16)
    }

    /// Adds inflated bytes; gives `emit` every segment they complete.
    mutating func add(_ chunk: UnsafeRawBufferPointer, _ emit: (SheetSegment) throws -> Void) rethrows {
        guard let raw = chunk.baseAddress else { return }
        var rest = UnsafeBufferPointer(start: raw.assumingMemoryBound(to: UInt8.self), count: chunk.count)
        while carry.count + rest.count >= targetBytes {
            let window = UnsafeBufferPointer(rebasing: rest[0..<(targetBytes - carry.count)])
            let end = Self.lastRowEnd(in: window)
            let take = end ?? window.count
            carry.append(contentsOf: UnsafeBufferPointer(rebasing: rest[0..<take]))
            try emitCarry(emit)
            carryAfterRowEnd = end != nil
            rest = UnsafeBufferPointer(rebasing: rest[take...])
        }
        carry.append(contentsOf: rest)
    }

    /// The bytes left at the end of the sheet (or before an error), as a last segment.
    mutating func finish(_ emit: (SheetSegment) throws -> Void) rethrows {
        if !carry.isEmpty { try emitCarry(emit) }
    }

    private mutating func emitCarry(_ emit: (SheetSegment) throws -> Void) rethrows {
        var bytes: [UInt8] = []
        swap(&bytes, &carry)
        let segment = SheetSegment(index: emitted, bytes: bytes, afterRowEnd: carryAfterRowEnd)
        emitted += 1
        try emit(segment)
    }

    /// The index just after the last `</row>` or `</prefix:row>` in `bytes`, nil if none.
    static func lastRowEnd(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var at = bytes.count - 1
        while at >= 5 {
            if bytes[at] == UInt8(ascii: ">"), bytes[at - 1] == UInt8(ascii: "w"), bytes[at - 2] == UInt8(ascii: "o"),
               bytes[at - 3] == UInt8(ascii: "r") {
                let before = bytes[at - 4]
                if before == UInt8(ascii: "/"), bytes[at - 5] == UInt8(ascii: "<") { return at + 1 }
                if before == UInt8(ascii: ":") {
                    // A prefix: `</` then name characters up to the colon.
                    var start = at - 5
                    while start > 1, at - start < 40, isNameByte(bytes[start]) { start -= 1 }
                    if start < at - 5, bytes[start] == UInt8(ascii: "/"), bytes[start - 1] == UInt8(ascii: "<") { return at + 1 }
                }
            }
            at -= 1
        }
        return nil
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }
}
