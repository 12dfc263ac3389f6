#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A source of bytes read in large chunks into a caller's buffer.
protocol ByteSource: AnyObject {
    /// Reads up to `count` bytes into `buffer`; returns 0 only at the end.
    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int
}

/// An open file, read with plain `read(2)` calls (no per-chunk allocation).
final class FileInput: ByteSource {
    private let descriptor: Int32
    let fileName: String

    init(path: String, fileName: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw FatalError(file: fileName, reason: "unreadable file (\(String(cString: strerror(errno))))")
        }
        descriptor = fd
        self.fileName = fileName
    }

    deinit { close(descriptor) }

    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        while true {
            let n = systemRead(descriptor, buffer, count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw FatalError(file: fileName, reason: "unreadable file (\(String(cString: strerror(errno))))")
        }
    }

    /// The file's size in bytes.
    func size() throws -> Int {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw FatalError(file: fileName, reason: "unreadable file (\(String(cString: strerror(errno))))")
        }
        return Int(info.st_size)
    }

    /// Fills `buffer` as far as possible (short reads are retried); returns less than `count` only at the end.
    func readFully(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        var total = 0
        while total < count {
            let n = try read(into: buffer + total, count: count - total)
            if n == 0 { break }
            total += n
        }
        return total
    }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
#elseif canImport(Darwin)
private let systemRead = Darwin.read
#endif
