#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The text encoding of a CSV file (CONTRACT §6 "Reading").
enum CSVEncoding: Equatable {
    /// UTF-8; `skip` bytes of BOM precede the text.
    case utf8(skip: Int)
    case gb18030
}

/// Decides a CSV file's encoding: a UTF-8 BOM means UTF-8; otherwise strict UTF-8 if the
/// whole file is valid; else GB18030 if the whole file is well formed GB18030; else the file is
/// unreadable. Reads the file once (twice for GB18030) in large chunks.
enum TextEncodingDetector {
    static let chunkSize = 8 << 20

    static func detect(path: String, fileName: String) throws -> CSVEncoding {
        try facts(path: path, fileName: fileName).encoding
    }

    /// The encoding, and whether the file contains no `"` at all — then every line end is a
    /// record boundary and the file may be split into parts read in parallel.
    static func facts(path: String, fileName: String) throws -> (encoding: CSVEncoding, quoteFree: Bool) {
        var head = [UInt8](repeating: 0, count: 3)
        let file = try FileInput(path: path, fileName: fileName)
        let count = try head.withUnsafeMutableBufferPointer { try file.readFully(into: $0.baseAddress!, count: 3) }
        if count >= 2, (head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF) {
            throw FatalError(file: fileName, reason: "unreadable file: UTF-16 text is not supported (save as CSV UTF-8)")
        }
        let hasBOM = count >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF
        let size = try file.size()
        let parts = size >= parallelScanBytes ? max(2, ProcessInfo.processInfo.activeProcessorCount) : 1
        let verdict = try UTF8FileScan.scan(path: path, fileName: fileName, size: size, parts: parts)
        if verdict.valid { return (.utf8(skip: hasBOM ? 3 : 0), verdict.quoteFree) }
        if hasBOM {
            throw FatalError(file: fileName, reason: "unreadable file: it starts with a UTF-8 BOM but is not valid UTF-8")
        }
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize + 8)
        defer { buffer.deallocate() }
        try checkGB18030(path: path, fileName: fileName, buffer: buffer)
        return (.gb18030, false)
    }

    /// A file at least this large is checked in parts on all cores.
    static let parallelScanBytes = 4 << 20

    /// Throws unless the whole file is well-formed GB18030.
    private static func checkGB18030(path: String, fileName: String, buffer: UnsafeMutablePointer<UInt8>) throws {
        let file = try FileInput(path: path, fileName: fileName)
        var carry = 0
        var offset = 0
        while true {
            let count = try file.readFully(into: buffer + carry, count: chunkSize - carry)
            let total = carry + count
            let checked = GB18030Validator.validPrefix(buffer, count: total)
            if checked.invalid || (count == 0 && total - checked.length > 0) {
                throw FatalError(
                    file: fileName,
                    reason: "unreadable file: neither UTF-8 nor GB18030 (invalid byte at offset \(offset + checked.length))")
            }
            if count == 0 { return }
            carry = total - checked.length
            if carry > 0 { memmove(buffer, buffer + checked.length, carry) }
            offset += checked.length
        }
    }

}
