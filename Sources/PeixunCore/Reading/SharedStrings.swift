/// The shared-string table, kept as one byte arena with end offsets (no String per item).
struct SharedStrings {
    private var bytes: [UInt8] = []
    private var ends: [UInt32] = []

    var count: Int { ends.count }

    /// Appends string `index` to `out`; false if there is no such string.
    @inline(__always)
    func copy(_ index: Int, into out: inout [UInt8]) -> Bool {
        guard index >= 0, index < ends.count else { return false }
        let from = index == 0 ? 0 : Int(ends[index - 1])
        bytes.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[from..<Int(ends[index])])) }
        return true
    }

    /// The string `index` as text (tests and messages).
    func string(_ index: Int) -> String? {
        var out: [UInt8] = []
        return copy(index, into: &out) ? String(decoding: out, as: UTF8.self) : nil
    }

    /// Streams `sharedStrings.xml` from the package: each `<si>` is plain `<t>` text or rich-text
    /// runs `<r><t>`; phonetic runs (`<rPh>`) are not part of the text. Refuses a part, a string
    /// or a count over the limits.
    static func read(_ entry: ZipEntry, from package: XLSXPackage) throws -> SharedStrings {
        let limits = package.limits
        let scanner = XMLByteScanner(part: entry.path, limits: limits)
        var builder = Builder(part: entry.path, limits: limits)
        try package.stream(entry, cap: min(limits.maxSharedStringsBytes, limits.maxPartBytes)) { chunk in
            try scanner.feed(chunk, to: &builder)
        }
        try scanner.finish(&builder)
        return builder.strings
    }

    private struct Builder: XMLScanHandler {
        let part: String
        let limits: XLSXLimits
        var strings = SharedStrings()
        private var inItem = false
        private var inText = false
        private var phoneticDepth = 0
        private var itemStart = 0

        init(part: String, limits: XLSXLimits) {
            self.part = part
            self.limits = limits
        }

        var wantsText: Bool { inText }

        mutating func startElement(_ tag: XMLTag) throws {
            let name = tag.localName
            if name.equals("si") {
                inItem = true
                itemStart = strings.bytes.count
            } else if name.equals("t") {
                inText = inItem && phoneticDepth == 0
            } else if name.equals("rPh") {
                phoneticDepth += 1
            }
        }

        mutating func endElement(_ name: UnsafeBufferPointer<UInt8>) throws {
            if name.equals("si") {
                guard inItem else { return }
                inItem = false
                inText = false
                ExcelNumber.unescapeOOXML(in: &strings.bytes, from: itemStart)
                guard strings.ends.count < limits.maxSharedStrings else {
                    throw XLSXProblem.refused("\(part) holds more than \(limits.maxSharedStrings) strings")
                }
                strings.ends.append(UInt32(strings.bytes.count))
            } else if name.equals("t") {
                inText = false
            } else if name.equals("rPh") {
                phoneticDepth -= 1
            }
        }

        mutating func text(_ raw: UnsafeBufferPointer<UInt8>) throws {
            try XMLText.appendDecoded(raw, to: &strings.bytes, part: part)
            try checkSize()
        }

        mutating func literalText(_ bytes: UnsafeBufferPointer<UInt8>) throws {
            strings.bytes.append(contentsOf: bytes)
            try checkSize()
        }

        private func checkSize() throws {
            if strings.bytes.count - itemStart > limits.maxCellBytes {
                throw XLSXProblem.refused("a string of \(part) holds more than \(limits.maxCellBytes) bytes")
            }
        }
    }
}
