import Foundation

/// Renders a long list of items (a million trainees) on all cores, in rounds: each round
/// renders one batch of consecutive items per core into memory, then writes the batches in
/// order. The text is byte for byte that of one pass; memory stays at a round's batches.
enum ParallelText {
    static let batchSize = 8192

    static func write(count: Int, to out: BufferedOutput, batchSize: Int = batchSize,
                      _ render: (Int, BufferedOutput) -> Void) {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        guard cores > 1, count > batchSize else {
            for i in 0..<count { render(i, out) }
            return
        }
        var start = 0
        while start < count {
            let batches = (0..<cores).map { k in
                min(count, start + k * batchSize)..<min(count, start + (k + 1) * batchSize)
            }.filter { !$0.isEmpty }
            let parts = batches.map { _ in BufferedOutput(memoryCapacity: 1 << 20) }
            DispatchQueue.concurrentPerform(iterations: batches.count) { k in
                for i in batches[k] { render(i, parts[k]) }
            }
            for part in parts { out.write(contentsOf: part) }
            start = batches.last.map(\.upperBound) ?? count
        }
    }
}
