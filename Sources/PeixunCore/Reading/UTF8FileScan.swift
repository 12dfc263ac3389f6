#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Whether a file is valid UTF-8 as a whole and whether it holds any `"`, found by reading it
/// once. A large file is checked in parts on separate threads, each cut just before a byte that
/// is not a continuation byte: every part then holds whole sequences exactly when the file does
/// (a sequence cut by a part's end is incomplete in the file too), so the verdict is that of one pass.
enum UTF8FileScan {
    static let chunkSize = 8 << 20

    struct Verdict: Equatable { var valid: Bool; var quoteFree: Bool }

    static func scan(path: String, fileName: String, size: Int, parts: Int) throws -> Verdict {
        var bounds = [0]
        if parts > 1 {
            let input = try FileRangeInput(path: path, fileName: fileName, offset: 0, end: size)
            for k in 1..<parts {
                let cut = try sequenceStart(input, at: size * k / parts, size: size)
                if let last = bounds.last, cut > last, cut < size { bounds.append(cut) }
            }
        }
        bounds.append(size)
        let count = bounds.count - 1
        guard count > 1 else { return try scanRange(path: path, fileName: fileName, from: 0, to: size) }
        let verdicts = ScanVerdicts(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { k in
            verdicts.set(k, Result { try scanRange(path: path, fileName: fileName, from: bounds[k], to: bounds[k + 1]) })
        }
        var all = Verdict(valid: true, quoteFree: true)
        for k in 0..<count {
            let v = try verdicts.get(k)
            all.valid = all.valid && v.valid
            all.quoteFree = all.quoteFree && v.quoteFree
        }
        return all
    }

    /// The first position at or after `position` (at most three bytes on) that is not a continuation byte.
    private static func sequenceStart(_ input: FileRangeInput, at position: Int, size: Int) throws -> Int {
        var bytes = [UInt8](repeating: 0, count: 4)
        let n = try bytes.withUnsafeMutableBufferPointer { try input.read(at: position, into: $0.baseAddress!, count: 4) }
        var at = 0
        while at < min(n, 3), bytes[at] & 0xC0 == 0x80 { at += 1 }
        return position + at
    }

    /// Validates `[from, to)` as whole UTF-8 sequences, noting any quote. The range is mapped
    /// into memory and checked where the page cache holds it (no copy into a buffer); when it
    /// cannot be mapped it is read in chunks instead.
    static func scanRange(path: String, fileName: String, from: Int, to: Int) throws -> Verdict {
        if to <= from { return Verdict(valid: true, quoteFree: true) }
        if let mapped = MappedRange(path: path, from: from, to: to) {
            return check(mapped.bytes, count: to - from, done: mapped.release(before:))
        }
        return try readRange(path: path, fileName: fileName, from: from, to: to)
    }

    /// The verdict on `n` bytes in memory, window by window so that the quote search and the
    /// validation read each window while it is in cache.
    /// `done` is told how far the check has come, window by window.
    static func check(_ p: UnsafePointer<UInt8>, count n: Int, done: (Int) -> Void = { _ in }) -> Verdict {
        var verdict = Verdict(valid: true, quoteFree: true)
        let window = 1 << 20
        var i = 0
        while i < n {
            let w = min(window, n - i)
            if verdict.quoteFree && memchr(p + i, 0x22, w) != nil { verdict.quoteFree = false }
            let checked = UTF8Validator.validPrefix(p + i, count: w)
            if checked.invalid { verdict.valid = false; return verdict }
            if i + w == n {
                // A sequence cut off by the end of the range.
                if checked.length < w { verdict.valid = false }
                return verdict
            }
            // A sequence cut by the window's end is checked again at the start of the next one.
            i += checked.length
            done(i)
        }
        return verdict
    }

    private static func readRange(path: String, fileName: String, from: Int, to: Int) throws -> Verdict {
        let input = try FileRangeInput(path: path, fileName: fileName, offset: from, end: to)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize + 8)
        defer { buffer.deallocate() }
        var verdict = Verdict(valid: true, quoteFree: true)
        var carry = 0
        while true {
            var count = 0
            while carry + count < chunkSize {
                let n = try input.read(into: buffer + carry + count, count: chunkSize - carry - count)
                if n == 0 { break }
                count += n
            }
            let total = carry + count
            if verdict.quoteFree && memchr(buffer, 0x22, total) != nil { verdict.quoteFree = false }
            let checked = UTF8Validator.validPrefix(buffer, count: total)
            if checked.invalid { verdict.valid = false; return verdict }
            carry = total - checked.length
            if count == 0 {
                if carry > 0 { verdict.valid = false }  // a sequence cut off by the end of the range
                return verdict
            }
            if carry > 0 { memmove(buffer, buffer + checked.length, carry) }
        }
    }
}

/// The parts' verdicts, each set by its own thread.
private final class ScanVerdicts: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<UTF8FileScan.Verdict, Error>?]
    init(count: Int) { results = Array(repeating: nil, count: count) }
    func set(_ k: Int, _ r: Result<UTF8FileScan.Verdict, Error>) { lock.lock(); results[k] = r; lock.unlock() }
    func get(_ k: Int) throws -> UTF8FileScan.Verdict {
        lock.lock(); defer { lock.unlock() }
        return try results[k]!.get()
    }
}
