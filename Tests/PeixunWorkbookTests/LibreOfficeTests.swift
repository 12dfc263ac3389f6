import Foundation
import Testing
@testable import PeixunWorkbook

/// Opens the roster in LibreOffice (headless) and reads the printed PDF back:
/// the workbook must open cleanly and print every sheet with its text.
/// Skipped where LibreOffice is not installed (Debian: libreoffice-calc).
@Suite("培训名册 in LibreOffice", .enabled(if: LibreOffice.path != nil))
struct LibreOfficeTests {
    @Test func printsEverySheetReadably() throws {
        let dir = try Fixture.directory()
        let xlsx = try RosterWriter.write(results: try Fixture.results(), to: dir)[0]
        let office = try #require(LibreOffice.path)
        try LibreOffice.run(office, ["-env:UserInstallation=file://\(dir)/profile", "--headless", "--convert-to", "pdf",
                                     "--outdir", dir, xlsx])
        let pdf = (xlsx as NSString).deletingPathExtension + ".pdf"
        #expect(FileManager.default.fileExists(atPath: pdf))
        let text = try LibreOffice.output("/usr/bin/pdftotext", ["-layout", pdf, "-"])
        // One page per sheet for this small roster.
        #expect(text.components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.count == 8)
        for expected in ["名册", "张三", Fixture.zhangID, "100.00", "16.67", "不合格", "XC2021-1-JY-000001", "000123",
                         "坊主考核", "66.67%", "区县统计", "合计", "异常记录", "身份证号无效", "2021-12-20", "第 1 页"] {
            #expect(text.contains(expected), "PDF text lacks \(expected)")
        }
        // An 18-digit ID printed as a number would read 4.11002E+17.
        #expect(!text.contains("E+17"))
    }
}

enum LibreOffice {
    static let path: String? = ["/usr/bin/libreoffice", "/usr/bin/soffice"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static func run(_ tool: String, _ arguments: [String]) throws {
        _ = try output(tool, arguments)
    }

    static func output(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "\(tool) exited \(process.terminationStatus)"])
        }
        return String(decoding: data, as: UTF8.self)
    }
}
