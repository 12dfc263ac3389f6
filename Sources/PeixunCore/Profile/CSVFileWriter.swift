import Foundation

/// Writes reshaped tables as UTF-8 CSV (RFC 4180 quoting), each file atomically.
public final class CSVFileWriter: ReshapedFileWriter {
    private var file: SampleOutputFile?
    private var buffer: [UInt8] = []

    public init() {}

    public func begin(path: String, header: [String]) throws {
        file = try SampleOutputFile(directory: (path as NSString).deletingLastPathComponent,
                                    name: (path as NSString).lastPathComponent)
        try row(header, numeric: [])
    }

    public func row(_ cells: [String], numeric: [Bool]) throws {
        for (k, cell) in cells.enumerated() {
            if k > 0 { buffer.append(UInt8(ascii: ",")) }
            let bytes = Array(cell.utf8)
            if bytes.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) {
                buffer.append(UInt8(ascii: "\""))
                for b in bytes {
                    if b == UInt8(ascii: "\"") { buffer.append(b) }
                    buffer.append(b)
                }
                buffer.append(UInt8(ascii: "\""))
            } else {
                buffer.append(contentsOf: bytes)
            }
        }
        buffer.append(10)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws {
        try file?.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    public func finish() throws {
        try flush()
        try file?.finish()
        file = nil
    }
}
