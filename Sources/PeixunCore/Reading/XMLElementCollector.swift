import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Collects the attributes of the elements with the given local names, in document order.
enum XMLElementCollector {
    static func collect(_ data: Data, names: Set<String>) -> [[String: String]] {
        let delegate = Delegate(names: names)
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        _ = parser.parse()
        return delegate.found
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        let names: Set<String>
        var found: [[String: String]] = []
        init(names: Set<String>) { self.names = names }
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            if names.contains(localName(elementName)) { found.append(attributeDict) }
        }
    }
}

/// The element name without a namespace prefix (`x:row` → `row`).
func localName(_ name: String) -> String {
    guard let colon = name.lastIndex(of: ":") else { return name }
    return String(name[name.index(after: colon)...])
}
