import Foundation

/// A one-line progress bar on a terminal (stderr); silent under cron.
final class Progress: @unchecked Sendable {
    private let label: String
    private let total: Int
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private let enabled: Bool

    init(label: String, total: Int) {
        self.label = label
        self.total = total
        enabled = Log.isTerminal && total > 0
    }

    /// Called from any thread with (done, total).
    var update: @Sendable (Int, Int) -> Void {
        { [self] done, total in
            guard enabled else { return }
            lock.lock(); defer { lock.unlock() }
            let now = Date()
            guard done == total || now.timeIntervalSince(lastDraw) > 0.1 else { return }
            lastDraw = now
            let width = 30
            let filled = total == 0 ? width : width * done / total
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
            FileHandle.standardError.write(Data("\r\(label) \(bar) \(done)/\(total)".utf8))
        }
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
