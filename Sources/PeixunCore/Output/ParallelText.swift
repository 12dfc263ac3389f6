import Foundation

/// Renders a long list of items (a million trainees) on all cores, in rounds: each round
/// renders consecutive batches of items into memory, two per core, while the previous round's
/// batches are written out in order beside them. The text is byte for byte that of one pass;
/// memory stays at two rounds' batches, their buffers reused from round to round.
enum ParallelText {
    static let batchSize = 4096

    static func write(count: Int, to out: BufferedOutput, batchSize: Int = batchSize,
                      _ render: (Int, inout JSONText) -> Void) {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        guard cores > 1, count > batchSize else {
            var text = JSONText()
            for i in 0..<count { render(i, &text) }
            out.write(contentsOf: text.bytes)
            return
        }
        let perRound = 2 * cores
        let rounds = RoundBuffers(batches: perRound)
        var start = 0
        var pending = false
        while start < count || pending {
            let batches = (0..<perRound).map { k in
                min(count, start + k * batchSize)..<min(count, start + (k + 1) * batchSize)
            }
            // Item 0 writes the previous round; items 1... render this one's batches.
            let writes = pending ? 1 : 0
            DispatchQueue.concurrentPerform(iterations: writes + perRound) { item in
                if item < writes {
                    for k in 0..<perRound { out.write(contentsOf: rounds.previous[k].bytes) }
                    return
                }
                let k = item - writes
                rounds.current[k].bytes.removeAll(keepingCapacity: true)
                for i in batches[k] { render(i, &rounds.current[k]) }
            }
            pending = start < count
            rounds.swap()
            start = min(count, start + perRound * batchSize)
        }
    }
}

/// Two sets of batch buffers: the round being rendered and the round being written. Each batch
/// is its own slot, so the threads rendering a round never touch a shared array.
private final class RoundBuffers: @unchecked Sendable {
    private(set) var current: UnsafeMutablePointer<JSONText>
    private(set) var previous: UnsafeMutablePointer<JSONText>
    private let count: Int
    init(batches: Int) {
        count = batches
        current = .allocate(capacity: batches)
        current.initialize(repeating: JSONText(), count: batches)
        previous = .allocate(capacity: batches)
        previous.initialize(repeating: JSONText(), count: batches)
    }
    deinit {
        current.deinitialize(count: count); current.deallocate()
        previous.deinitialize(count: count); previous.deallocate()
    }
    func swap() { Swift.swap(&current, &previous) }
}
