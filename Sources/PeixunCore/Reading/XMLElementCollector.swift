/// Collects the attributes (qualified names, decoded values) of the elements with the given
/// local names, in document order, from a small part such as `workbook.xml` or its relationships.
enum XMLElementCollector {
    static func collect(_ bytes: [UInt8], part: String, names: Set<String>, limits: XLSXLimits) throws -> [[String: String]] {
        let scanner = XMLByteScanner(part: part, limits: limits)
        var collector = Collector(part: part, names: names)
        try bytes.withUnsafeBytes { try scanner.feed($0, to: &collector) }
        try scanner.finish(&collector)
        return collector.found
    }

    private struct Collector: XMLScanHandler {
        let part: String
        let names: Set<String>
        var found: [[String: String]] = []

        var wantsText: Bool { false }

        mutating func startElement(_ tag: XMLTag) throws {
            guard names.contains(String(decoding: tag.localName, as: UTF8.self)) else { return }
            var attributes: [String: String] = [:]
            try tag.forEachAttribute { key, value in
                var decoded: [UInt8] = []
                try XMLText.appendDecoded(value, to: &decoded, part: part)
                attributes[String(decoding: key, as: UTF8.self)] = String(decoding: decoded, as: UTF8.self)
                return true
            }
            found.append(attributes)
        }

        mutating func endElement(_ name: UnsafeBufferPointer<UInt8>) throws {}
        mutating func text(_ raw: UnsafeBufferPointer<UInt8>) throws {}
        mutating func literalText(_ bytes: UnsafeBufferPointer<UInt8>) throws {}
    }
}
