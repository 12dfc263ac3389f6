import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Streams the rows of a worksheet XML: cells placed by their references (missing cells are
/// empty), shared and inline strings, numbers in shortest decimal form (marked numeric),
/// booleans as TRUE/FALSE, and row numbers from the rows' `r` attributes.
final class SheetParserDelegate: NSObject, XMLParserDelegate {
    /// Excel's last column is XFD.
    static let maxColumns = 16_384

    private let fileName: String
    private let sharedStrings: SharedStrings
    private let body: (RawRow) throws -> Bool

    private(set) var failure: Error?
    private(set) var stopped = false
    /// Whether `</sheetData>` was seen: a truncated stream can otherwise end without a parse error.
    private(set) var complete = false

    private var rowNumber = 0
    private var rowBytes: [UInt8] = []
    private var cells: [(column: Int, from: Int, to: Int, numeric: Bool)] = []
    private var fields: [UnsafeBufferPointer<UInt8>] = []
    private var numericFlags: [Bool] = []

    private var cellColumn = -1
    private var cellType = "n"
    private var cellText = ""
    private var inValue = false
    private var inInlineString = false
    private var inInlineText = false
    private var phoneticDepth = 0

    init(fileName: String, sharedStrings: SharedStrings, body: @escaping (RawRow) throws -> Bool) {
        self.fileName = fileName
        self.sharedStrings = sharedStrings
        self.body = body
    }

    private var done: Bool { stopped || failure != nil }

    private func fail(_ parser: XMLParser, _ reason: String) {
        failure = FatalError(file: fileName, line: rowNumber, reason: "unreadable xlsx: \(reason)")
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        if done { return }
        switch localName(elementName) {
        case "row":
            let number = attributeDict["r"].flatMap { Int($0) }
            rowNumber = number ?? rowNumber + 1
            rowBytes.removeAll(keepingCapacity: true)
            cells.removeAll(keepingCapacity: true)
        case "c":
            let previous = cells.last?.column ?? -1
            let reference = attributeDict["r"].flatMap(ExcelNumber.columnIndex(ofReference:))
            cellColumn = reference ?? previous + 1
            if cellColumn >= Self.maxColumns {
                fail(parser, "cell reference \(attributeDict["r"] ?? "") beyond column XFD")
                return
            }
            cellType = attributeDict["t"] ?? "n"
            cellText = ""
        case "v":
            inValue = true
        case "is":
            inInlineString = true
        case "rPh":
            phoneticDepth += 1
        case "t":
            inInlineText = inInlineString && phoneticDepth == 0
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        if done { return }
        switch localName(elementName) {
        case "v": inValue = false
        case "t": inInlineText = false
        case "is": inInlineString = false
        case "rPh": phoneticDepth -= 1
        case "c": finishCell(parser)
        case "row": deliverRow(parser)
        case "sheetData": complete = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue || inInlineText { cellText += string }
    }

    private func finishCell(_ parser: XMLParser) {
        let from = rowBytes.count
        var numeric = false
        switch cellType {
        case "s":
            let text = cellText.trimmingCharacters(in: .whitespaces)
            if !text.isEmpty {
                guard let index = Int(text), sharedStrings.copy(index, into: &rowBytes) else {
                    fail(parser, "shared string \(text) does not exist")
                    return
                }
            }
        case "inlineStr":
            rowBytes.append(contentsOf: ExcelNumber.unescapeOOXML(cellText).utf8)
        case "b":
            let text = cellText.trimmingCharacters(in: .whitespaces)
            if !text.isEmpty { rowBytes.append(contentsOf: (text == "0" ? "FALSE" : "TRUE").utf8) }
        case "d":
            // An ISO 8601 date cell: shown the way the export's time columns are written.
            var text = cellText.trimmingCharacters(in: .whitespaces)
            if text.hasSuffix("Z") { text.removeLast() }
            if let dot = text.lastIndex(of: "."), text.contains("T") { text = String(text[..<dot]) }
            rowBytes.append(contentsOf: text.replacingOccurrences(of: "T", with: " ").utf8)
        case "n":
            let text = cellText.trimmingCharacters(in: .whitespaces)
            if let decimal = ExcelNumber.shortestDecimal(text) {
                rowBytes.append(contentsOf: decimal.utf8)
                numeric = true
            } else {
                rowBytes.append(contentsOf: cellText.utf8)
            }
        default:  // "str" (formula text), "e" (error such as #N/A)
            rowBytes.append(contentsOf: cellText.utf8)
        }
        cells.append((cellColumn, from, rowBytes.count, numeric))
    }

    private func deliverRow(_ parser: XMLParser) {
        var width = 0
        for cell in cells where cell.column + 1 > width { width = cell.column + 1 }
        fields.removeAll(keepingCapacity: true)
        numericFlags.removeAll(keepingCapacity: true)
        fields.append(contentsOf: repeatElement(UnsafeBufferPointer(start: nil, count: 0), count: max(width, 1)))
        numericFlags.append(contentsOf: repeatElement(false, count: max(width, 1)))
        let line = rowNumber
        do {
            let proceed = try rowBytes.withUnsafeBufferPointer { bytes -> Bool in
                for cell in cells {
                    fields[cell.column] = UnsafeBufferPointer(rebasing: bytes[cell.from..<cell.to])
                    numericFlags[cell.column] = cell.numeric
                }
                return try fields.withUnsafeBufferPointer { fieldPointers in
                    try numericFlags.withUnsafeBufferPointer { flags in
                        // Both arrays hold at least one element, so their base addresses exist.
                        guard let fieldBase = fieldPointers.baseAddress else { return true }
                        return try body(RawRow(line: line, fields: fieldBase, count: width,
                                               numeric: flags.baseAddress))
                    }
                }
            }
            if !proceed {
                stopped = true
                parser.abortParsing()
            }
        } catch {
            failure = error
            parser.abortParsing()
        }
    }
}
