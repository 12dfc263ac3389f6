import Foundation

/// What `peixun inspect` finds in an export folder (CONTRACT §7): per file, the table it was
/// taken for (or a guess and why none), the encoding, where each §3 column came from, the
/// headers left over, rows, examples and values nothing recognises; and a profile snippet for
/// what could not be placed.
public struct ExportInspection: Sendable {
    public struct Column: Sendable {
        public var column: String
        public var required: Bool
        /// The header it was read from; nil when absent.
        public var header: String?
        /// For an absent column: the header that looks like it (a guess for the snippet).
        public var guess: String?
        /// A few distinct values, as read (after the profile's spellings).
        public var examples: [String] = []
        /// Values that no §3 spelling and no profile mapping recognise, with their counts, most frequent first.
        public var unrecognised: [(value: String, count: Int)] = []
    }

    public struct File: Sendable {
        public var fileName: String
        /// The table the file was taken for (by its name, or a profile's pattern); nil: none.
        public var table: ExportTable?
        /// For a file taken for no table: the table its header looks like.
        public var guessedTable: ExportTable?
        /// Why the file is not (fully) placed.
        public var problem: String?
        public var encoding: String = "-"
        public var headerLine: Int?
        public var columns: [Column] = []
        public var unusedHeaders: [String] = []
        public var rows = 0
        /// The file's table can be read: taken for a table and every required column found.
        public var placed: Bool { table != nil && problem == nil }
        public var missingRequired: [String] { columns.filter { $0.required && $0.header == nil }.map(\.column) }
    }

    public var directory: String
    public var files: [File]
    /// Tables with no placed file.
    public var unplacedTables: [ExportTable]
    /// A profile section for each table that needs one (empty when everything is placed and recognised).
    public var snippet: String

    /// Every table has at least one placed file and no file claimed for a table is broken.
    public var allPlaced: Bool { unplacedTables.isEmpty && files.allSatisfy { $0.table == nil || $0.placed } }

    /// Looks at every .csv / .xlsx file of `directory`. Throws only when the folder cannot be listed.
    public static func inspect(directory: String, profile: ExportProfile = .contract) throws -> ExportInspection {
        var files: [File] = []
        for name in try ExportFiles.listing(directory) {
            let ext = (name as NSString).pathExtension.lowercased()
            guard ExportFiles.extensions.contains(ext), !name.hasPrefix("~$"), !name.hasPrefix(".") else { continue }
            let path = (directory as NSString).appendingPathComponent(name)
            files.append(FileLooker(path: path, fileName: name, profile: profile).look())
        }
        var unplaced: [ExportTable] = []
        for table in ExportTable.allCases {
            let claimed = files.filter { $0.table == table }
            if !claimed.contains(where: \.placed) { unplaced.append(table) }
            if profile.layout(table).files.isEmpty && claimed.count > 1 {
                for i in files.indices where files[i].table == table {
                    files[i].problem = "ambiguous: several files for table \(table.englishName) ("
                        + claimed.map(\.fileName).joined(separator: ", ") + ")"
                }
                if !unplaced.contains(table) { unplaced.append(table) }
            }
        }
        var inspection = ExportInspection(directory: directory, files: files, unplacedTables: unplaced, snippet: "")
        inspection.snippet = ProfileSnippet(inspection: inspection, profile: profile).text
        return inspection
    }
}

/// Reads one file for the inspection.
private struct FileLooker {
    let path: String
    let fileName: String
    let profile: ExportProfile

    func look() -> ExportInspection.File {
        var file = ExportInspection.File(fileName: fileName)
        let tables = ExportFiles.tables(forFileName: fileName, profile: profile)
        if tables.count > 1 {
            file.problem = "ambiguous: the name matches several tables (" + tables.map(\.englishName).joined(separator: ", ") + ")"
        }
        file.table = tables.first
        let source: RowSource
        do {
            if (fileName as NSString).pathExtension.lowercased() == "xlsx" {
                source = try XLSXRowSource(path: path, fileName: fileName)
                file.encoding = "xlsx"
            } else {
                let facts = try TextEncodingDetector.facts(path: path, fileName: fileName)
                source = CSVRowSource(path: path, fileName: fileName, encoding: facts.encoding)
                file.encoding = TableReader.name(of: facts.encoding)
            }
            try read(source, into: &file)
        } catch let e as FatalError {
            file.problem = e.reason
        } catch {
            file.problem = "\(error)"
        }
        return file
    }

    /// Finds the header (the first rows' best match), then reads every row.
    func read(_ source: RowSource, into file: inout ExportInspection.File) throws {
        var candidates: [(ordinal: Int, line: Int, cells: [String])] = []
        var ordinal = 0
        try source.forEachRow { row in
            defer { ordinal += 1 }
            if row.isBlank { return true }
            candidates.append((ordinal, row.line, (0..<row.count).map { String(decoding: row.field($0), as: UTF8.self) }))
            return candidates.count < TableReader.headerSearchRows
        }
        guard !candidates.isEmpty else {
            file.problem = "empty file: no header row"
            return
        }
        // The table: as named; otherwise the one whose columns the header resembles most.
        let score = { (table: ExportTable, cells: [String]) -> Int in
            ColumnGuess.matches(table: table, cells: cells, layout: profile.layout(table)) * 2
                + (ColumnGuess.nameSuggests(fileName, table) ? 1 : 0)
        }
        let table: ExportTable
        if let named = file.table {
            table = named
        } else {
            let best = ExportTable.allCases.map { t in (t, candidates.map { score(t, $0.cells) }.max() ?? 0) }
                .max { $0.1 < $1.1 }
            guard let best, best.1 > 1 else {
                file.problem = "not an export table: neither its name nor its header looks like one of the five tables"
                return
            }
            file.guessedTable = best.0
            file.problem = "the name matches no table" + (profile.tables.isEmpty ? "" : " of the profile")
            table = best.0
        }
        let layout = profile.layout(table)
        let header = candidates.max { a, b in
            let sa = ColumnGuess.exactMatches(table: table, cells: a.cells, layout: layout)
            let sb = ColumnGuess.exactMatches(table: table, cells: b.cells, layout: layout)
            return sa < sb || (sa == sb && a.ordinal > b.ordinal)
        }!
        file.headerLine = header.line
        var used = Set<Int>()
        var columns: [ExportInspection.Column] = []
        var fieldOf: [Int] = []
        for column in table.columns {
            var c = ExportInspection.Column(column: column, required: table.requiredColumns.contains(column))
            if let i = TableReader.fieldIndex(of: column, in: header.cells, layout: layout) {
                c.header = header.cells[i]
                used.insert(i)
                fieldOf.append(i)
            } else {
                fieldOf.append(-1)
            }
            columns.append(c)
        }
        file.unusedHeaders = header.cells.enumerated().filter { !used.contains($0.offset) && !$0.element.isEmpty }.map(\.element)
        // An absent column's likely header is scanned too, so the snippet can propose its spellings and formats.
        for k in columns.indices where columns[k].header == nil {
            let free = header.cells.enumerated().filter { !used.contains($0.offset) && !$0.element.isEmpty }.map(\.element)
            columns[k].guess = ColumnGuess.header(for: columns[k].column, among: free)
            if let g = columns[k].guess, let i = header.cells.firstIndex(of: g) {
                used.insert(i)
                fieldOf[k] = i
            }
        }
        file.columns = columns
        if file.problem == nil, !file.missingRequired.isEmpty {
            file.problem = "missing required column" + (file.missingRequired.count > 1 ? "s " : " ") + file.missingRequired.joined(separator: ", ")
        }
        try scan(source, header: header.ordinal, fields: fieldOf, table: table, layout: layout, into: &file)
    }

    /// Counts the rows and looks at every value of the columns found.
    func scan(_ source: RowSource, header: Int, fields: [Int], table: ExportTable, layout: TableLayout,
              into file: inout ExportInspection.File) throws {
        var checks = fields.indices.map { k in ValueCheck(table: table, column: table.columns[k], layout: layout) }
        var rows = 0
        var ordinal = 0
        try source.forEachRow { row in
            defer { ordinal += 1 }
            if ordinal <= header || row.isBlank { return true }
            rows += 1
            for k in fields.indices where fields[k] >= 0 {
                checks[k].see(row.field(fields[k]), numeric: fields[k] < row.count && (row.numeric?[fields[k]] ?? false))
            }
            return true
        }
        file.rows = rows
        for k in fields.indices where fields[k] >= 0 {
            file.columns[k].examples = checks[k].examples
            file.columns[k].unrecognised = checks[k].unrecognised
        }
    }
}
