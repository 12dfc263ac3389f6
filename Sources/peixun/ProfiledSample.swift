import ArgumentParser
import Foundation
import PeixunCore
import PeixunWorkbook

enum SampleFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, xlsx
}

/// `peixun sample --profile`: the contract-shape sample, written first into a hidden folder
/// beside the output, then reshaped into the platform's files (`ExportReshaper`).
struct ProfiledSample {
    let profile: ExportProfile
    let splitRows: Int?
    let format: SampleFormat

    func write(_ generator: SampleGenerator, to out: String, overwrite: Bool) throws -> SampleSummary {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: out, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw SampleError.notADirectory(out) }
            let entries = (try? fm.contentsOfDirectory(atPath: out)) ?? []
            if !entries.isEmpty && !overwrite { throw SampleError.directoryNotEmpty(out) }
        } else {
            do { try fm.createDirectory(atPath: out, withIntermediateDirectories: true) } catch {
                throw SampleError.writeFailed(path: out, reason: error.localizedDescription)
            }
        }
        let staging = (out as NSString).appendingPathComponent(".contract-shape-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? fm.removeItem(atPath: staging) }
        let summary = try generator.write(to: staging)
        var reshaper = ExportReshaper(profile: profile, splitRows: splitRows)
        reshaper.fileExtension = format.rawValue
        let report = try reshaper.reshape(source: staging, destination: out, writer: WriterByExtension())
        for table in ExportTable.allCases {
            Log.info("\(table.rawValue): " + (report.files[table] ?? []).joined(separator: ", "))
        }
        return summary
    }
}

/// Writes each file as its name says: `.xlsx` through libxlsxwriter, anything else as CSV
/// (a profile's pattern may name its extension, `人员名单*.xlsx`).
final class WriterByExtension: ReshapedFileWriter {
    private let csv = CSVFileWriter()
    private let xlsx = XlsxTableWriter()
    private var current: ReshapedFileWriter?

    func begin(path: String, header: [String]) throws {
        let writer: ReshapedFileWriter = (path as NSString).pathExtension.lowercased() == "xlsx" ? xlsx : csv
        current = writer
        try writer.begin(path: path, header: header)
    }

    func row(_ cells: [String], numeric: [Bool]) throws { try current?.row(cells, numeric: numeric) }

    func finish() throws {
        try current?.finish()
        current = nil
    }
}
