import Foundation
import ZIPFoundation

/// Why an .xlsx file cannot be read: malformed, or refused as hostile (over a limit).
struct XLSXProblem: Error {
    var refused: Bool
    var reason: String

    static func malformed(_ reason: String) -> XLSXProblem { XLSXProblem(refused: false, reason: reason) }
    static func refused(_ reason: String) -> XLSXProblem { XLSXProblem(refused: true, reason: reason) }

    /// "unreadable xlsx: …" or "refused xlsx: …".
    var message: String { (refused ? "refused xlsx: " : "unreadable xlsx: ") + reason }
}

/// The parts of an .xlsx (zip) file, inflated as a stream in chunks. Sizes are checked before
/// inflating (declared size, compression ratio) and while inflating (never past the declared
/// size nor the cap), so a zip bomb stops after at most its cap of inflated bytes.
final class XLSXPackage {
    static let chunkSize = 1 << 18

    let limits: XLSXLimits
    private let file: FileHandle
    private let entries: [String: ZipEntry]
    /// Inflated bytes of the part streamed last (tests check that a refusal came early).
    private(set) var lastInflatedBytes: Int64 = 0

    init(path: String, limits: XLSXLimits) throws {
        self.limits = limits
        guard let handle = FileHandle(forReadingAtPath: path) else { throw XLSXProblem.malformed("cannot open") }
        file = handle
        do {
            let size = Int64(try handle.seekToEnd())
            var byPath: [String: ZipEntry] = [:]
            for entry in try ZipDirectory.read(handle, size: size) where byPath[entry.path] == nil {
                byPath[entry.path] = entry
            }
            entries = byPath
        } catch let error as ZipDirectory.Malformed {
            throw XLSXProblem.malformed(error.reason)
        }
    }

    deinit { try? file.close() }

    /// An error thrown by a consumer, carried through the inflater unchanged.
    private struct Passed: Error { var error: Error }

    func entry(_ path: String) -> ZipEntry? { entries[path] }

    /// The whole of a small part (workbook, relationships), nil if absent.
    func bytes(of path: String) throws -> [UInt8]? {
        guard let entry = entries[path] else { return nil }
        var result: [UInt8] = []
        try stream(entry, cap: limits.maxSmallPartBytes) { result.append(contentsOf: $0) }
        return result
    }

    /// Feeds the inflated bytes of `entry` to `consume` in chunks; errors thrown by `consume`
    /// stop inflating and propagate as they are. A large part is inflated on a second thread
    /// unless `mayPipeline` is false (the caller is such a thread).
    func stream(_ entry: ZipEntry, cap: Int64, mayPipeline: Bool = true,
                _ consume: (UnsafeRawBufferPointer) throws -> Void) throws {
        let name = entry.path
        lastInflatedBytes = 0
        guard entry.flags & 1 == 0 else { throw XLSXProblem.malformed("\(name) is encrypted") }
        guard entry.declaredSize <= cap else {
            throw XLSXProblem.refused("\(name) declares \(entry.declaredSize) bytes inflated, over the limit of \(cap)")
        }
        let ratio = entry.declaredSize / max(entry.compressedSize, 1)
        if entry.declaredSize > limits.ratioGraceBytes, ratio > limits.maxCompressionRatio {
            throw XLSXProblem.refused(
                "\(name) inflates \(ratio):1 (limit \(limits.maxCompressionRatio):1), a zip bomb")
        }
        let start: Int64
        do {
            start = try ZipDirectory.dataOffset(of: entry, in: file)
        } catch let error as ZipDirectory.Malformed {
            throw XLSXProblem.malformed(error.reason)
        }
        if mayPipeline, entry.declaredSize >= Self.pipelineBytes {
            try pipelined(entry, from: start, consume)
        } else {
            try inflate(entry, from: start) { data in try data.withUnsafeBytes { try consume($0) } }
        }
    }

    /// Large parts are inflated on a second thread while this one scans: at most
    /// `ChunkPipe.capacity` chunks wait in between.
    static let pipelineBytes: Int64 = 8 << 20

    private func pipelined(_ entry: ZipEntry, from start: Int64, _ consume: (UnsafeRawBufferPointer) throws -> Void) throws {
        let pipe = ChunkPipe()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread { [self] in
            do {
                try inflate(entry, from: start) { try pipe.put($0) }
                pipe.finish(nil)
            } catch {
                pipe.finish(error)
            }
            done.signal()
        }
        thread.start()
        defer {
            pipe.cancel()
            done.wait()
        }
        while let data = try pipe.take() {
            try data.withUnsafeBytes { try consume($0) }
        }
    }

    /// Inflates `entry` (data at `start`) into chunks given to `emit`, never past its declared size.
    private func inflate(_ entry: ZipEntry, from start: Int64, _ emit: (Data) throws -> Void) throws {
        let name = entry.path
        var inflated: Int64 = 0
        func take(_ chunk: Data) throws {
            inflated += Int64(chunk.count)
            lastInflatedBytes = inflated
            if inflated > entry.declaredSize {
                throw XLSXProblem.refused("\(name) inflates past its declared \(entry.declaredSize) bytes")
            }
            do { try emit(chunk) } catch { throw Passed(error: error) }
        }
        var position = start
        var remaining = entry.compressedSize
        /// The next compressed chunk, padded with zeros to `size`: the inflater is always given
        /// `size` bytes, and a stream that runs past its data ends in an error, not a read beyond.
        func read(_ size: Int) throws -> Data {
            guard remaining > 0 else { throw XLSXProblem.malformed("\(name) is truncated") }
            let count = Int(min(Int64(size), remaining))
            try file.seek(toOffset: UInt64(position))
            var data = try file.read(upToCount: count) ?? Data()
            guard data.count == count else { throw XLSXProblem.malformed("\(name) is truncated") }
            position += Int64(count)
            remaining -= Int64(count)
            if data.count < size { data.append(contentsOf: repeatElement(0, count: size - data.count)) }
            return data
        }
        switch entry.method {
        case 0:
            do {
                while remaining > 0 {
                    try take(try read(min(Self.chunkSize, Int(remaining))))
                }
            } catch let passed as Passed {
                throw passed.error
            }
        case 8:
            // No CRC: ZIPFoundation computes it byte by byte in Swift on Linux (15 % of reading a
            // sheet); inflate itself rejects corrupt streams and the size is checked below.
            do {
                _ = try Data.decompress(
                    size: entry.compressedSize, bufferSize: Self.chunkSize, skipCRC32: true,
                    provider: { _, size in try read(size) },
                    consumer: { data in try take(data) })
            } catch let passed as Passed {
                throw passed.error
            } catch let error as XLSXProblem {
                throw error
            } catch {
                throw XLSXProblem.malformed("\(name) is not a valid deflate stream")
            }
        default:
            throw XLSXProblem.malformed("\(name) uses compression method \(entry.method)")
        }
        guard inflated == entry.declaredSize else {
            throw XLSXProblem.malformed(
                "\(name) is truncated or corrupt: it inflates to \(inflated) bytes, not the declared \(entry.declaredSize)")
        }
    }
}
