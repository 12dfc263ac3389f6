#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An RFC 4180 record parser over UTF-8 bytes read in large chunks.
///
/// Unquoted fields and quoted fields without doubled quotes are slices of the chunk buffer;
/// only quoted fields that need unescaping are copied, into a scratch buffer reused for every
/// record. A record cut by the end of the chunk is parsed again after the buffer is refilled,
/// so memory stays at two chunks whatever the file size (a single record may grow them up to
/// `maxRecordBytes`).
final class CSVParser {
    static let maxRecordBytes = 64 << 20

    private let source: ByteSource
    private let fileName: String
    private var buffer: UnsafeMutablePointer<UInt8>
    private var scratch: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var start = 0
    private var end = 0
    private var eof = false
    private var pendingSkip: Int
    /// The physical line at `start`.
    private var line = 1

    private(set) var fields: UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>
    private var fieldCapacity = 64
    /// Fields of the current record.
    private(set) var fieldCount = 0
    /// The physical line where the current record starts.
    private(set) var recordLine = 0

    init(source: ByteSource, fileName: String, skip: Int = 0, chunkSize: Int = 8 << 20) {
        self.source = source
        self.fileName = fileName
        self.pendingSkip = skip
        capacity = max(chunkSize, 64)
        buffer = .allocate(capacity: capacity)
        scratch = .allocate(capacity: capacity)
        fields = .allocate(capacity: fieldCapacity)
    }

    deinit {
        buffer.deallocate()
        scratch.deallocate()
        fields.deallocate()
    }

    /// The current record, valid until the next call of `next()`.
    var row: RawRow {
        RawRow(line: recordLine, fields: UnsafePointer(fields), count: fieldCount, numeric: nil)
    }

    /// Parses the next record; false at the end of the input.
    func next() throws -> Bool {
        while true {
            if start == end {
                if eof { return false }
                try refill()
                continue
            }
            if try parseRecord() { return true }
            try refill()
        }
    }

    /// Moves the unparsed bytes to the front (growing the buffers for an oversized record) and reads more.
    private func refill() throws {
        let pending = end - start
        if pending + 16 > capacity {
            guard capacity < Self.maxRecordBytes else {
                throw FatalError(
                    file: fileName, line: line,
                    reason: "a record longer than \(Self.maxRecordBytes >> 20) MB (an unclosed quote?)")
            }
            let newCapacity = min(capacity * 2, Self.maxRecordBytes)
            let newBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            newBuffer.update(from: buffer + start, count: pending)
            buffer.deallocate()
            scratch.deallocate()
            buffer = newBuffer
            scratch = .allocate(capacity: newCapacity)
            capacity = newCapacity
        } else if start > 0, pending > 0 {
            memmove(buffer, buffer + start, pending)
        }
        start = 0
        end = pending
        let n = try source.read(into: buffer + end, count: capacity - end)
        if n == 0 { eof = true }
        end += n
        while pendingSkip > 0, start < end {
            start += 1
            pendingSkip -= 1
        }
    }

    private func growFields() {
        let newCapacity = fieldCapacity * 2
        let newFields = UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>.allocate(capacity: newCapacity)
        newFields.moveInitialize(from: fields, count: fieldCapacity)
        fields.deallocate()
        fields = newFields
        fieldCapacity = newCapacity
    }

    private static let commas: UInt64 = 0x2C2C_2C2C_2C2C_2C2C
    private static let lineFeeds: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
    private static let carriageReturns: UInt64 = 0x0D0D_0D0D_0D0D_0D0D

    /// High bit set in the bytes of `word` equal to the byte repeated in `pattern`; exact for the
    /// lowest such byte (higher ones may be false positives, which the caller never looks at).
    @inline(__always)
    private static func matches(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
        let x = word ^ pattern
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
    }

    /// Parses one record at `start`; false when the buffer ends before the record does.
    private func parseRecord() throws -> Bool {
        let p = buffer
        let e = end
        let atEOF = eof
        let s = scratch
        var f = fields
        var fieldLimit = fieldCapacity
        var i = start
        var ln = line
        var nf = 0
        var scratchUsed = 0

        fieldLoop: while true {
            if i == e {
                // A field starting at the end: after a trailing comma at the end of the file.
                if !atEOF { return false }
                if nf == fieldLimit { growFields(); f = fields; fieldLimit = fieldCapacity }
                f[nf] = UnsafeBufferPointer(start: p + i, count: 0); nf += 1
                break fieldLoop
            }
            var b = p[i]
            var quoteAt = i
            if b == 0x20 || b == 0x09 {
                // Spaces before an opening quote are tolerated.
                var q = i
                while q < e, p[q] == 0x20 || p[q] == 0x09 { q += 1 }
                if q == e, !atEOF { return false }
                if q < e, p[q] == 0x22 { quoteAt = q; b = 0x22 }
            }
            if b != 0x22 {
                let fieldStart = i
                // Eight bytes at a time: the lowest byte that is a comma, LF or CR ends the field.
                while i + 8 <= e {
                    let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
                    let hits = Self.matches(word, Self.commas) | Self.matches(word, Self.lineFeeds)
                        | Self.matches(word, Self.carriageReturns)
                    if hits != 0 {
                        i += hits.littleEndian.trailingZeroBitCount >> 3
                        break
                    }
                    i += 8
                }
                while i < e {
                    b = p[i]
                    if b == 0x2C || b == 0x0A || b == 0x0D { break }
                    i += 1
                }
                if i == e, !atEOF { return false }
                if nf == fieldLimit { growFields(); f = fields; fieldLimit = fieldCapacity }
                f[nf] = UnsafeBufferPointer(start: p + fieldStart, count: i - fieldStart); nf += 1
                if i == e { break fieldLoop }
            } else {
                i = quoteAt + 1
                var segment = i
                var copied = false
                let scratchStart = scratchUsed
                while true {
                    while i < e {
                        b = p[i]
                        if b == 0x22 { break }
                        if b == 0x0A {
                            ln += 1
                        } else if b == 0x0D {
                            if i + 1 < e {
                                if p[i + 1] != 0x0A { ln += 1 }
                            } else if !atEOF {
                                return false
                            }
                        }
                        i += 1
                    }
                    if i == e {
                        if !atEOF { return false }
                        throw FatalError(
                            file: fileName, line: line,
                            reason: "a quoted field opened in the record starting on this line is never closed")
                    }
                    if i + 1 == e, !atEOF { return false }
                    if i + 1 < e, p[i + 1] == 0x22 {
                        // A doubled quote stands for one quote.
                        let n = i + 1 - segment
                        (s + scratchUsed).update(from: p + segment, count: n)
                        scratchUsed += n
                        copied = true
                        i += 2
                        segment = i
                        continue
                    }
                    break
                }
                let contentEnd = i
                i += 1
                // Text between the closing quote and the delimiter is kept (lenient), spaces ignored.
                let tail = i
                var stray = false
                while i < e {
                    b = p[i]
                    if b == 0x2C || b == 0x0A || b == 0x0D { break }
                    if b != 0x20, b != 0x09 { stray = true }
                    i += 1
                }
                if i == e, !atEOF { return false }
                if copied || stray {
                    let n = contentEnd - segment
                    (s + scratchUsed).update(from: p + segment, count: n)
                    scratchUsed += n
                    if stray {
                        (s + scratchUsed).update(from: p + tail, count: i - tail)
                        scratchUsed += i - tail
                    }
                    copied = true
                }
                if nf == fieldLimit { growFields(); f = fields; fieldLimit = fieldCapacity }
                f[nf] = copied
                    ? UnsafeBufferPointer(start: s + scratchStart, count: scratchUsed - scratchStart)
                    : UnsafeBufferPointer(start: p + segment, count: contentEnd - segment)
                nf += 1
                if i == e { break fieldLoop }
            }
            // p[i] is a comma, CR or LF.
            b = p[i]
            if b == 0x2C {
                i += 1
                continue fieldLoop
            }
            if b == 0x0D {
                if i + 1 < e {
                    i += p[i + 1] == 0x0A ? 2 : 1
                } else if atEOF {
                    i += 1
                } else {
                    return false
                }
            } else {
                i += 1
            }
            ln += 1
            break fieldLoop
        }
        recordLine = line
        fieldCount = nf
        start = i
        line = ln
        return true
    }
}
