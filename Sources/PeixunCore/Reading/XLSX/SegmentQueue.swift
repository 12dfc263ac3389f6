import Foundation

/// The segments of a sheet between the thread that inflates them, helper threads that scan
/// some ahead of time, and the reading thread that takes them all in order. At most `capacity`
/// segments are held (waiting, being scanned or scanned), so memory stays bounded.
final class SegmentQueue<Scan>: @unchecked Sendable {
    struct Cancelled: Error {}

    /// What the reading thread gets: a segment to scan itself, or one scanned ahead of time.
    enum Taken {
        case unscanned(SheetSegment)
        case scanned(SheetSegment, Scan)
    }

    private enum State {
        case waiting
        case scanning
        case scanned(Scan)
    }

    let capacity: Int
    /// The reading thread waits for a helper's scan of every segment a helper may claim
    /// instead of taking it unscanned (needs a helper thread).
    let waitsForScans: Bool
    private let condition = NSCondition()
    private var segments: [SheetSegment] = []
    private var states: [State] = []
    /// The index (`SheetSegment.index`) of `segments[0]`.
    private var firstIndex = 0
    private var finished = false
    private var failure: Error?
    private var cancelled = false

    init(capacity: Int, waitsForScans: Bool = false) {
        self.capacity = max(capacity, 1)
        self.waitsForScans = waitsForScans
    }

    /// Inflating thread: queues a segment, waiting while the queue is full; throws Cancelled
    /// once the reader has gone.
    func put(_ segment: SheetSegment) throws {
        condition.lock()
        defer { condition.unlock() }
        while segments.count >= capacity, !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        segments.append(segment)
        states.append(.waiting)
        condition.broadcast()
    }

    /// Inflating thread: no more segments, with the error that ended them if any.
    func finish(_ error: Error?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// Helper thread: the earliest waiting segment that starts after a row end, now marked as
    /// being scanned; nil once there will be none.
    func claim() -> SheetSegment? {
        condition.lock()
        defer { condition.unlock() }
        while !cancelled {
            for (offset, segment) in segments.enumerated() where segment.afterRowEnd {
                if case .waiting = states[offset] {
                    states[offset] = .scanning
                    return segment
                }
            }
            if finished { return nil }
            condition.wait()
        }
        return nil
    }

    /// Helper thread: the scan of a claimed segment.
    func complete(_ segment: SheetSegment, _ scan: Scan) {
        condition.lock()
        let offset = segment.index - firstIndex
        if offset >= 0, offset < states.count { states[offset] = .scanned(scan) }
        condition.broadcast()
        condition.unlock()
    }

    /// Reading thread: the next segment in order, nil at the end; waits while a helper scans
    /// it, takes it unscanned if no helper has; rethrows the inflating thread's error.
    func next() throws -> Taken? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let segment = segments.first {
                switch states[0] {
                case .scanning:
                    condition.wait()
                    continue
                case .waiting:
                    if waitsForScans, segment.afterRowEnd, !cancelled {
                        condition.wait()
                        continue
                    }
                    pop()
                    return .unscanned(segment)
                case .scanned(let scan):
                    pop()
                    return .scanned(segment, scan)
                }
            }
            if finished {
                if let failure { throw failure }
                return nil
            }
            condition.wait()
        }
    }

    private func pop() {
        segments.removeFirst()
        states.removeFirst()
        firstIndex += 1
        condition.broadcast()
    }

    /// Reading thread: stops the inflating and helper threads at their next call.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
