/// How one platform writes its export, mapped onto CONTRACT §3 (§7 "Export profiles").
/// The contract's own layout is the default value: no files patterns, no renamed columns,
/// no spellings, hours in 学时, §3's time formats only.
public struct ExportProfile: Sendable {
    /// `name` in the file, for messages.
    public var name: String?
    /// The layout of each table; a table not named keeps the contract's.
    public var tables: [ExportTable: TableLayout]

    public init(name: String? = nil, tables: [ExportTable: TableLayout] = [:]) {
        self.name = name
        self.tables = tables
    }

    /// CONTRACT §3 exactly.
    public static let contract = ExportProfile()

    public func layout(_ table: ExportTable) -> TableLayout { tables[table] ?? TableLayout() }
}

/// One table's layout in a platform's export.
public struct TableLayout: Sendable {
    /// Glob patterns on file names (`学员信息表*`); empty: the contract's names.
    public var files: [String]
    /// §3 column → the platform's headers, alternatives in the order tried.
    public var columns: [String: [String]]
    /// §3 column → the platform's spellings of its values.
    public var values: [String: ValueMap]
    /// The 学时 column holds minutes, this many to the 学时 (courses only).
    public var minutesPerHour: Int?
    /// Tried after §3's own formats.
    public var timeFormats: [TimeFormat]

    public init(files: [String] = [], columns: [String: [String]] = [:], values: [String: ValueMap] = [:],
                minutesPerHour: Int? = nil, timeFormats: [TimeFormat] = []) {
        self.files = files
        self.columns = columns
        self.values = values
        self.minutesPerHour = minutesPerHour
        self.timeFormats = timeFormats
    }

    /// The headers a §3 column may have in the file, in the order tried.
    public func headers(for column: String) -> [String] { columns[column] ?? [column] }

    /// Parses a time cell: §3's formats, then the profile's.
    @inline(__always)
    public func time(utf8 b: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        if let t = Timestamp.parse(utf8: b) { return t }
        for format in timeFormats { if let t = format.parse(utf8: b) { return t } }
        return nil
    }

    /// The expected time formats, for a message: `YYYY-MM-DD HH:MM[:SS]` and the profile's.
    public var timeFormatsText: String {
        (["YYYY-MM-DD HH:MM[:SS]"] + timeFormats.map(\.pattern)).joined(separator: " / ")
    }
}
