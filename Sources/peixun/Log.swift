import Foundation

/// Messages for people, on stderr. Quiet under cron (no terminal) except for
/// warnings and errors; never shows a full ID number.
enum Log {
    static let isTerminal = isatty(STDERR_FILENO) != 0
    nonisolated(unsafe) static var verbose = false

    static func info(_ message: String) {
        guard isTerminal || verbose else { return }
        write("peixun: \(message)")
    }

    /// Always printed: a summary line a cron mail should contain.
    static func notice(_ message: String) { write("peixun: \(message)") }

    static func warning(_ message: String) { write("peixun: warning: \(message)") }

    static func error(_ message: String) { write("peixun: error: \(message)") }

    private static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
