import Foundation
import PeixunCore

/// 培训名册 — writes the roster workbooks the education bureau receives:
/// `培训名册.xlsx` (名册, 合格名单, 优秀学员, 坊主考核, 坊统计, 区县统计,
/// 异常记录, 项目信息) and, with `split: .county`, one `培训名册-<区县>.xlsx`
/// per 区县. Each file is written to a temporary name in the target
/// directory and renamed into place, so a reader never sees half a file.
public enum RosterWriter {
    /// Writes the workbooks and returns their paths (programme workbook first).
    public static func write(results: Results, to directory: String,
                             options: RosterOptions = RosterOptions()) throws(RosterError) -> [String] {
        let workbooks = try workbooks(of: results, options: options)
        try makeFolder(directory)
        var written: [String] = []
        for workbook in workbooks { written.append(try write(workbook, into: directory, options: options)) }
        return written
    }

    /// The workbooks `options` asks for (programme workbook first), not yet written.
    public static func workbooks(of results: Results, options: RosterOptions = RosterOptions()) throws(RosterError)
        -> [RosterWorkbook] {
        try validate(options)
        var workbooks = [RosterWorkbook(fileName: options.fileName, content: RosterContent(programme: results),
                                        sheets: options.sheets)]
        if options.split == .county {
            let stem = (options.fileName as NSString).deletingPathExtension
            let ext = (options.fileName as NSString).pathExtension
            for county in RosterContent.counties(of: results) {
                workbooks.append(RosterWorkbook(
                    fileName: "\(stem)-\(safeFileComponent(county)).\(ext.isEmpty ? "xlsx" : ext)",
                    content: RosterContent(results: results, county: county),
                    sheets: options.sheets.filter { $0 != .anomalies }))
            }
        }
        return workbooks
    }

    /// Creates the rosters' folder: they carry full ID numbers, so 0750 (and 0640 files) whatever the umask.
    public static func makeFolder(_ directory: String) throws(RosterError) {
        do {
            try PersonalDataFiles.makeFolder(atPath: directory)
        } catch {
            throw .fileSystem(path: directory, reason: "cannot create the directory (\(error))")
        }
    }

    /// Writes one workbook into `directory` (which must exist) and returns its path.
    public static func write(_ workbook: RosterWorkbook, into directory: String,
                             options: RosterOptions = RosterOptions()) throws(RosterError) -> String {
        let path = (directory as NSString).appendingPathComponent(workbook.fileName)
        try writeAtomically(workbook, to: path, options: options, digest: nil)
        return path
    }

    /// Writes one workbook into `directory` (which must exist) and returns its path and its
    /// `contentKey`, building every cell once: each call is made on libxlsxwriter and on the
    /// digest together. For a workbook that is about to be written anyway (no previous one to
    /// compare with, or one that has most likely changed), this saves the separate key pass.
    public static func writeWithKey(_ workbook: RosterWorkbook, into directory: String,
                                    options: RosterOptions = RosterOptions()) throws(RosterError)
        -> (path: String, key: [UInt8]) {
        let path = (directory as NSString).appendingPathComponent(workbook.fileName)
        let digest = keyDigest(options)
        try writeAtomically(workbook, to: path, options: options, digest: digest)
        return (path, digest.finish())
    }

    /// A digest of everything the workbook's bytes depend on but Peixun's own binary (which the
    /// caller adds): libxlsxwriter's version, the options, and every call `write` would make on
    /// libxlsxwriter — sheet names and order, every cell's value, type and format, widths,
    /// heights, merges, filters, print set-up, document properties — made on a digest instead.
    /// The SHA-256's 32 bytes (the caller's content key adds them and spells the whole in hex).
    public static func contentKey(_ workbook: RosterWorkbook, options: RosterOptions = RosterOptions()) throws(RosterError)
        -> [UInt8] {
        let digest = keyDigest(options)
        do {
            try fill(digest, with: workbook, options: options)
        } catch {
            throw .xlsx(error)
        }
        return digest.finish()
    }

    /// A digest that has taken in what the key holds besides the calls: the options.
    private static func keyDigest(_ options: RosterOptions) -> WorkbookDigest {
        let digest = WorkbookDigest()
        digest.add(String(reflecting: options))
        return digest
    }

    static func validate(_ options: RosterOptions) throws(RosterError) {
        let minimum = RosterOptions.headerRows + 1
        guard (minimum...Workbook.maximumRows).contains(options.maxRowsPerSheet) else {
            throw .invalidOption("maxRowsPerSheet must be \(minimum)…\(Workbook.maximumRows), not \(options.maxRowsPerSheet)")
        }
        guard !options.sheets.isEmpty, Set(options.sheets).count == options.sheets.count else {
            throw .invalidOption("sheets must be a non-empty list without repeats")
        }
        guard !options.fileName.isEmpty, !options.fileName.contains("/"), !options.fileName.hasPrefix(".") else {
            throw .invalidOption("fileName must be a plain file name, not \(options.fileName)")
        }
    }

    /// A 区县 name made safe as part of a file name.
    static func safeFileComponent(_ s: String) -> String {
        let cleaned = String(s.map { "/\\:*?\"<>|\0".contains($0) || $0.isNewline ? "_" : $0 })
        let trimmed = cleaned.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.hasPrefix(".") { return "未填区县" + trimmed }
        return trimmed
    }

    private static func writeAtomically(_ workbook: RosterWorkbook, to path: String,
                                        options: RosterOptions, digest: WorkbookDigest?) throws(RosterError) {
        let directory = (path as NSString).deletingLastPathComponent
        let base = (path as NSString).lastPathComponent
        let temporary = (directory as NSString).appendingPathComponent(
            ".\(base).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            try PersonalDataFiles.touch(atPath: temporary)
        } catch {
            throw .fileSystem(path: temporary, reason: "cannot create the workbook (\(error))")
        }
        do {
            try writeWorkbook(workbook, to: temporary, options: options, digest: digest)
        } catch {
            unlink(temporary)
            throw .xlsx(error)
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .fileSystem(path: path, reason: "cannot move the finished workbook into place (\(reason))")
        }
    }

    private static func writeWorkbook(_ roster: RosterWorkbook, to path: String,
                                      options: RosterOptions, digest: WorkbookDigest?) throws(XlsxError) {
        let directory = (path as NSString).deletingLastPathComponent
        let workbook = try Workbook(path: path, options: Workbook.Options(
            constantMemory: options.constantMemory,
            // Keep libxlsxwriter's row files beside the output, not in a /tmp that may be RAM.
            temporaryDirectory: directory.isEmpty ? nil : directory,
            useZip64: false))
        try fill(digest.map { WorkbookTee(workbook, $0) } ?? workbook, with: roster, options: options)
        try workbook.close()
    }

    /// Every call that shapes the workbook, on a real workbook or a digest.
    private static func fill(_ workbook: any WorkbookSink, with roster: RosterWorkbook,
                             options: RosterOptions) throws(XlsxError) {
        let content = roster.content
        let programme = content.scheme.programme
        let created = options.created
            ?? Date(timeIntervalSince1970: TimeInterval(Timestamp(date: programme.issueDate).seconds))
        try workbook.setProperties(DocumentProperties(
            title: RosterSheetBuilder.workbookTitle(content),
            subject: "培训名册", author: programme.issuer, company: programme.issuer,
            category: "教师培训", keywords: "培训名册, \(programme.code)",
            comments: "数据截止 \(content.results.dataDate)\(content.results.isMidTerm ? "（期中）" : "")",
            created: created))
        let builder = try RosterSheetBuilder(workbook: workbook, content: content,
                                             maxRowsPerSheet: options.maxRowsPerSheet)
        for sheet in roster.sheets {
            try builder.write(sheet)
        }
    }
}

/// One roster workbook to write: its file name (in the rosters' folder) and what it shows.
public struct RosterWorkbook {
    public let fileName: String
    let content: RosterContent
    let sheets: [RosterSheet]
    /// The 区县 a `split: .county` workbook is of; nil for the programme's workbook (everyone).
    public var county: String? { content.county }

    /// Whether the workbook lists people of any of `counties`: the programme's workbook lists
    /// everyone, a 区县's workbook only its own.
    public func showsAnyone(in counties: Set<String>) -> Bool {
        county.map(counties.contains) ?? !counties.isEmpty
    }
}
