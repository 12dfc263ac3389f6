import Foundation
internal import CXlsxWriter

/// An xlsx file being written (libxlsxwriter's `lxw_workbook`). Nothing
/// reaches the disk until `close()`; a workbook dropped without `close()` is
/// freed and writes no file.
public final class Workbook {
    public struct Options: Sendable, Equatable {
        /// Flush each row to a temporary file as soon as the next row starts:
        /// memory stays flat whatever the row count, but rows must be written
        /// in order and strings are stored inline (no shared-string table).
        public var constantMemory: Bool
        /// Where libxlsxwriter keeps its temporary files (default: the system's).
        public var temporaryDirectory: String?
        /// ZIP64 extensions, for parts larger than 4 GB.
        public var useZip64: Bool
        public init(constantMemory: Bool = false, temporaryDirectory: String? = nil, useZip64: Bool = false) {
            self.constantMemory = constantMemory; self.temporaryDirectory = temporaryDirectory
            self.useZip64 = useZip64
        }
    }

    /// Rows and columns a worksheet can hold.
    public static let maximumRows = Int(LXW_ROW_MAX)
    public static let maximumColumns = Int(LXW_COL_MAX)

    public let path: String
    public let options: Options
    private(set) var pointer: UnsafeMutablePointer<lxw_workbook>?
    private var styles: [Format: CellStyle] = [:]
    private var sheetNames: [String] = []

    public init(path: String, options: Options = Options()) throws(XlsxError) {
        self.path = path
        self.options = options
        let created: UnsafeMutablePointer<lxw_workbook>? = path.withCString { cPath in
            if let dir = options.temporaryDirectory {
                return dir.withCString { cDir in
                    var opts = lxw_workbook_options(constant_memory: options.constantMemory ? 1 : 0,
                                                    tmpdir: UnsafeMutablePointer(mutating: cDir),
                                                    use_zip64: options.useZip64 ? 1 : 0)
                    return workbook_new_opt(cPath, &opts)
                }
            }
            var opts = lxw_workbook_options(constant_memory: options.constantMemory ? 1 : 0, tmpdir: nil,
                                            use_zip64: options.useZip64 ? 1 : 0)
            return workbook_new_opt(cPath, &opts)
        }
        guard let created else {
            throw XlsxError(code: .memoryMallocFailed, operation: "Workbook(path: \(path))",
                            message: "libxlsxwriter could not create the workbook")
        }
        pointer = created
    }

    deinit {
        // Not closed: free everything without writing a file.
        if let pointer { lxw_workbook_free(pointer) }
    }

    /// True until `close()` has run.
    public var isOpen: Bool { pointer != nil }

    func openPointer(_ operation: @autoclosure () -> String) throws(XlsxError) -> UnsafeMutablePointer<lxw_workbook> {
        guard let pointer else {
            throw XlsxError(code: .featureNotSupported, operation: operation(), message: "the workbook is already closed")
        }
        return pointer
    }

    /// Adds a worksheet. Names are checked first (≤ 31 characters, none of
    /// `[ ] : * ? / \`, not starting or ending with `'`, unique).
    public func addWorksheet(named name: String) throws(XlsxError) -> Worksheet {
        let wb = try openPointer("addWorksheet(named: \(name))")
        try check(workbook_validate_sheet_name(wb, name), "addWorksheet(named: \(name))")
        guard let sheet = workbook_add_worksheet(wb, name) else {
            throw XlsxError(code: .unknown, operation: "addWorksheet(named: \(name))",
                            message: "libxlsxwriter refused the worksheet")
        }
        sheetNames.append(name)
        return Worksheet(pointer: sheet, workbook: self, name: name)
    }

    /// Names of the worksheets added so far, in order.
    public var worksheetNames: [String] { sheetNames }

    /// Registers a format (once per distinct value) and returns its handle.
    public func style(_ format: Format) throws(XlsxError) -> CellStyle {
        if let known = styles[format] { return known }
        let wb = try openPointer("style(_:)")
        guard let created = workbook_add_format(wb) else {
            throw XlsxError(code: .memoryMallocFailed, operation: "style(_:)", message: "could not add a format")
        }
        format.apply(to: created)
        let style = CellStyle(pointer: created, owner: ObjectIdentifier(self), number: styles.count)
        styles[format] = style
        return style
    }

    /// Sets the document properties (title, author …).
    public func setProperties(_ properties: DocumentProperties) throws(XlsxError) {
        let wb = try openPointer("setProperties(_:)")
        // libxlsxwriter copies every string, so temporary C strings suffice.
        var owned: [UnsafeMutablePointer<CChar>?] = []
        func dup(_ s: String?) -> UnsafeMutablePointer<CChar>? {
            guard let s else { return nil }
            let p = strdup(s)
            owned.append(p)
            return p
        }
        defer { owned.forEach { free($0) } }
        var props = lxw_doc_properties()
        props.title = dup(properties.title)
        props.subject = dup(properties.subject)
        props.author = dup(properties.author)
        props.manager = dup(properties.manager)
        props.company = dup(properties.company)
        props.category = dup(properties.category)
        props.keywords = dup(properties.keywords)
        props.comments = dup(properties.comments)
        if let created = properties.created { props.created = time_t(created.timeIntervalSince1970) }
        try check(workbook_set_properties(wb, &props), "setProperties(_:)")
    }

    /// Assembles and writes the xlsx file. Errors (a missing directory, a
    /// full disk, a zip failure) are thrown; the workbook is freed either way.
    public func close() throws(XlsxError) {
        let wb = try openPointer("close()")
        pointer = nil
        styles.removeAll()
        try check(workbook_close(wb), "close() writing \(path)")
    }
}
