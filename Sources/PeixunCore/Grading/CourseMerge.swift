import Foundation

extension Ledger {
    /// Adds a later part's counted courses after ours: for each person, its courses in file
    /// order, each counted unless already counted (the first counted row wins), with course ids
    /// renamed through `ids` (the later part's interner → ours). Persons are independent, so
    /// runs of persons are merged on all cores (`parts` × 32 runs at most, of at least
    /// `minimumPerPart` persons); each entry list is freed as it is merged.
    mutating func mergeCourses(_ list: inout CourseList, ids: [Int32], parts: Int = RecordStage.partCount,
                               minimumPerPart: Int = 4096) {
        let persons = min(personCount, list.entries.count)
        // A later part's persons sit together (the rows of a person come together), so the
        // runs are many small ones, taken by whichever core is free, not one half per core.
        let parts = max(1, min(parts * 32, persons / max(1, minimumPerPart)))
        let modules = moduleCount
        courses.withUnsafeMutableBufferPointer { courses in
            hours.withUnsafeMutableBufferPointer { hours in
                hasCourse.withUnsafeMutableBufferPointer { hasCourse in
                    list.entries.withUnsafeMutableBufferPointer { entries in
                        let shared = MergeBuffers(courses: courses, hours: hours, hasCourse: hasCourse, entries: entries)
                        DispatchQueue.concurrentPerform(iterations: parts) { k in
                            let range = (persons * k / parts)..<(persons * (k + 1) / parts)
                            shared.merge(range, ids: ids, modules: modules)
                        }
                    }
                }
            }
        }
        list.entries = []
    }
}

/// The ledger's and the list's storage, shared by the threads of a merge: each thread
/// touches only the slots of its own persons.
private struct MergeBuffers: @unchecked Sendable {
    let courses: UnsafeMutableBufferPointer<[Int32]>
    let hours: UnsafeMutableBufferPointer<Int128>
    let hasCourse: UnsafeMutableBufferPointer<Bool>
    let entries: UnsafeMutableBufferPointer<[CourseList.Entry]>

    func merge(_ persons: Range<Int>, ids: [Int32], modules: Int) {
        for p in persons {
            let later = entries[p]
            if later.isEmpty { continue }
            for e in later {
                let course = ids[Int(e.course)]
                if courses[p].contains(course) { continue }
                courses[p].append(course)
                hours[p * modules + Int(e.module)] += e.hours
                hasCourse[p] = true
            }
            entries[p] = []
        }
    }
}

extension Ledger {
    /// Drops the per-person course lists (only the course table needs them), freeing the
    /// million small arrays on all cores rather than one by one on this thread.
    mutating func releaseCourses(parts: Int = RecordStage.partCount, minimumPerPart: Int = 4096) {
        let persons = courses.count
        let parts = max(1, min(parts, persons / max(1, minimumPerPart)))
        if parts > 1 {
            courses.withUnsafeMutableBufferPointer { courses in
                let shared = CourseLists(courses: courses)
                DispatchQueue.concurrentPerform(iterations: parts) { k in
                    for p in (persons * k / parts)..<(persons * (k + 1) / parts) { shared.courses[p] = [] }
                }
            }
        }
        courses = []
    }
}

/// The ledger's course lists, each thread emptying the lists of its own persons.
private struct CourseLists: @unchecked Sendable {
    let courses: UnsafeMutableBufferPointer<[Int32]>
}
