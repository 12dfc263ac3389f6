import Foundation

/// A byte sink with a large buffer, over a file or standard output. Writing
/// results for a million trainees must not go through a `String` per line.
public final class BufferedOutput {
    /// nil: an in-memory buffer (`init(memoryCapacity:)`), never flushed.
    private let handle: FileHandle?
    private let ownsHandle: Bool
    private var buffer: [UInt8] = []
    private let limit: Int
    /// The first write that failed between flushes; thrown by the next `flush()`.
    private var failure: Error?

    public init(handle: FileHandle, ownsHandle: Bool = false, bufferSize: Int = 1 << 20) {
        self.handle = handle; self.ownsHandle = ownsHandle; self.limit = bufferSize
        buffer.reserveCapacity(bufferSize + 4096)
    }

    /// A buffer in memory, never flushed (its text is read back through `bytes`).
    public init(memoryCapacity: Int) {
        handle = nil; ownsHandle = false; limit = .max
        buffer.reserveCapacity(memoryCapacity)
    }

    /// The bytes of an in-memory buffer.
    public var bytes: [UInt8] { buffer }

    /// Appends bytes; a block as large as the buffer goes to the file as it is, without a copy.
    public func write(contentsOf bytes: [UInt8]) {
        guard let handle, buffer.count + bytes.count >= limit else {
            buffer.append(contentsOf: bytes)
            return
        }
        flushQuietly()
        guard failure == nil else { return }
        do { try handle.write(contentsOf: bytes) } catch { failure = error }
    }

    /// Creates (truncating) `path`.
    public convenience init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw FatalError(file: path, reason: "cannot create the file")
        }
        self.init(handle: try FileHandle(forWritingTo: URL(fileURLWithPath: path)), ownsHandle: true)
    }

    /// Creates (truncating) `path` for data with full ID numbers: mode 0640 from the start
    /// (`PersonalDataFiles`).
    public convenience init(personalDataAt path: String) throws {
        self.init(handle: try PersonalDataFiles.create(atPath: path), ownsHandle: true)
    }

    public static func standardOutput() -> BufferedOutput { BufferedOutput(handle: .standardOutput) }

    @inline(__always) public func write(_ s: String) {
        var s = s
        s.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= limit { flushQuietly() }
    }

    public func flush() throws {
        if let failure { throw failure }
        guard let handle, !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes from a call that cannot throw; the error waits for the next `flush()`.
    private func flushQuietly() {
        do { try flush() } catch {
            if failure == nil { failure = error }
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Flushes, syncs a file to disk, and closes it if owned.
    /// A failed write still closes an owned file before its error is thrown.
    public func close() throws {
        do {
            try flush()
        } catch {
            if let handle, ownsHandle { try? handle.close() }
            throw error
        }
        if let handle, ownsHandle {
            try handle.synchronize()
            try handle.close()
        }
    }
}
