import Foundation

/// What a streaming XML scan reports to.
protocol XMLScanHandler {
    /// Whether the text now met is wanted (then `text` and `literalText` receive it).
    var wantsText: Bool { get }
    /// A start tag; a self-closing one is followed at once by `endElement`.
    mutating func startElement(_ tag: XMLTag) throws
    /// An end tag's local name.
    mutating func endElement(_ name: UnsafeBufferPointer<UInt8>) throws
    /// Undecoded text: references (`&amp;`, `&#x4E2D;`) are never split between calls.
    mutating func text(_ raw: UnsafeBufferPointer<UInt8>) throws
    /// The literal contents of a CDATA section.
    mutating func literalText(_ bytes: UnsafeBufferPointer<UInt8>) throws
}

/// A hand-written XML tokenizer over UTF-8 bytes fed in chunks: tags, text, comments, CDATA and
/// processing instructions. A DTD (`<!DOCTYPE`, `<!ENTITY`) is refused (OOXML never has one), as
/// are nesting deeper than the limit and markup longer than the limit, so memory stays bounded:
/// at most one tag and one chunk are held.
final class XMLByteScanner {
    let part: String
    let limits: XLSXLimits
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    private(set) var depth = 0
    private var sawRoot = false

    /// `resumingAt`: the scan starts inside the root element, that many elements deep, between
    /// two tokens (a part of a sheet read on its own, see `ParallelSheetScan`).
    init(part: String, limits: XLSXLimits, resumingAt depth: Int? = nil) {
        self.part = part
        self.limits = limits
        capacity = XLSXPackage.chunkSize * 2
        buffer = .allocate(capacity: capacity)
        if let depth {
            self.depth = depth
            sawRoot = true
        }
    }

    /// Whether the scan stands between two tokens `depth` elements deep inside the root, as one
    /// `resumingAt: depth` starts.
    func isBetweenTokens(atDepth depth: Int) -> Bool { count == 0 && sawRoot && self.depth == depth }

    deinit { buffer.deallocate() }

    /// Scans what it can of `chunk` (after the bytes kept from before); keeps an unfinished token.
    /// The chunk is scanned where it lies: only a token cut by a chunk's end is copied.
    func feed<H: XMLScanHandler>(_ chunk: UnsafeRawBufferPointer, to handler: inout H) throws {
        guard let raw = chunk.baseAddress, chunk.count > 0 else { return }
        var bytes = UnsafeBufferPointer(start: raw.assumingMemoryBound(to: UInt8.self), count: chunk.count)
        if count > 0 {
            // Finish the kept token with the chunk up to its first `>`.
            let head = memchr(raw, Int32(Self.gt), bytes.count).map { UnsafeRawPointer($0) - raw + 1 } ?? bytes.count
            keep(UnsafeBufferPointer(rebasing: bytes[0..<head]))
            bytes = UnsafeBufferPointer(rebasing: bytes[head...])
            try scanKept(&handler)
            if count > 0 {
                keep(bytes)
                try scanKept(&handler)
                return
            }
        }
        let used = try scan(bytes, final: false, &handler)
        if used < bytes.count { keep(UnsafeBufferPointer(rebasing: bytes[used...])) }
    }

    private func keep(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        if count + bytes.count > capacity {
            capacity = max(capacity * 2, count + bytes.count)
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.update(from: buffer, count: count)
            buffer.deallocate()
            buffer = grown
        }
        (buffer + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    private func scanKept<H: XMLScanHandler>(_ handler: inout H) throws {
        let used = try scan(UnsafeBufferPointer(start: buffer, count: count), final: false, &handler)
        count -= used
        if count > 0, used > 0 { memmove(buffer, buffer + used, count) }
    }

    /// The end of the part: nothing may be left unfinished.
    func finish<H: XMLScanHandler>(_ handler: inout H) throws {
        let used = try scan(UnsafeBufferPointer(start: buffer, count: count), final: true, &handler)
        guard used == count else { throw XLSXProblem.malformed("\(part) ends inside a tag") }
        guard depth == 0, sawRoot else { throw XLSXProblem.malformed("\(part) ends before its last element closes") }
    }

    private static let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), amp = UInt8(ascii: "&")
    private static let slash = UInt8(ascii: "/"), bang = UInt8(ascii: "!"), question = UInt8(ascii: "?")

    /// Scans whole tokens of `bytes`; returns how many bytes were used.
    private func scan<H: XMLScanHandler>(_ bytes: UnsafeBufferPointer<UInt8>, final: Bool, _ handler: inout H) throws -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let n = bytes.count
        var i = 0
        while i < n {
            if base[i] != Self.lt {
                // Text up to the next tag.
                let found = memchr(base + i, Int32(Self.lt), n - i)
                let end = found.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? n
                if handler.wantsText {
                    var cut = end
                    if end == n, !final {
                        // Keep a reference split by the chunk end for the next chunk.
                        var j = n - 1
                        while j >= i, j >= n - 40, base[j] != Self.amp, base[j] != UInt8(ascii: ";") { j -= 1 }
                        if j >= i, base[j] == Self.amp { cut = j }
                    }
                    if cut > i { try handler.text(UnsafeBufferPointer(start: base + i, count: cut - i)) }
                    if cut < end { return cut }
                }
                i = end
                continue
            }
            let close = try markupEnd(base, from: i, count: n, final: final)
            if (close ?? n) - i > limits.maxMarkupBytes {
                throw XLSXProblem.refused("\(part) has markup longer than \(limits.maxMarkupBytes) bytes")
            }
            guard let close else { return i }
            try token(base, from: i, to: close, &handler)
            i = close + 1
        }
        return i
    }

    /// The index of the `>` that ends the markup starting at `from`, nil if not yet in the buffer.
    private func markupEnd(_ base: UnsafePointer<UInt8>, from: Int, count n: Int, final: Bool) throws -> Int? {
        func starts(_ text: StaticString) -> Bool? {
            let length = text.utf8CodeUnitCount
            if from + length > n { return nil }
            return memcmp(base + from, text.utf8Start, length) == 0
        }
        func find(_ terminator: StaticString, after start: Int) -> Int? {
            let length = terminator.utf8CodeUnitCount
            var at = start
            while at + length <= n {
                guard let hit = memchr(base + at + length - 1, Int32(Self.gt), n - at - length + 1) else { return nil }
                let close = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
                if memcmp(base + close - length + 1, terminator.utf8Start, length) == 0 { return close }
                at = close - length + 2
            }
            return nil
        }
        guard from + 1 < n else { return nil }
        switch base[from + 1] {
        case Self.slash:
            // An end tag has no attributes, so no quoted `>`.
            guard let hit = memchr(base + from + 2, Int32(Self.gt), n - from - 2) else { return nil }
            return UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
        case Self.bang:
            switch starts("<!--") {
            case nil: return nil
            case true?: return find("-->", after: from + 4)
            case false?: break
            }
            switch starts("<![CDATA[") {
            case nil: return final ? try refuseDeclaration(base, from, n) : nil
            case true?: return find("]]>", after: from + 9)
            case false?: return try refuseDeclaration(base, from, n)
            }
        case Self.question:
            return find("?>", after: from + 2)
        default:
            // A tag: `>` may appear inside a quoted attribute value.
            var quote: UInt8 = 0
            var at = from + 1
            while at < n {
                let byte = base[at]
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == Self.gt {
                    return at
                } else if byte == 0x22 || byte == 0x27 {
                    quote = byte
                }
                at += 1
            }
            return nil
        }
    }

    private func refuseDeclaration(_ base: UnsafePointer<UInt8>, _ from: Int, _ n: Int) throws -> Int? {
        let shown = String(decoding: UnsafeBufferPointer(start: base + from, count: min(10, n - from)), as: UTF8.self)
        throw XLSXProblem.refused("\(part) has a DTD or entity declaration (\(shown)…), which OOXML never uses")
    }

    private func token<H: XMLScanHandler>(_ base: UnsafePointer<UInt8>, from: Int, to close: Int, _ handler: inout H) throws {
        let second = base[from + 1]
        if second == Self.slash {
            guard depth > 0 else { throw XLSXProblem.malformed("\(part) closes an element it never opened") }
            depth -= 1
            let tag = XMLTag(bytes: UnsafeBufferPointer(start: base + from + 2, count: close - from - 2))
            try handler.endElement(tag.localName)
        } else if second == Self.bang {
            if base[from + 2] == UInt8(ascii: "["), handler.wantsText {  // CDATA
                try handler.literalText(UnsafeBufferPointer(start: base + from + 9, count: close - from - 11))
            }
        } else if second != Self.question {
            let selfClosing = base[close - 1] == Self.slash
            let tag = XMLTag(bytes: UnsafeBufferPointer(start: base + from + 1, count: close - from - (selfClosing ? 2 : 1)))
            if depth == 0 {
                guard !sawRoot else { throw XLSXProblem.malformed("\(part) has content after its root element") }
                sawRoot = true
            }
            if !selfClosing {
                depth += 1
                if depth > limits.maxDepth {
                    throw XLSXProblem.refused("\(part) nests elements deeper than \(limits.maxDepth)")
                }
            }
            try handler.startElement(tag)
            if selfClosing { try handler.endElement(tag.localName) }
        }
    }
}
