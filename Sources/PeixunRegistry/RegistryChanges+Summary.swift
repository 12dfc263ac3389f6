import Foundation
import PeixunCore

extension RegistryChanges {
    /// A bilingual summary for the CLI log and `changes.txt`: counts first, then
    /// one line per certificate or person (masked IDs only).
    public var summaryText: String {
        var lines: [String] = []
        lines.append("证书登记变更 Certificate registry changes — \(programmeName) (\(programmeCode))")
        let previous: String
        if let previousRun, let previousRunAt {
            previous = "上次运行 previous run #\(previousRun) at \(Self.timeText(previousRunAt))"
        } else {
            previous = "首次运行，无可比较的上次运行 first run: nothing to compare with"
        }
        lines.append("本次运行 run #\(run) at \(Self.timeText(runAt)); \(previous)")
        if isEmpty && !isFirstRun {
            lines.append("无变化 No changes since the previous run.")
            return lines.joined(separator: "\n") + "\n"
        }
        section(&lines, "新发证书 Issued", issued)
        section(&lines, "撤销证书 Revoked (no longer qualifies)", revoked)
        section(&lines, "恢复证书 Reinstated (qualifies again, same number)", reinstated)
        section(&lines, "持证人信息更新 Holder data updated (reprint: the verification code changes with the name)",
                holderUpdated)
        if !isFirstRun {
            section(&lines, "新达合格线 Crossed the pass line", nowPassed)
            section(&lines, "跌破合格线 Fell below the pass line", noLongerPassed)
            section(&lines, "新入优秀 Crossed the honour line (优秀学员 / 优秀辅导教师)", nowExcellent)
            section(&lines, "退出优秀 Fell below the honour line", noLongerExcellent)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func section(_ lines: inout [String], _ title: String, _ items: [Certificate]) {
        lines.append("\(title): \(items.count)")
        for c in items {
            var line = "  \(c.kind.title) \(c.number)  \(c.name)  \(c.maskedID)  \(c.county) / \(c.school)"
            if let detail = c.detail { line += "  (\(detail))" }
            lines.append(line)
        }
    }

    private func section(_ lines: inout [String], _ title: String, _ items: [Person]) {
        lines.append("\(title): \(items.count)")
        for p in items {
            let role = p.role == "tutor" ? "坊主 tutor" : "学员 trainee"
            let totals = "\(p.previousTotal ?? "—") → \(p.total ?? "不在名单 not in roster")"
            lines.append("  \(role)  \(p.name)  \(p.maskedID)  \(p.county) / \(p.school)  \(totals)")
        }
    }

    /// Beijing time, where the training centres are (`2021-12-31T09:00:00+08:00`).
    public static func timeText(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)
        return formatter.string(from: date)
    }

    /// `changes.json`: the same content, machine-readable (dates ISO 8601, keys sorted).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }

    /// Writes `changes.txt` and `changes.json` into `folder` (which must exist).
    public func write(to folder: URL) throws {
        try Data(summaryText.utf8).write(to: folder.appendingPathComponent("changes.txt"), options: .atomic)
        var json = try jsonData()
        json.append(UInt8(ascii: "\n"))
        try json.write(to: folder.appendingPathComponent("changes.json"), options: .atomic)
    }
}
