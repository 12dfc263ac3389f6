import PropertyBased
import Testing
@testable import PeixunCore

@Suite struct PropertyTests {
    static let scheme = try! TestSchemes.seed()

    /// More hours in any module never lower the module's points or the total.
    @Test func moreHoursNeverLowerAScore() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...4), Gen.int(in: 0...50_000), Gen.int(in: 0...50_000)) { m, a, b in
            let module = Self.scheme.modules[m % Self.scheme.modules.count]
            let low = Hours(nano: Int64(min(a, b)) * 1_000_000), high = Hours(nano: Int64(max(a, b)) * 1_000_000)
            #expect(TraineeScoring.modulePoints(module, hours: low) <= TraineeScoring.modulePoints(module, hours: high))
        }
    }

    /// Items always sum to the total, and the total never exceeds 100.
    @Test func itemsAlwaysSumToTheTotal() async throws {
        await propertyCheck(count: 200, input: Gen.int(in: 0...25_000).array(of: 4), Gen.bool.array(of: 2), Gen.int(in: -2...2)) { milli, acts, grade in
            var ledger = Ledger(persons: 1, modules: 4, activities: 2)
            for (m, h) in milli.enumerated() { ledger.hours[m] = Hours(nano: Int64(h) * 1_000_000).units }
            for (i, done) in acts.enumerated() { ledger.activityDone[i] = done }
            ledger.homeworkGrade[0] = Int16(grade)
            ledger.homeworkTime[0] = 0
            let p = Person(id: "X", name: "X", gender: "", county: "", school: "", stage: "", subject: "", className: "c",
                           role: .trainee, line: 2)
            let t = TraineeScoring.score(person: p, index: 0, ledger: ledger, scheme: Self.scheme)
            let sum = t.modulePoints.reduce(Points.zero, +) + t.activityPoints.reduce(Points.zero, +) + t.homework.points
            #expect(sum == t.total)
            #expect(t.total <= Points(hundredths: 10_000))
            #expect(t.passed == (t.total >= Points(hundredths: 9_000)))
        }
    }
}
