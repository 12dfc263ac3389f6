import Testing
@testable import PeixunCore

/// The serial steps between reading and writing, done on all cores: the second course part's
/// merge, the release of the course lists and the ranking. Each must give exactly what one
/// thread gives, however the persons (or scopes) are cut into runs.
@Suite struct ParallelMergeTests {
    /// 12 persons, 3 modules. The first part counted: person 0 course 0 (2 h, module 0) and
    /// person 5 course 1 (1 h, module 1). The later part's interner numbers courses differently:
    /// its 0 is our 1, its 1 is our 0, its 2 is new (our 2).
    func twoParts() -> (Ledger, CourseList) {
        var ledger = Ledger(persons: 12, modules: 3, activities: 0)
        ledger.addCourse(person: 0, course: 0, module: 0, hours: 200)
        ledger.addCourse(person: 5, course: 1, module: 1, hours: 100)
        var list = CourseList(persons: 12)
        list.addCourse(person: 0, course: 1, module: 0, hours: 300)   // our course 0 again: not counted
        list.addCourse(person: 0, course: 2, module: 2, hours: 150)   // new: counted
        list.addCourse(person: 5, course: 0, module: 0, hours: 400)   // our course 1 again: not counted
        list.addCourse(person: 5, course: 1, module: 1, hours: 50)    // our course 0: counted
        list.addCourse(person: 11, course: 2, module: 1, hours: 75)   // only in the later part
        list.addCourse(person: 11, course: 2, module: 1, hours: 999)  // repeated within the part
        return (ledger, list)
    }

    static let ids: [Int32] = [1, 0, 2]

    /// The merge as one loop, person by person: the reference.
    func serialMerge(_ ledger: inout Ledger, _ list: CourseList) {
        for p in list.entries.indices {
            for e in list.entries[p] {
                ledger.addCourse(person: p, course: Self.ids[Int(e.course)], module: Int(e.module), hours: e.hours)
            }
        }
    }

    @Test(arguments: [1, 2, 3, 5, 12, 20])
    func courseMergeInRunsEqualsTheSerialMerge(_ parts: Int) {
        var (reference, list) = twoParts()
        serialMerge(&reference, list)
        var (merged, later) = twoParts()
        merged.mergeCourses(&later, ids: Self.ids, parts: parts, minimumPerPart: 1)
        #expect(merged.hours == reference.hours)
        #expect(merged.courses == reference.courses)
        #expect(merged.hasCourse == reference.hasCourse)
        #expect(later.entries.isEmpty)
        // By hand: person 0 keeps its 2 h of module 0 and gains 1.5 h of module 2; person 5 gains
        // 0.5 h of module 1 (course 0) and not the 4 h of its repeated course 1; person 11 0.75 h once.
        #expect(merged.hours[0 * 3 + 0] == 200 && merged.hours[0 * 3 + 2] == 150)
        #expect(merged.hours[5 * 3 + 0] == 0 && merged.hours[5 * 3 + 1] == 150)
        #expect(merged.hours[11 * 3 + 1] == 75)
        #expect(merged.courses[0] == [0, 2] && merged.courses[5] == [1, 0] && merged.courses[11] == [2])
        #expect(merged.hasCourse == (0..<12).map { [0, 5, 11].contains($0) })
    }

    @Test(arguments: [1, 4, 30])
    func releaseEmptiesEveryList(_ parts: Int) {
        var (ledger, list) = twoParts()
        ledger.mergeCourses(&list, ids: Self.ids)
        let hours = ledger.hours
        ledger.releaseCourses(parts: parts, minimumPerPart: 1)
        #expect(ledger.courses.isEmpty)
        #expect(ledger.hours == hours && ledger.hasCourse[11])
    }

    /// 7 坊 of 0 to 13 学员 with many equal totals (the ID decides), a 坊主兼学员 among them.
    func trainees() -> (list: [TraineeResult], groups: [[Int]]) {
        var list: [TraineeResult] = []
        var groups: [[Int]] = []
        for c in 0..<7 {
            var group: [Int] = []
            for n in 0..<(c * 13 % 14) {
                let id = "4110021980010\(c)\(String(n + 10))"
                let role: Role = n == 3 ? .tutorTrainee : .trainee
                if role == .trainee { group.append(list.count) }
                list.append(RankingTests.trainee(id, total: Int64(9000 + (n * 7 % 5) * 100), recommended: n % 4 == 1,
                                                 cls: "坊\(c)", role: role))
            }
            groups.append(group)
        }
        return (list, groups)
    }

    @Test(arguments: [1, 2, 3, 7, 16])
    func rankingInRunsOfScopesEqualsOneThread(_ parts: Int) throws {
        let rules = try TestSchemes.seed().trainee
        let (list, groups) = trainees()
        var byDictionary = list
        Ranking.rankTrainees(&byDictionary, rules: rules)
        var byGroups = list
        Ranking.rank(&byGroups, groups: groups.filter { !$0.isEmpty }, ratio: rules.excellentRatio, parts: parts, minimumPerPart: 1)
        #expect(byGroups == byDictionary)
        var byClasses = list
        Ranking.rankTrainees(&byClasses, rules: rules, classGroups: groups)
        #expect(byClasses == byDictionary)
        // 坊1 has 13 rows, n = 3 the 坊主兼学员: 12 学员, quota floor(12 × 10 %) = 1. Its best total
        // is 9400 (n = 2, 7, 12: none 推优, same homework and hours), so the smallest ID (n = 2) is first.
        let first = try #require(byGroups.first { $0.person.className == "坊1" && $0.rank == 1 })
        #expect(first.id == "4110021980010112" && first.excellent && first.scopeSize == 12 && first.quota == 1)
        #expect(byGroups.filter { $0.person.className == "坊1" && $0.excellent }.count == 1)
        #expect(byGroups.filter { $0.role == .tutorTrainee }.allSatisfy { $0.rank == nil })
    }
}
