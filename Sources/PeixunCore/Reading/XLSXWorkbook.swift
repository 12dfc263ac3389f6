import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// The first worksheet of an .xlsx file: located through `workbook.xml` and its relationships,
/// with the shared strings loaded and the sheet XML extracted to a temporary file that is parsed
/// as a stream (and removed when this object goes away).
final class XLSXRowSource: RowSource {
    let fileName: String
    private let sheetFile: URL
    private let sharedStrings: SharedStrings

    init(path: String, fileName: String) throws {
        self.fileName = fileName
        func bad(_ reason: String) -> FatalError {
            FatalError(file: fileName, reason: "unreadable xlsx: \(reason)")
        }
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw bad("not a zip archive")
        }
        func data(_ entryPath: String) throws -> Data? {
            guard let entry = archive[entryPath] else { return nil }
            var result = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { result.append($0) }
            } catch {
                throw bad("cannot extract \(entryPath)")
            }
            return result
        }

        // The workbook part: from the package relationships, else the usual place.
        var workbookPath = "xl/workbook.xml"
        if let rels = try data("_rels/.rels") {
            let relations = XMLElementCollector.collect(rels, names: ["Relationship"])
            if let office = relations.first(where: { ($0["Type"] ?? "").hasSuffix("/officeDocument") }),
               let target = office["Target"] {
                workbookPath = Self.resolve(target, relativeTo: "")
            }
        }
        guard let workbook = try data(workbookPath) else { throw bad("no workbook part \(workbookPath)") }
        let sheets = XMLElementCollector.collect(workbook, names: ["sheet"])
        guard let firstSheet = sheets.first else { throw bad("the workbook has no sheet") }
        let relationID = firstSheet.first { $0.key == "id" || $0.key.hasSuffix(":id") }?.value

        let workbookFolder = (workbookPath as NSString).deletingLastPathComponent
        let relsPath = (workbookFolder.isEmpty ? "" : workbookFolder + "/") + "_rels/"
            + (workbookPath as NSString).lastPathComponent + ".rels"
        var sheetPath: String?
        var sharedStringsPath: String?
        if let rels = try data(relsPath) {
            for relation in XMLElementCollector.collect(rels, names: ["Relationship"]) {
                guard let target = relation["Target"] else { continue }
                let type = relation["Type"] ?? ""
                if relation["Id"] == relationID, relationID != nil {
                    sheetPath = Self.resolve(target, relativeTo: workbookFolder)
                } else if type.hasSuffix("/sharedStrings") {
                    sharedStringsPath = Self.resolve(target, relativeTo: workbookFolder)
                }
            }
        }
        let sheetEntryPath = sheetPath ?? "xl/worksheets/sheet1.xml"
        guard let sheetEntry = archive[sheetEntryPath] else { throw bad("no worksheet \(sheetEntryPath)") }

        if let sst = try data(sharedStringsPath ?? "xl/sharedStrings.xml") {
            guard let strings = SharedStrings.parse(sst) else { throw bad("malformed shared strings") }
            sharedStrings = strings
        } else {
            sharedStrings = SharedStrings()
        }

        sheetFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("peixun-sheet-\(UUID().uuidString).xml")
        do {
            _ = try archive.extract(sheetEntry, to: sheetFile)
        } catch {
            try? FileManager.default.removeItem(at: sheetFile)
            throw bad("cannot extract \(sheetEntryPath)")
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: sheetFile)
    }

    /// A relationship target resolved against the folder of its source part.
    static func resolve(_ target: String, relativeTo folder: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }

    func forEachRow(_ body: (RawRow) throws -> Bool) throws {
        guard let stream = InputStream(url: sheetFile) else {
            throw FatalError(file: fileName, reason: "unreadable xlsx: cannot read the extracted sheet")
        }
        try withoutActuallyEscaping(body) { body in
            let reader = SheetParserDelegate(fileName: fileName, sharedStrings: sharedStrings, body: body)
            let parser = XMLParser(stream: stream)
            parser.delegate = reader
            let finished = parser.parse()
            if let error = reader.failure { throw error }
            if !finished, !reader.stopped {
                let detail = parser.parserError.map { " (\($0.localizedDescription))" } ?? ""
                throw FatalError(file: fileName, reason: "unreadable xlsx: malformed worksheet XML\(detail)")
            }
        }
    }
}

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
