/// The anomaly report as CSV (`anomalies.csv` in a run's output): one row per
/// problem with file, line, kind, the kind in Chinese and the message.
public enum AnomaliesCSV {
    /// Anomalies (rows left out), then notices (rows used, worth a look).
    public static func write(_ anomalies: [Anomaly], notices: [Anomaly] = [], to out: BufferedOutput) {
        out.write("\u{FEFF}")  // so that Excel opens the Chinese text as UTF-8
        out.write(CSVText.row(["级别", "文件", "行号", "类型", "类型说明", "说明"]))
        for (level, list) in [("异常", anomalies), ("提示", notices)] {
            for a in list {
                out.write(CSVText.row([level, CSVText.field(a.file), a.line.map(String.init) ?? "", a.kind.rawValue,
                                       CSVText.field(a.kind.label), CSVText.field(a.message)]))
            }
        }
    }

    /// `courses.csv:12: bad_time: 完成时间 … ` — one line per anomaly, for terminals.
    public static func text(_ a: Anomaly) -> String {
        "\(a.file):\(a.line.map(String.init) ?? "-"): \(a.kind.rawValue): \(a.message)"
    }
}
