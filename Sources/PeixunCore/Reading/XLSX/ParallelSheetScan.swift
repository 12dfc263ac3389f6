import Foundation

/// Reads a large sheet on several threads, with exactly the rows, errors and row numbers of one
/// scan in sequence. One thread inflates the sheet and cuts its XML into segments just after
/// `</row>` tags (`SheetSegmenter`); helper threads scan segments ahead of time as if each began
/// between two rows of the sheet data; the reading thread takes the segments in order and uses
/// a helper's scan only when its own scan, just before that segment, stands exactly there
/// (between tokens, inside `<worksheet><sheetData>`, between rows). Otherwise (the `</row>` was
/// inside a comment, a row at the segment's start has no number, the sheet data has ended…) it
/// scans the segment itself, as a scan in sequence would.
final class ParallelSheetScan: @unchecked Sendable {
    struct Settings {
        /// Threads scanning ahead of the reading thread (which scans too, and takes the rows).
        var helpers = 2
        /// About how long a segment is.
        var segmentBytes = XLSXPackage.chunkSize
        /// Segments held at once (memory: about this many times `segmentBytes`, twice over).
        var capacity = 4
        /// The reading thread waits for the helpers' scans where they may scan, instead of
        /// scanning a segment itself when it gets there first: slower, but every scan ahead of
        /// time is then used wherever it can be, whatever the machine's load (for the tests).
        var waitsForScans = false

        static let standard = Settings()
    }

    /// Between two rows, the scan is this deep: inside `<worksheet><sheetData>`.
    static let rowDepth = 2

    /// A helper's scan of one segment.
    struct Scan {
        var scanner: XMLByteScanner
        var builder: SheetRowBuilder
        /// The error that ended the scan (its row is `builder.rowNumber`).
        var failure: XLSXProblem?
        /// False when the segment must be scanned in sequence anyway.
        var usable: Bool
    }

    private let package: XLSXPackage
    private let sheet: ZipEntry
    private let limits: XLSXLimits
    private let sharedStrings: SharedStrings
    private let settings: Settings
    private let queue: SegmentQueue<Scan>
    /// Segments whose scan ahead of time was used (tests check that the helpers helped).
    private(set) var segmentsScannedAhead = 0

    init(package: XLSXPackage, sheet: ZipEntry, sharedStrings: SharedStrings, settings: Settings) {
        self.package = package
        self.sheet = sheet
        limits = package.limits
        self.sharedStrings = sharedStrings
        self.settings = settings
        queue = SegmentQueue(capacity: settings.capacity, waitsForScans: settings.waitsForScans && settings.helpers > 0)
    }

    /// Scans the whole sheet with `scanner` and `builder` (which are left as the scan in
    /// sequence would leave them, for the row of an error), giving the rows to `body` in order
    /// until it returns false. Returns false if it did.
    func run(scanner: inout XMLByteScanner, builder: inout SheetRowBuilder,
             _ body: (RawRow) throws -> Bool) throws -> Bool {
        let threads = 1 + max(settings.helpers, 0)
        let done = DispatchSemaphore(value: 0)
        Thread { [self] in
            inflate()
            done.signal()
        }.start()
        for _ in 0..<settings.helpers {
            Thread { [self] in
                help()
                done.signal()
            }.start()
        }
        defer {
            queue.cancel()
            for _ in 0..<threads { done.wait() }
        }
        while let taken = try queue.next() {
            switch taken {
            case .unscanned(let segment):
                guard try Self.feed(segment, scanner, &builder, body) else { return false }
            case .scanned(let segment, var scan):
                if scan.usable, scanner.isBetweenTokens(atDepth: Self.rowDepth), builder.isBetweenRows {
                    segmentsScannedAhead += 1
                    scan.builder.continueNumbering(from: builder)
                    scanner = scan.scanner
                    builder = scan.builder
                    guard try builder.rows.deliver(to: body) else { return false }
                    if let failure = scan.failure { throw failure }
                } else {
                    guard try Self.feed(segment, scanner, &builder, body) else { return false }
                }
            }
        }
        return true
    }

    /// Scans `segment` in sequence, then gives the rows it finished to `body` (also those
    /// finished before an error, as a scan in sequence does). False if `body` asked to stop.
    static func feed(_ segment: SheetSegment, _ scanner: XMLByteScanner, _ builder: inout SheetRowBuilder,
                     _ body: (RawRow) throws -> Bool) throws -> Bool {
        try segment.bytes.withUnsafeBytes { try feed($0, scanner, &builder, body) }
    }

    /// `feed` on bytes.
    static func feed(_ bytes: UnsafeRawBufferPointer, _ scanner: XMLByteScanner, _ builder: inout SheetRowBuilder,
                     _ body: (RawRow) throws -> Bool) throws -> Bool {
        do {
            try scanner.feed(bytes, to: &builder)
        } catch {
            guard try builder.rows.deliver(to: body) else { return false }
            throw error
        }
        return try builder.rows.deliver(to: body)
    }

    /// The inflating thread: segments into the queue, then the end (or the error).
    private func inflate() {
        var segmenter = SheetSegmenter(targetBytes: settings.segmentBytes)
        do {
            do {
                try package.stream(sheet, cap: limits.maxPartBytes, mayPipeline: false) { chunk in
                    try segmenter.add(chunk) { try queue.put($0) }
                }
            } catch let error as XLSXProblem {
                // What was inflated before the error is scanned first, as in sequence.
                try segmenter.finish { try queue.put($0) }
                throw error
            }
            try segmenter.finish { try queue.put($0) }
            queue.finish(nil)
        } catch {
            queue.finish(error)
        }
    }

    /// A helper thread: scans segments ahead of time until there are none.
    private func help() {
        while let segment = queue.claim() {
            queue.complete(segment, scan(segment))
        }
    }

    /// A segment scanned as if it began between two rows.
    func scan(_ segment: SheetSegment) -> Scan {
        let scanner = XMLByteScanner(part: sheet.path, limits: limits, resumingAt: Self.rowDepth)
        var builder = SheetRowBuilder(part: sheet.path, limits: limits, sharedStrings: sharedStrings, resuming: true)
        do {
            try segment.bytes.withUnsafeBytes { try scanner.feed($0, to: &builder) }
            return Scan(scanner: scanner, builder: builder, failure: nil, usable: true)
        } catch let problem as XLSXProblem {
            // The row of the error must be known for the error to be the same.
            return Scan(scanner: scanner, builder: builder, failure: problem, usable: builder.rowNumberKnown)
        } catch {
            return Scan(scanner: scanner, builder: builder, failure: nil, usable: false)
        }
    }
}
