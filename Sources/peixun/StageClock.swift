import Foundation

/// Wall time and peak memory of each stage of a run, for `--timings` and
/// `bench/run.sh`. Peak memory is the process's high-water mark (VmHWM) at
/// the end of the stage, so it never goes down from one stage to the next.
final class StageClock: @unchecked Sendable {
    struct Stage { var name: String; var seconds: Double; var peakMB: Double }

    private let lock = NSLock()
    private(set) var stages: [Stage] = []
    private var last = Date()
    private let started = Date()

    /// Ends the stage that began at the previous mark (or at the start).
    func mark(_ name: String) {
        let now = Date()
        lock.withLock {
            stages.append(Stage(name: name, seconds: max(0, now.timeIntervalSince(last) - inner), peakMB: Self.peakMB()))
            last = now
            inner = 0
        }
    }

    private var inner = 0.0

    /// Records a stage timed elsewhere, inside the current one: the next `mark`
    /// counts only the time not recorded this way.
    func add(_ name: String, seconds: Double) {
        lock.withLock {
            stages.append(Stage(name: name, seconds: seconds, peakMB: Self.peakMB()))
            inner += seconds
        }
    }

    /// Records a stage that ran on its own thread beside the others (`SideStages`): listed as
    /// "beside: <name>", it takes nothing off the next `mark`.
    func addBeside(_ name: String, seconds: Double) {
        lock.withLock { stages.append(Stage(name: "beside: " + name, seconds: seconds, peakMB: Self.peakMB())) }
    }

    /// `stage<TAB>seconds<TAB>peak MB` lines, then `total`.
    var text: String {
        lock.withLock {
            var out = "stage\tseconds\tpeak_mb\n"
            for s in stages { out += s.name + String(format: "\t%.3f\t%.0f\n", s.seconds, s.peakMB) }
            out += String(format: "total\t%.3f\t%.0f\n", Date().timeIntervalSince(started), Self.peakMB())
            return out
        }
    }

    /// VmHWM from /proc/self/status, in MB (0 where there is none).
    static func peakMB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kb / 1024
    }
}
