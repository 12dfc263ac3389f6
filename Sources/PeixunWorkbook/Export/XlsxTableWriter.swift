import Foundation
import PeixunCore

/// Writes reshaped export tables as .xlsx (first sheet, a platform's usual download), one
/// workbook per file: IDs and times as text, 学时 / minutes as numbers. Each file is written
/// under a hidden name and renamed into place when closed.
public final class XlsxTableWriter: ReshapedFileWriter {
    private var workbook: Workbook?
    private var sheet: Worksheet?
    private var finalPath = ""
    private var temporaryPath = ""
    private var row = 0

    public init() {}

    public func begin(path: String, header: [String]) throws {
        finalPath = path
        let dir = (path as NSString).deletingLastPathComponent
        temporaryPath = (dir as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent).partial")
        let book = try Workbook(path: temporaryPath, options: .init(constantMemory: true))
        workbook = book
        sheet = try book.addWorksheet(named: "Sheet1")
        row = 0
        try self.row(header, numeric: [])
    }

    public func row(_ cells: [String], numeric: [Bool]) throws {
        guard let sheet else { return }
        guard row < Workbook.maximumRows else {
            throw XlsxError(code: .parameterValidation, operation: "row", message: "more than \(Workbook.maximumRows) rows in \(finalPath)")
        }
        for (k, cell) in cells.enumerated() where !cell.isEmpty {
            if k < numeric.count, numeric[k], let d = Double(cell) {
                try sheet.write(d, row: row, column: k)
            } else {
                try sheet.write(cell, row: row, column: k)
            }
        }
        row += 1
    }

    public func finish() throws {
        guard let book = workbook else { return }
        try book.close()
        workbook = nil
        sheet = nil
        let fm = FileManager.default
        if fm.fileExists(atPath: finalPath) { try fm.removeItem(atPath: finalPath) }
        try fm.moveItem(atPath: temporaryPath, toPath: finalPath)
    }
}
