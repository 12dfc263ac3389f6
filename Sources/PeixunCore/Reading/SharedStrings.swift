import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The shared-string table, kept as one byte array with offsets.
struct SharedStrings {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    var count: Int { ends.count }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        ends.append(bytes.count)
    }

    /// Appends string `index` to `out`; false if there is no such string.
    func copy(_ index: Int, into out: inout [UInt8]) -> Bool {
        guard index >= 0, index < ends.count else { return false }
        let from = index == 0 ? 0 : ends[index - 1]
        out.append(contentsOf: bytes[from..<ends[index]])
        return true
    }

    /// Parses `sharedStrings.xml`: each `<si>` is plain `<t>` text or rich-text runs `<r><t>`;
    /// phonetic runs (`<rPh>`) are not part of the text.
    static func parse(_ data: Data) -> SharedStrings? {
        let delegate = SharedStringsDelegate()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse() else { return nil }
        return delegate.strings
    }
}

private final class SharedStringsDelegate: NSObject, XMLParserDelegate {
    var strings = SharedStrings()
    private var inItem = false
    private var inText = false
    private var phoneticDepth = 0
    private var text = ""

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        switch localName(elementName) {
        case "si": inItem = true; text = ""
        case "rPh": phoneticDepth += 1
        case "t": inText = inItem && phoneticDepth == 0
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        switch localName(elementName) {
        case "si":
            strings.append(ExcelNumber.unescapeOOXML(text))
            inItem = false
        case "rPh": phoneticDepth -= 1
        case "t": inText = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { text += string }
    }
}
