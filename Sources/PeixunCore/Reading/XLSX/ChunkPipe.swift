import Foundation

/// Chunks handed from an inflating thread to a reading one; the writer waits while
/// `capacity` chunks are queued, so memory stays bounded.
final class ChunkPipe: @unchecked Sendable {
    struct Cancelled: Error {}

    let capacity = 4
    private let condition = NSCondition()
    private var queue: [Data] = []
    private var finished = false
    private var failure: Error?
    private var cancelled = false

    /// Writer: queues a chunk; throws Cancelled once the reader has gone.
    func put(_ data: Data) throws {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= capacity, !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        queue.append(data)
        condition.broadcast()
    }

    /// Writer: no more chunks, with the error that ended them if any.
    func finish(_ error: Error?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// Reader: the next chunk, nil at the end; rethrows the writer's error.
    func take() throws -> Data? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty, !finished { condition.wait() }
        if !queue.isEmpty {
            condition.broadcast()
            return queue.removeFirst()
        }
        if let failure { throw failure }
        return nil
    }

    /// Reader: stops the writer at its next chunk.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
