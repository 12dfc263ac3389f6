import Foundation

/// Stages of a run that only read the results — results.json, the rosters, the briefings — run on
/// their own threads while the certificates are drawn, so a rerun that draws little does not wait
/// for each of them in turn. Each keeps its own wall time; `join` waits for all of them.
final class SideStages: @unchecked Sendable {
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var started: [String] = []
    private var errors: [Int: Error] = [:]
    private var seconds: [Int: Double] = [:]

    /// Starts `body` on a new thread (its own 8 MB stack, like the main thread's).
    func start(_ name: String, _ body: @escaping () throws -> Void) {
        let index = lock.withLock { started.append(name); return started.count - 1 }
        group.enter()
        let thread = Thread { [self] in
            let begin = Date()
            var failure: Error?
            do { try body() } catch { failure = error }
            let elapsed = Date().timeIntervalSince(begin)
            lock.withLock {
                seconds[index] = elapsed
                if let failure { errors[index] = failure }
            }
            group.leave()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for every stage started; throws the error of the first one (in start order) that
    /// failed, else gives each stage's name and wall time, in start order.
    @discardableResult
    func join() throws -> [(name: String, seconds: Double)] {
        group.wait()
        return try lock.withLock {
            if let first = errors.keys.min(), let error = errors[first] { throw error }
            return started.enumerated().map { ($0.element, seconds[$0.offset] ?? 0) }
        }
    }
}

/// A value set on one thread and read on another after `SideStages.join`.
final class SideResult<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?
    var value: Value? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
