#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize + 8)
        defer { buffer.deallocate() }
        let file = try FileInput(path: path, fileName: fileName)
        var count = try file.readFully(into: buffer, count: chunkSize)
        if count >= 2, (buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF) {
            throw FatalError(file: fileName, reason: "unreadable file: UTF-16 text is not supported (save as CSV UTF-8)")
        }
        let hasBOM = count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF
        var carry = 0
        var valid = true
        while true {
            let total = carry + count
            let checked = UTF8Validator.validPrefix(buffer, count: total)
            if checked.invalid {
                valid = false
                break
            }
            carry = total - checked.length
            if count == 0 {
                if carry > 0 { valid = false }  // a sequence cut off by the end of the file
                break
            }
            if carry > 0 { memmove(buffer, buffer + checked.length, carry) }
            count = try file.readFully(into: buffer + carry, count: chunkSize - carry)
        }
        if valid { return .utf8(skip: hasBOM ? 3 : 0) }
        if hasBOM {
            throw FatalError(file: fileName, reason: "unreadable file: it starts with a UTF-8 BOM but is not valid UTF-8")
        }
        try checkGB18030(path: path, fileName: fileName, buffer: buffer)
        return .gb18030
    }

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
