/// Indexes of `Results` built once per run, so facts for thousands of 坊
/// stay linear in the number of people.
public struct BriefingLookup: Sendable {
    /// Person ID → index in `Results.trainees`.
    public var traineeIndex: [String: Int]
    /// Person ID → index in `Results.tutors`.
    public var tutorIndex: [String: Int]

    public init(results: Results) {
        var trainees = [String: Int](minimumCapacity: results.trainees.count)
        for (i, t) in results.trainees.enumerated() where trainees[t.id] == nil { trainees[t.id] = i }
        var tutors = [String: Int](minimumCapacity: results.tutors.count)
        for (i, t) in results.tutors.enumerated() where tutors[t.id] == nil { tutors[t.id] = i }
        traineeIndex = trainees
        tutorIndex = tutors
    }

    /// Days left from the data date to the period's last day, mid-term only.
    public static func remainingDays(_ results: Results) -> Int? {
        guard results.isMidTerm else { return nil }
        return max(0, Int(results.scheme.programme.periodEnd.dayNumber - results.dataDate.dayNumber))
    }
}
