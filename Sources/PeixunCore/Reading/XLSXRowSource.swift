import Foundation

/// The first worksheet of an .xlsx file: located through `workbook.xml` and its relationships,
/// with the shared strings loaded into one byte arena; the sheet is inflated in chunks and
/// scanned as it comes (no temporary file), each pass from the start. Hostile files are
/// refused against `XLSXLimits` (see there) with a FatalError naming the file and the limit.
final class XLSXRowSource: RowSource {
    let fileName: String
    let limits: XLSXLimits
    private let package: XLSXPackage
    private let sheet: ZipEntry
    private let sharedStrings: SharedStrings

    /// Inflated bytes of the part read last (tests check that a refusal came early).
    var lastInflatedBytes: Int64 { package.lastInflatedBytes }

    init(path: String, fileName: String, limits: XLSXLimits = .standard) throws {
        self.fileName = fileName
        self.limits = limits
        do {
            package = try XLSXPackage(path: path, limits: limits)
            let located = try Self.locate(in: package, limits: limits)
            sheet = located.sheet
            if let entry = located.sharedStrings {
                sharedStrings = try SharedStrings.read(entry, from: package)
            } else {
                sharedStrings = SharedStrings()
            }
        } catch let problem as XLSXProblem {
            throw FatalError(file: fileName, reason: problem.message)
        }
    }

    /// The first sheet in workbook order and the shared-strings part, if any.
    private static func locate(in package: XLSXPackage, limits: XLSXLimits) throws -> (sheet: ZipEntry, sharedStrings: ZipEntry?) {
        func collect(_ path: String, _ names: Set<String>) throws -> [[String: String]]? {
            guard let bytes = try package.bytes(of: path) else { return nil }
            return try XMLElementCollector.collect(bytes, part: path, names: names, limits: limits)
        }
        // The workbook part: from the package relationships, else the usual place.
        var workbookPath = "xl/workbook.xml"
        if let relations = try collect("_rels/.rels", ["Relationship"]),
           let office = relations.first(where: { ($0["Type"] ?? "").hasSuffix("/officeDocument") }),
           let target = office["Target"] {
            workbookPath = resolve(target, relativeTo: "")
        }
        guard let sheets = try collect(workbookPath, ["sheet"]) else {
            throw XLSXProblem.malformed("no workbook part \(workbookPath)")
        }
        guard let firstSheet = sheets.first else { throw XLSXProblem.malformed("the workbook has no sheet") }
        let relationID = firstSheet.first { $0.key == "id" || $0.key.hasSuffix(":id") }?.value

        let workbookFolder = (workbookPath as NSString).deletingLastPathComponent
        let relsPath = (workbookFolder.isEmpty ? "" : workbookFolder + "/") + "_rels/"
            + (workbookPath as NSString).lastPathComponent + ".rels"
        var sheetPath: String?
        var sharedStringsPath: String?
        for relation in try collect(relsPath, ["Relationship"]) ?? [] {
            guard let target = relation["Target"] else { continue }
            if relation["Id"] == relationID, relationID != nil {
                sheetPath = resolve(target, relativeTo: workbookFolder)
            } else if (relation["Type"] ?? "").hasSuffix("/sharedStrings") {
                sharedStringsPath = resolve(target, relativeTo: workbookFolder)
            }
        }
        let sheetEntryPath = sheetPath ?? "xl/worksheets/sheet1.xml"
        guard let sheet = package.entry(sheetEntryPath) else {
            throw XLSXProblem.malformed("no worksheet \(sheetEntryPath)")
        }
        return (sheet, package.entry(sharedStringsPath ?? "xl/sharedStrings.xml"))
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

    /// How a sheet of at least `XLSXPackage.pipelineBytes` is read on several threads; nil:
    /// every sheet in sequence.
    var parallel: ParallelSheetScan.Settings? = .standard
    /// Sheets declaring fewer inflated bytes are read in sequence.
    var parallelMinimumBytes = XLSXPackage.pipelineBytes
    /// Segments of the last pass whose scan by a helper thread was used.
    private(set) var segmentsScannedAhead = 0

    /// Thrown to stop inflating when the body asks to stop.
    private struct Stop: Error {}

    func forEachRow(_ body: (RawRow) throws -> Bool) throws {
        var scanner = XMLByteScanner(part: sheet.path, limits: limits)
        var builder = SheetRowBuilder(part: sheet.path, limits: limits, sharedStrings: sharedStrings)
        do {
            if let settings = parallel, sheet.declaredSize >= parallelMinimumBytes {
                let scan = ParallelSheetScan(package: package, sheet: sheet, sharedStrings: sharedStrings, settings: settings)
                defer { segmentsScannedAhead = scan.segmentsScannedAhead }
                guard try scan.run(scanner: &scanner, builder: &builder, body) else { return }
            } else {
                do {
                    try package.stream(sheet, cap: limits.maxPartBytes) { chunk in
                        if try !ParallelSheetScan.feed(chunk, scanner, &builder, body) { throw Stop() }
                    }
                } catch is Stop {
                    return
                }
            }
            do {
                try scanner.finish(&builder)
            } catch {
                guard try builder.rows.deliver(to: body) else { return }
                throw error
            }
            guard try builder.rows.deliver(to: body) else { return }
            guard builder.complete else {
                throw XLSXProblem.malformed("\(sheet.path) ends before </sheetData>")
            }
        } catch let problem as XLSXProblem {
            throw FatalError(file: fileName, line: builder.rowNumber > 0 ? builder.rowNumber : nil,
                             reason: problem.message)
        }
    }
}
