/// Which timestamps count: the programme period `[start, end)`, and for a
/// mid-term run an as-of cut-off after which records have "not happened yet".
public struct Period: Sendable, Equatable {
    public var start: Timestamp
    /// First instant after the period (the day after period_end, 00:00).
    public var end: Timestamp
    /// First instant after the data date (end, or the day after --as-of).
    public var cutoff: Timestamp

    public init(programme: Programme, asOf: CivilDate? = nil) {
        start = programme.periodStartTime
        end = programme.periodEndTime
        if let asOf, Timestamp(date: asOf.adding(days: 1)) < end {
            cutoff = Timestamp(date: asOf.adding(days: 1))
        } else {
            cutoff = end
        }
    }

    public enum Placement { case inside, outside, afterCutoff }

    @inline(__always) public func place(_ t: Timestamp) -> Placement {
        if t < start || t >= end { return .outside }
        return t >= cutoff ? .afterCutoff : .inside
    }
}
