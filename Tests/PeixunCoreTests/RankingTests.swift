import Testing
@testable import PeixunCore

@Suite struct RankingTests {
    static func trainee(_ id: String, total: Int64, recommended: Bool = false, homework: Int64 = 0, hours: Int = 60,
                        cls: String = "坊", role: Role = .trainee) -> TraineeResult {
        let p = Person(id: id, name: id, gender: "", county: "县", school: "校", stage: "", subject: "", className: cls,
                       role: role, line: 1)
        return TraineeResult(
            person: p, hours: [Hours(whole: hours)], modulePoints: [], activitiesCompleted: [], activityPoints: [],
            homework: HomeworkOutcome(status: homework > 0 ? .graded : .missing, grade: nil, recommended: recommended,
                                      points: Points(hundredths: homework * 100), submittedAt: nil),
            total: Points(hundredths: total), passed: total >= 9000, passBasis: total >= 9000 ? .score : nil,
            rank: nil, scopeSize: nil, quota: nil, excellent: false, participated: true, certificates: [])
    }

    /// Each pair differs at exactly one tie-break level; the first must precede.
    @Test(arguments: [
        ("total", trainee("2", total: 9601), trainee("1", total: 9600, recommended: true, homework: 10)),
        ("推优", trainee("2", total: 9600, recommended: true, homework: 6), trainee("1", total: 9600, homework: 10)),
        ("homework", trainee("2", total: 9600, homework: 10, hours: 60), trainee("1", total: 9600, homework: 8, hours: 90)),
        ("hours", trainee("2", total: 9600, hours: 61), trainee("1", total: 9600, hours: 60)),
        ("id", trainee("411002198001010011", total: 9600), trainee("411002198001010012", total: 9600)),
    ])
    func tieBreakOrder(_ level: String, _ first: TraineeResult, _ second: TraineeResult) {
        #expect(Ranking.traineePrecedes(first, second), "\(level)")
        #expect(!Ranking.traineePrecedes(second, first), "\(level)")
    }

    @Test(arguments: [(9, 0), (10, 1), (19, 1), (20, 2), (0, 0), (1, 0)])
    func quotaIsFloorOfTenPercent(_ size: Int, _ quota: Int) {
        #expect(Ranking.quota(ratio: Fraction(1, 10), count: size) == quota)
    }

    @Test func classOfNineHasNoExcellentTraineeAndRanksAreNotShared() throws {
        var list = (0..<9).map { Self.trainee("\($0)", total: 10000) }
        Ranking.rankTrainees(&list, rules: try TestSchemes.seed().trainee)
        #expect(list.map(\.rank) == Array(1...9).map { Optional($0) })
        #expect(list.allSatisfy { !$0.excellent && $0.quota == 0 })
    }

    @Test func excellentNeedsAPassAndTutorTraineesAreNotRanked() throws {
        var list = (0..<10).map { Self.trainee("\($0)", total: 8000) }
        list.append(Self.trainee("T", total: 10000, role: .tutorTrainee))
        Ranking.rankTrainees(&list, rules: try TestSchemes.seed().trainee)
        #expect(list[0].rank == 1 && !list[0].excellent)   // first of 10, but failed
        #expect(list[10].rank == nil && !list[10].excellent)
    }

    @Test func scopesAreSeparate() throws {
        var list = (0..<10).map { Self.trainee("a\($0)", total: Int64(9000 + $0), cls: "甲坊") }
            + (0..<10).map { Self.trainee("b\($0)", total: Int64(9500 + $0), cls: "乙坊") }
        Ranking.rankTrainees(&list, rules: try TestSchemes.seed().trainee)
        #expect(list.filter(\.excellent).map(\.id) == ["a9", "b9"])
    }
}
