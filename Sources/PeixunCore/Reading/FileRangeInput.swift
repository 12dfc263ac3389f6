#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A byte range `[offset, end)` of a file, read with `pread(2)` so that several
/// ranges of one file can be read at once on different threads.
final class FileRangeInput: ByteSource {
    private let descriptor: Int32
    private var offset: Int
    private let end: Int
    let fileName: String

    init(path: String, fileName: String, offset: Int, end: Int) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw FatalError(file: fileName, reason: "unreadable file (\(String(cString: strerror(errno))))")
        }
        descriptor = fd
        self.offset = offset
        self.end = end
        self.fileName = fileName
    }

    deinit { close(descriptor) }

    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        let want = min(count, end - offset)
        guard want > 0 else { return 0 }
        while true {
            let n = pread(descriptor, buffer, want, off_t(offset))
            if n >= 0 { offset += n; return n }
            if errno == EINTR { continue }
            throw FatalError(file: fileName, reason: "unreadable file (\(String(cString: strerror(errno))))")
        }
    }

    /// Reads up to `count` bytes at `position` (not moving the range's own offset).
    func read(at position: Int, into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        while true {
            let n = pread(descriptor, buffer, count, off_t(position))
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw FatalError(file: fileName, reason: "unreadable file (\(String(cString: strerror(errno))))")
        }
    }

    /// The offset just after the first `\n` at or after `position` (or `size`).
    static func lineStart(path: String, fileName: String, after position: Int, size: Int) throws -> Int {
        let input = try FileRangeInput(path: path, fileName: fileName, offset: position, end: size)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var at = position
        while true {
            let n = try chunk.withUnsafeMutableBufferPointer { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return try input.read(into: base, count: buffer.count)
            }
            if n == 0 { return size }
            if let i = chunk[..<n].firstIndex(of: 0x0A) { return at + i + 1 }
            at += n
        }
    }
}
