/// PeixunCore — scheme, export reading, validation, grading and ranking.
///
/// The pipeline: `ExportFiles → Records (+ Anomalies) → Gradebook → Ranking → Results`.
/// Pure Swift; no C library, no output files except the plain-text results writers.
public enum PeixunCore {
    public static let version = "0.1.0"
}
