import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A tiny DOM for reading back the XML parts of an xlsx file.
final class XMLNode {
    let name: String
    let attributes: [String: String]
    var children: [XMLNode] = []
    var text = ""

    init(name: String, attributes: [String: String]) { self.name = name; self.attributes = attributes }

    subscript(_ attribute: String) -> String? { attributes[attribute] }

    func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }
    func children(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }

    /// Every descendant (depth first) with this element name.
    func all(_ name: String) -> [XMLNode] {
        var found: [XMLNode] = []
        for c in children {
            if c.name == name { found.append(c) }
            found += c.all(name)
        }
        return found
    }

    /// Concatenated text of all `t` descendants (rich and plain strings).
    var stringValue: String {
        if name == "t" { return text }
        return children.map(\.stringValue).joined()
    }

    static func parse(_ data: Data) throws -> XMLNode {
        let builder = Builder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw NSError(domain: "XMLNode", code: 1,
                          userInfo: [NSLocalizedDescriptionKey: "XML parse failed: \(String(describing: parser.parserError))"])
        }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [XMLNode] = []
        var root: XMLNode?
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            let node = XMLNode(name: elementName, attributes: attributeDict)
            stack.last?.children.append(node)
            if root == nil { root = node }
            stack.append(node)
        }
        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?) {
            stack.removeLast()
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }
    }
}
