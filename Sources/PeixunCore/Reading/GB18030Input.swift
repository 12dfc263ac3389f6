#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A GB18030 (or GBK) file converted to UTF-8 on the fly with the platform's iconv.
/// Multi-byte sequences split across read chunks are carried over to the next chunk.
final class GB18030Input: ByteSource {
    private let file: FileInput
    private let converter: iconv_t
    private let input: UnsafeMutablePointer<UInt8>
    private let inputCapacity: Int
    private var inputStart = 0
    private var inputEnd = 0
    private var inputEOF = false
    /// Bytes of the file consumed before `input[0]`, for error positions.
    private var consumedBefore = 0

    init(path: String, fileName: String, chunkSize: Int = 4 << 20) throws {
        file = try FileInput(path: path, fileName: fileName)
        guard let cd = iconv_open("UTF-8", "GB18030"), cd != iconv_t(bitPattern: -1) else {
            throw FatalError(file: fileName, reason: "cannot decode GB18030: the platform's iconv lacks it")
        }
        converter = cd
        inputCapacity = max(chunkSize, 64)
        input = .allocate(capacity: inputCapacity)
    }

    deinit {
        iconv_close(converter)
        input.deallocate()
    }

    private func refill() throws {
        let carry = inputEnd - inputStart
        if carry > 0, inputStart > 0 { memmove(input, input + inputStart, carry) }
        consumedBefore += inputStart
        inputStart = 0
        inputEnd = carry
        let n = try file.readFully(into: input + carry, count: inputCapacity - carry)
        if n == 0 { inputEOF = true }
        inputEnd += n
    }

    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        precondition(count >= 8, "output chunk too small for one character")
        while true {
            if inputStart == inputEnd || (inputEOF == false && inputEnd - inputStart < 4) {
                if !inputEOF { try refill() }
                if inputStart == inputEnd { return 0 }
            }
            var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(input + inputStart)
                .assumingMemoryBound(to: CChar.self)
            var inLeft = inputEnd - inputStart
            var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(buffer)
                .assumingMemoryBound(to: CChar.self)
            var outLeft = count
            let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
            let failure = result == -1 ? errno : 0
            inputStart = inputEnd - inLeft
            let produced = count - outLeft
            switch failure {
            case 0, E2BIG:
                if produced > 0 { return produced }
            case EINVAL:  // an incomplete sequence at the end of the chunk
                if inputEOF {
                    throw FatalError(
                        file: file.fileName,
                        reason: "unreadable file: truncated GB18030 sequence at the end")
                }
                if produced > 0 { return produced }
                try refill()
            default:
                throw FatalError(
                    file: file.fileName,
                    reason: "unreadable file: neither UTF-8 nor GB18030 (invalid byte at offset \(consumedBefore + inputStart))")
            }
        }
    }
}
