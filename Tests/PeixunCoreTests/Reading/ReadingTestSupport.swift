import Foundation
@testable import PeixunCore

/// The committed reading fixtures (regenerate with Fixtures/reading/generate.py).
enum ReadingFixtures {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/reading")

    static func path(_ name: String) -> String {
        folder.appendingPathComponent(name).path
    }
}

/// A folder under the system temporary directory, removed when the value goes away.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("peixun-reading-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    var path: String { url.path }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file.path
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }
}

/// A record copied out of the reader's buffers.
struct ReadRow: Equatable, CustomStringConvertible {
    var line: Int
    var cells: [String]
    var present: [Bool]
    var numeric: [Bool]
    var fieldCount: Int
    var headerCount: Int

    var description: String { "\(line): \(cells)" }
}

func readAll(_ path: String, _ table: ExportTable) throws -> [ReadRow] {
    let reader = try TableReader(path: path, table: table)
    var rows: [ReadRow] = []
    let count = try reader.read { record in
        let columns = table.columns.indices
        rows.append(ReadRow(
            line: record.line,
            cells: columns.map(record.string),
            present: columns.map(record.isPresent),
            numeric: columns.map(record.isNumeric),
            fieldCount: record.fieldCount,
            headerCount: record.headerCount))
    }
    precondition(count == rows.count)
    return rows
}

/// Raw rows (all cells, untrimmed) of a CSV parsed with a given chunk size.
func parseCSV(_ path: String, encoding: CSVEncoding, chunkSize: Int) throws -> [(line: Int, cells: [String])] {
    var rows: [(line: Int, cells: [String])] = []
    let source = CSVRowSource(path: path, fileName: (path as NSString).lastPathComponent,
                              encoding: encoding, chunkSize: chunkSize)
    try source.forEachRow { row in
        rows.append((row.line, (0..<row.count).map { String(decoding: row.fields[$0], as: UTF8.self) }))
        return true
    }
    return rows
}

/// The reason of the FatalError thrown by `body`, or nil.
func fatalReason(_ body: () throws -> Void) -> FatalError? {
    do {
        try body()
        return nil
    } catch let error as FatalError {
        return error
    } catch {
        return FatalError(file: nil, reason: "unexpected \(error)")
    }
}

/// A deterministic generator for the randomized tests (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
