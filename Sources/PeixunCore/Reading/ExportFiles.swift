import Foundation

/// The table files of an export folder (CONTRACT §3, §6 "Reading", §7 `files`).
public struct ExportFiles: Sendable {
    /// The export folder as given.
    public var directory: String
    /// The full paths of each table's files, in name order (one file unless a profile's
    /// pattern takes several).
    public var files: [ExportTable: [String]]

    public init(directory: String, files: [ExportTable: [String]]) {
        self.directory = directory
        self.files = files
    }

    public init(directory: String, paths: [ExportTable: String]) {
        self.init(directory: directory, files: paths.mapValues { [$0] })
    }

    /// The first file of each table.
    public var paths: [ExportTable: String] { files.compactMapValues(\.first) }

    /// The file extensions a table may have (compared case-insensitively).
    public static let extensions = ["csv", "xlsx"]

    /// Finds the five tables: by the contract's names (English or Chinese base name, .csv or .xlsx,
    /// case-insensitive extension), or by the profile's `files` patterns for the tables that have them.
    /// Throws FatalError: directory missing, a table missing (name what was looked for), two files for
    /// one contract-named table or one file claimed by two tables (ambiguous).
    public static func locate(in directory: String, profile: ExportProfile = .contract) throws -> ExportFiles {
        let names = try listing(directory)
        var found: [ExportTable: [String]] = [:]
        for name in names {
            let tables = Self.tables(forFileName: name, profile: profile)
            if tables.count > 1 {
                throw FatalError(file: name, reason: "ambiguous: the file matches the names of several tables ("
                    + tables.map(\.englishName).joined(separator: ", ") + ")")
            }
            guard let table = tables.first else { continue }
            found[table, default: []].append(name)
        }
        var missing: [String] = []
        var files: [ExportTable: [String]] = [:]
        for table in ExportTable.allCases {
            let candidates = (found[table] ?? []).sorted()
            let patterns = profile.layout(table).files
            if candidates.isEmpty {
                missing.append(expectedNames(table, profile))
            } else if patterns.isEmpty && candidates.count > 1 {
                throw FatalError(
                    file: candidates[0],
                    reason: "ambiguous: several files for table \(table.englishName) (\(table.chineseName)): "
                        + candidates.joined(separator: ", "))
            } else {
                files[table] = candidates.map { (directory as NSString).appendingPathComponent($0) }
            }
        }
        if !missing.isEmpty {
            throw FatalError(
                file: directory,
                reason: "missing table" + (missing.count > 1 ? "s " : " ") + missing.joined(separator: "; "))
        }
        return ExportFiles(directory: directory, files: files)
    }

    /// What a table's files are looked for as, for messages.
    public static func expectedNames(_ table: ExportTable, _ profile: ExportProfile) -> String {
        let patterns = profile.layout(table).files
        if patterns.isEmpty {
            return "\(table.englishName) (\(table.rawValue).csv/.xlsx or \(table.chineseName).csv/.xlsx)"
        }
        return "\(table.englishName) (files \(patterns.joined(separator: ", ")) .csv/.xlsx)"
    }

    /// The regular files of the folder (sorted), checked to be a readable folder.
    public static func listing(_ directory: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw FatalError(file: directory, reason: "export folder not found")
        }
        guard isDirectory.boolValue else {
            throw FatalError(file: directory, reason: "export path is not a folder")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw FatalError(file: directory, reason: "cannot list the export folder (\(error.localizedDescription))")
        }
        return names.sorted().filter { name in
            var entryIsDirectory: ObjCBool = false
            let path = (directory as NSString).appendingPathComponent(name)
            return FileManager.default.fileExists(atPath: path, isDirectory: &entryIsDirectory) && !entryIsDirectory.boolValue
        }
    }

    /// The tables a file name stands for under a profile (more than one is ambiguous).
    public static func tables(forFileName name: String, profile: ExportProfile) -> [ExportTable] {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex, !name.hasPrefix("~$"), !name.hasPrefix(".") else { return [] }
        guard extensions.contains(name[name.index(after: dot)...].lowercased()) else { return [] }
        return ExportTable.allCases.filter { table in
            let patterns = profile.layout(table).files
            if patterns.isEmpty { return Self.table(forFileName: name) == table }
            return patterns.contains { FileGlob.matches($0, fileName: name) }
        }
    }

    /// The table a file name stands for: `roster.csv`, `学员名单.XLSX`, … or nil.
    public static func table(forFileName name: String) -> ExportTable? {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let base = String(name[..<dot])
        let ext = name[name.index(after: dot)...].lowercased()
        guard extensions.contains(ext) else { return nil }
        return ExportTable.allCases.first { table in
            base == table.chineseName || base.lowercased() == table.rawValue
        }
    }
}
