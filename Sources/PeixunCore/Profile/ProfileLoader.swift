import Foundation
import TOMLKit

/// Reads an export profile (CONTRACT §7) from TOML, the way `SchemeLoader` reads a scheme:
/// unknown keys, wrong types and mappings that make no sense are refused with their key path.
public enum ProfileLoader {
    public static let currentVersion = 1

    private static func error(_ file: String, _ reason: String) -> any Error {
        ProfileError(file: file, keyPath: "", reason: reason)
    }

    public static func load(path: String) throws -> ExportProfile {
        let (text, name) = try TOMLFile.text(path: path, kind: "profile", error: error)
        return try parse(text, file: name)
    }

    public static func parse(_ text: String, file: String = "profile.toml") throws -> ExportProfile {
        let root = try TOMLFile.table(text, file: file, error: error)
        return try ProfileReader(file: file).profile(root)
    }

    /// §3 values that a closed set allows, per table and column (others take any value: 模块, 批阅等级 …).
    static func closedValues(_ table: ExportTable, _ column: String) -> [String]? {
        switch (table, column) {
        case (.roster, "角色"): return Role.allCases.map(\.rawValue)
        case (.activities, "状态"): return ["已完成", "未完成"]
        case (.homework, "推优"): return ["是", "否"]
        case (.tutorPosts, "类型"): return ["公告", "简报"]
        default: return nil
        }
    }
}

private struct ProfileReader {
    let file: String

    func fail(_ path: String, _ reason: String) -> ProfileError {
        ProfileError(file: file, keyPath: path, reason: reason)
    }

    func only(_ table: TOMLTable, _ path: String, _ keys: [String], what: String = "key") throws {
        for k in table.keys.sorted() where !keys.contains(k) {
            throw fail(join(path, k), "unknown \(what) (expected one of: \(keys.joined(separator: ", ")))")
        }
    }

    func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func text(_ v: TOMLValueConvertible, _ path: String, allowEmpty: Bool = false) throws -> String {
        guard let s = v.string else { throw fail(path, "must be a string") }
        let t = s.trimmingCharacters(in: .whitespaces)
        guard allowEmpty || !t.isEmpty else { throw fail(path, "must not be empty") }
        return t
    }

    /// A string or an array of strings (a list of alternatives).
    func texts(_ v: TOMLValueConvertible, _ path: String, allowEmpty: Bool = false) throws -> [String] {
        if v.string != nil { return [try text(v, path, allowEmpty: allowEmpty)] }
        guard let a = v.array else { throw fail(path, "must be a string or an array of strings") }
        guard !a.isEmpty else { throw fail(path, "must not be an empty array") }
        return try a.enumerated().map { i, item in try text(item, "\(path)[\(i)]", allowEmpty: allowEmpty) }
    }

    func table(_ v: TOMLValueConvertible, _ path: String) throws -> TOMLTable {
        guard let t = v.table else { throw fail(path, "must be a table") }
        return t
    }

    func profile(_ root: TOMLTable) throws -> ExportProfile {
        let tableNames = ExportTable.allCases.map(\.rawValue)
        for k in root.keys.sorted() where !(["version", "name"] + tableNames).contains(k) {
            throw fail(k, "unknown key (expected version, name or a table: \(tableNames.joined(separator: ", ")))")
        }
        if let v = root["version"] {
            guard let version = v.int else { throw fail("version", "must be a whole number") }
            guard version == ProfileLoader.currentVersion else {
                throw fail("version", "unsupported profile version \(version) (this build reads \(ProfileLoader.currentVersion))")
            }
        }
        let name = try root["name"].map { try text($0, "name") }
        var tables: [ExportTable: TableLayout] = [:]
        var claimed: [String: String] = [:]
        for table in ExportTable.allCases {
            guard let v = root[table.rawValue] else { continue }
            let layout = try self.layout(try self.table(v, table.rawValue), table)
            for pattern in layout.files {
                if let other = claimed[pattern] {
                    throw fail("\(table.rawValue).files", "pattern '\(pattern)' is already the pattern of \(other)")
                }
                claimed[pattern] = table.rawValue
            }
            tables[table] = layout
        }
        return ExportProfile(name: name, tables: tables)
    }

    func layout(_ t: TOMLTable, _ table: ExportTable) throws -> TableLayout {
        let path = table.rawValue
        var keys = ["files", "columns", "values", "time_formats"]
        if table == .courses { keys.insert("minutes_per_hour", at: 3) }
        try only(t, path, keys)
        var layout = TableLayout()
        if let v = t["files"] {
            layout.files = try texts(v, "\(path).files")
            for (i, p) in layout.files.enumerated() where p.contains("/") {
                throw fail("\(path).files[\(i)]", "a file name pattern, not a path (no /)")
            }
        }
        if let v = t["columns"] {
            let columns = try self.table(v, "\(path).columns")
            try only(columns, "\(path).columns", table.columns, what: "column of \(path)")
            var seen: [String: String] = [:]
            for column in table.columns {
                guard let c = columns[column] else { continue }
                let headers = try texts(c, "\(path).columns.\(column)")
                for h in headers {
                    if let other = seen[h], other != column {
                        throw fail("\(path).columns.\(column)", "header '\(h)' is already the header of \(other)")
                    }
                    seen[h] = column
                }
                layout.columns[column] = headers
            }
        }
        if let v = t["values"] {
            let values = try self.table(v, "\(path).values")
            try only(values, "\(path).values", table.columns, what: "column of \(path)")
            for column in table.columns {
                guard let c = values[column] else { continue }
                layout.values[column] = try valueMap(try self.table(c, "\(path).values.\(column)"), table, column)
            }
        }
        if let v = t["minutes_per_hour"] {
            let key = "\(path).minutes_per_hour"
            guard let m = v.int else { throw fail(key, "must be a whole number of minutes (e.g. 45)") }
            guard m > 0, Hours.exactDivisor % m == 0 else {
                throw fail(key, "must be a whole number of minutes that divides 3600 (e.g. 40, 45, 50, 60), so that minutes convert exactly; got \(m)")
            }
            layout.minutesPerHour = m
        }
        if let v = t["time_formats"] {
            let key = "\(path).time_formats"
            guard let a = v.array else { throw fail(key, "must be an array of strings") }
            layout.timeFormats = try a.enumerated().map { i, item in
                let pattern = try text(item, "\(key)[\(i)]")
                do { return try TimeFormat(pattern) } catch let e as TimeFormat.Invalid {
                    throw fail("\(key)[\(i)]", "bad time format '\(pattern)': \(e.reason)")
                }
            }
        }
        return layout
    }

    /// `values."<column>" = { "<§3 value>" = ["spelling", …] }`.
    func valueMap(_ t: TOMLTable, _ table: ExportTable, _ column: String) throws -> ValueMap {
        let path = "\(table.rawValue).values.\(column)"
        let closed = ProfileLoader.closedValues(table, column)
        var pairs: [(spelling: String, value: String)] = []
        var owner: [String: String] = [:]
        for value in t.keys.sorted() {
            guard let v = t[value] else { continue }
            if let closed, !closed.contains(value) {
                throw fail("\(path).\(value)", "not a §3 value of \(column) (expected one of: \(closed.joined(separator: ", ")))")
            }
            // "?" is the placeholder `inspect` writes for a spelling still to fill in: it matches nothing.
            for spelling in try texts(v, "\(path).\(value)", allowEmpty: true) where spelling != "?" {
                if let other = owner[spelling], other != value {
                    throw fail("\(path).\(value)", "spelling '\(spelling)' already stands for '\(other)'")
                }
                owner[spelling] = value
                pairs.append((spelling, value))
            }
        }
        return ValueMap(pairs: pairs)
    }
}
