import Foundation

/// The five table files of an export folder (CONTRACT §3, §6 "Reading").
public struct ExportFiles: Sendable {
    /// The export folder as given.
    public var directory: String
    /// The full path of each table's file.
    public var paths: [ExportTable: String]

    public init(directory: String, paths: [ExportTable: String]) {
        self.directory = directory
        self.paths = paths
    }

    /// The file extensions a table may have (compared case-insensitively).
    public static let extensions = ["csv", "xlsx"]

    /// Finds the five tables (English or Chinese base name, .csv or .xlsx, case-insensitive extension).
    /// Throws FatalError: directory missing, a table missing (name both accepted names), two files for one table (ambiguous).
    public static func locate(in directory: String) throws -> ExportFiles {
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
        var found: [ExportTable: [String]] = [:]
        for name in names {
            guard let table = table(forFileName: name) else { continue }
            let path = (directory as NSString).appendingPathComponent(name)
            var entryIsDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &entryIsDirectory),
                  !entryIsDirectory.boolValue else { continue }
            found[table, default: []].append(name)
        }
        var missing: [String] = []
        var paths: [ExportTable: String] = [:]
        for table in ExportTable.allCases {
            let candidates = (found[table] ?? []).sorted()
            switch candidates.count {
            case 0:
                missing.append("\(table.englishName) (\(table.rawValue).csv/.xlsx or \(table.chineseName).csv/.xlsx)")
            case 1:
                paths[table] = (directory as NSString).appendingPathComponent(candidates[0])
            default:
                throw FatalError(
                    file: candidates[0],
                    reason: "ambiguous: several files for table \(table.englishName) (\(table.chineseName)): "
                        + candidates.joined(separator: ", "))
            }
        }
        if !missing.isEmpty {
            throw FatalError(
                file: directory,
                reason: "missing table" + (missing.count > 1 ? "s " : " ") + missing.joined(separator: "; "))
        }
        return ExportFiles(directory: directory, paths: paths)
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
