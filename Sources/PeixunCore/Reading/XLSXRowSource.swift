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
            if !reader.stopped, !finished || !reader.complete {
                let detail = parser.parserError.map { " (\($0.localizedDescription))" } ?? ""
                throw FatalError(file: fileName, reason: "unreadable xlsx: malformed worksheet XML\(detail)")
            }
        }
    }
}
