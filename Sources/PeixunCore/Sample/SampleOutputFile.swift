import Foundation

/// One export file being written: bytes go to a hidden temporary file in the
/// target folder, which `finish()` renames into place, so a folder never
/// shows a half-written `courses.csv` under its real name.
final class SampleOutputFile {
    let finalPath: String
    let temporaryPath: String
    private let handle: FileHandle
    private var pending: [UInt8] = []
    private(set) var bytesWritten = 0
    private static let flushSize = 8 << 20
    /// Buffers at least this large are written straight through.
    private static let directSize = 1 << 20

    init(directory: String, name: String) throws {
        let dir = URL(fileURLWithPath: directory)
        finalPath = dir.appendingPathComponent(name).path
        temporaryPath = dir.appendingPathComponent(".\(name).partial").path
        guard FileManager.default.createFile(atPath: temporaryPath, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporaryPath) else {
            throw SampleError.writeFailed(path: temporaryPath, reason: "cannot create the file")
        }
        self.handle = handle
        pending.reserveCapacity(SampleOutputFile.flushSize + (1 << 20))
    }

    deinit { try? handle.close() }

    func write(_ bytes: [UInt8]) throws {
        if bytes.count >= SampleOutputFile.directSize {
            try flush()
            try put(bytes)
        } else {
            if pending.count + bytes.count > SampleOutputFile.flushSize { try flush() }
            pending.append(contentsOf: bytes)
        }
    }

    private func flush() throws {
        guard !pending.isEmpty else { return }
        try put(pending)
        pending.removeAll(keepingCapacity: true)
    }

    private func put(_ bytes: [UInt8]) throws {
        do {
            try bytes.withUnsafeBytes { raw in
                guard let address = raw.baseAddress, raw.count > 0 else { return }
                let data = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: address), count: raw.count,
                                deallocator: .none)
                try handle.write(contentsOf: data)
            }
        } catch {
            throw SampleError.writeFailed(path: finalPath, reason: error.localizedDescription)
        }
        bytesWritten += bytes.count
    }

    /// Writes what is buffered, closes, and renames the file into place.
    func finish() throws {
        try flush()
        do {
            try handle.close()
            let fm = FileManager.default
            if fm.fileExists(atPath: finalPath) { try fm.removeItem(atPath: finalPath) }
            try fm.moveItem(atPath: temporaryPath, toPath: finalPath)
        } catch {
            throw SampleError.writeFailed(path: finalPath, reason: error.localizedDescription)
        }
    }

    /// Removes the temporary file after a failure.
    func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporaryPath)
    }
}
