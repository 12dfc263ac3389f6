/// Row and people counts of one block, summed into the summary.
struct SampleCounts {
    var rosterRows = 0, courseRows = 0, activityRows = 0, homeworkRows = 0, postRows = 0
    var trainees = 0, tutors = 0, tutorTrainees = 0
    /// Deliberate anomaly rows in courses.csv, by `SampleAnomalyKind.rawValue`.
    var anomalies = [0, 0, 0, 0]

    mutating func add(_ other: SampleCounts) {
        rosterRows += other.rosterRows; courseRows += other.courseRows; activityRows += other.activityRows
        homeworkRows += other.homeworkRows; postRows += other.postRows
        trainees += other.trainees; tutors += other.tutors; tutorTrainees += other.tutorTrainees
        for k in anomalies.indices { anomalies[k] += other.anomalies[k] }
    }
}

/// What `SampleGenerator.write(to:)` wrote.
public struct SampleSummary: Sendable, Equatable {
    /// Roster people (学员名单 rows).
    public var people: Int
    /// 坊
    public var classes: Int
    /// 学员 (role 学员 only).
    public var trainees: Int
    /// 坊主 and 坊主兼学员 — one per 坊.
    public var tutors: Int
    /// 坊主兼学员 among the tutors.
    public var tutorTrainees: Int
    /// Data rows (header excluded) per file name, e.g. `courses.csv`.
    public var rows: [String: Int]
    /// Deliberate anomaly rows in courses.csv by kind: `unknown_module`,
    /// `bad_hours`, `out_of_period`, `unknown_id`.
    public var anomalies: [String: Int]
    /// Bytes written over all files.
    public var bytes: Int
    /// The files written, full paths, in the order roster, courses, activities, homework, tutor posts.
    public var files: [String]
}
