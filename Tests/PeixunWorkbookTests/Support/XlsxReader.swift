import Foundation
import ZIPFoundation

/// Reads an xlsx file back the way Excel would: sheet names, cell types,
/// values and number formats, plus the raw XML of each part for layout checks.
struct XlsxReader {
    struct Cell: Equatable {
        /// `s` (shared string), `inlineStr`, `n` (number, also when absent), `b`, `str`.
        var type: String
        /// The string, or the number's text as stored.
        var value: String
        /// The number format code of the cell's style (`General` when none).
        var numberFormat: String

        var isString: Bool { type == "s" || type == "inlineStr" || type == "str" }
        var number: Double? { type == "n" ? Double(value) : nil }
    }

    struct Sheet {
        var name: String
        var xml: XMLNode
        var raw: String
        /// Cells by reference (`A1`).
        var cells: [String: Cell]

        subscript(_ ref: String) -> Cell? { cells[ref] }

        /// The text or number text at a 0-based row and column.
        func cell(row: Int, column: Int) -> Cell? { cells["\(XlsxReader.columnName(column))\(row + 1)"] }

        /// Row `row` (0-based) as values, `""` for absent cells, up to the last column seen in the sheet.
        func rowValues(_ row: Int) -> [String] {
            let width = (0..<200).last { c in cells.keys.contains { $0.hasPrefix(XlsxReader.columnName(c)) } } ?? 0
            return (0...width).map { cell(row: row, column: $0)?.value ?? "" }
        }

        var lastRow: Int {
            xml.all("row").compactMap { $0["r"].flatMap(Int.init) }.max() ?? 0
        }

        /// Header row (row 2 of the roster layout), trailing empties dropped.
        var header: [String] {
            var h = rowValues(1)
            while h.last == "" { h.removeLast() }
            return h
        }

        /// The 0-based column whose header is `name`.
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
    }

    let archive: Archive
    var sheetNames: [String] = []
    var sheetPaths: [String] = []
    var sharedStrings: [String] = []
    var numberFormats: [Int: String] = [:]
    var styleFormats: [Int] = []
    var workbookXML: String = ""

    init(path: String) throws {
        archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        workbookXML = try part("xl/workbook.xml")
        let workbook = try XMLNode.parse(Data(workbookXML.utf8))
        let rels = try XMLNode.parse(Data(try part("xl/_rels/workbook.xml.rels").utf8))
        var targets: [String: String] = [:]
        for r in rels.all("Relationship") { targets[r["Id"] ?? ""] = r["Target"] }
        for s in workbook.all("sheet") {
            sheetNames.append(s["name"] ?? "")
            let target = targets[s["r:id"] ?? ""] ?? ""
            sheetPaths.append(target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target)
        }
        if let shared = try? part("xl/sharedStrings.xml") {
            sharedStrings = try XMLNode.parse(Data(shared.utf8)).all("si").map(\.stringValue)
        }
        let styles = try XMLNode.parse(Data(try part("xl/styles.xml").utf8))
        for f in styles.all("numFmt") {
            if let id = f["numFmtId"].flatMap(Int.init) { numberFormats[id] = f["formatCode"] }
        }
        styleFormats = styles.child("cellXfs")?.children("xf").map { Int($0["numFmtId"] ?? "0") ?? 0 } ?? []
    }

    func part(_ path: String) throws -> String {
        guard let entry = archive[path] else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    var partNames: [String] { archive.map(\.path) }

    func sheet(_ name: String) throws -> Sheet {
        guard let i = sheetNames.firstIndex(of: name) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "sheet \(name)"])
        }
        let raw = try part(sheetPaths[i])
        let xml = try XMLNode.parse(Data(raw.utf8))
        var cells: [String: Cell] = [:]
        for c in xml.all("c") {
            guard let ref = c["r"] else { continue }
            let type = c["t"] ?? "n"
            let style = Int(c["s"] ?? "0") ?? 0
            let fmtID = style < styleFormats.count ? styleFormats[style] : 0
            let format = numberFormats[fmtID] ?? XlsxReader.builtinFormats[fmtID] ?? "General"
            var value: String
            switch type {
            case "s": value = Int(c.child("v")?.text ?? "").flatMap { $0 < sharedStrings.count ? sharedStrings[$0] : nil } ?? ""
            case "inlineStr": value = c.child("is")?.stringValue ?? ""
            default: value = c.child("v")?.text ?? ""
            }
            if type == "n" && c.child("v") == nil { value = "" }
            cells[ref] = Cell(type: c.child("v") == nil && type == "n" ? "blank" : type, value: value,
                              numberFormat: format)
        }
        return Sheet(name: name, xml: xml, raw: raw, cells: cells)
    }

    static let builtinFormats: [Int: String] = [0: "General", 1: "0", 2: "0.00", 9: "0%", 10: "0.00%", 14: "m/d/yyyy",
                                                49: "@"]

    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var s = ""
        while n > 0 { let r = (n - 1) % 26; s = String(UnicodeScalar(UInt8(65 + r))) + s; n = (n - 1) / 26 }
        return s
    }
}
