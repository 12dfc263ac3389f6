/// Where a counted course row goes: straight into the ledger, or — for a later
/// part of a file read in parallel — into a list merged after the earlier part.
protocol CourseSink {
    mutating func addCourse(person p: Int, course: Int32, module m: Int, hours h: Int128)
}

extension Ledger: CourseSink {}

/// A later part's counted courses per person, in file order, each course once.
struct CourseList: CourseSink {
    /// 24 bytes: the hours as two 64-bit halves, so that an `Int128`'s 16-byte
    /// alignment does not pad every entry to 32 (millions of entries).
    struct Entry {
        var course: Int32
        var module: Int32
        var low: UInt64
        var high: Int64
        var hours: Int128 { Int128(high) << 64 | Int128(low) }
        init(course: Int32, module: Int32, hours: Int128) {
            self.course = course; self.module = module
            low = UInt64(truncatingIfNeeded: hours); high = Int64(truncatingIfNeeded: hours >> 64)
        }
    }
    var entries: [[Entry]]

    init(persons: Int) { entries = [[Entry]](repeating: [], count: persons) }

    mutating func addCourse(person p: Int, course: Int32, module m: Int, hours h: Int128) {
        if entries[p].contains(where: { $0.course == course }) { return }
        entries[p].append(Entry(course: course, module: Int32(m), hours: h))
    }
}
