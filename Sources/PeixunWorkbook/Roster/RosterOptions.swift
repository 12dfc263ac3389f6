import Foundation

/// The sheets a roster workbook can hold, in workbook order.
public enum RosterSheet: String, Sendable, Hashable, CaseIterable {
    case roster = "名册"
    case passed = "合格名单"
    case excellent = "优秀学员"
    case tutors = "坊主考核"
    case classes = "坊统计"
    case counties = "区县统计"
    case anomalies = "异常记录"
    case information = "项目信息"
}

/// How `RosterWriter` writes.
public struct RosterOptions: Sendable, Equatable {
    public enum Split: String, Sendable, Equatable, CaseIterable {
        /// One workbook for the whole programme.
        case none
        /// The whole-programme workbook plus one `培训名册-<区县>.xlsx` per 区县.
        case county
    }

    public var split: Split
    /// Rows a sheet may hold, title and header rows included (Excel's limit
    /// by default); a longer table continues on `名册(2)`, `名册(3)` …
    public var maxRowsPerSheet: Int
    /// libxlsxwriter's constant-memory mode (memory flat in the row count).
    public var constantMemory: Bool
    /// Which sheets to write; `.anomalies` is never written into per-county
    /// workbooks (an anomaly row carries no 区县).
    public var sheets: [RosterSheet]
    /// The programme workbook's file name.
    public var fileName: String
    /// Creation time stored in the files; nil: the programme's issue date,
    /// which keeps the output reproducible.
    public var created: Date?

    public init(split: Split = .none, maxRowsPerSheet: Int = Workbook.maximumRows, constantMemory: Bool = true,
                sheets: [RosterSheet] = RosterSheet.allCases, fileName: String = "培训名册.xlsx",
                created: Date? = nil) {
        self.split = split; self.maxRowsPerSheet = maxRowsPerSheet; self.constantMemory = constantMemory
        self.sheets = sheets; self.fileName = fileName; self.created = created
    }

    /// Title and header rows above the data of every table sheet.
    public static let headerRows = 2
}

/// A roster that cannot be written as asked.
public enum RosterError: Error, Equatable, CustomStringConvertible {
    case invalidOption(String)
    case xlsx(XlsxError)
    case fileSystem(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidOption(let s): return "roster: \(s)"
        case .xlsx(let e): return e.description
        case .fileSystem(let path, let reason): return "roster: \(path): \(reason)"
        }
    }
}
