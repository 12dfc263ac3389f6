import Testing
@testable import PeixunCore

@Suite struct TraineeLacksTests {
    @Test func informationTechnology14Of20LacksSixHours() throws {
        let s = try BriefingFixtures.seedScheme()
        let t = BriefingFixtures.trainee(s, BriefingFixtures.person("丙三", n: 3), hours: [15, 15, 10, 14],
                                         activities: [true, false], homework: .missing)
        #expect(t.total == Points(hundredths: 7400))
        let lacks = try #require(TraineeLacks(trainee: t, index: 2, scheme: s))
        #expect(lacks.items == ["信息技术 还差 6 学时", "活动 信息技术应用大PK 未完成", "作业 未提交"])
        #expect(lacks.summary == "信息技术 还差 6 学时；活动 信息技术应用大PK 未完成；作业 未提交")
        #expect(lacks.gap == Fraction(16))
        #expect(lacks.gapText == "差 16 分")
        // 6 + 10 + 10 points are on the table; 16 are needed.
        #expect(lacks.available == Points(hundredths: 2600))
        #expect(lacks.canStillPass)
        #expect(lacks.modules.map(\.missing) == [Hours(whole: 6)])
    }

    @Test func passedTraineeLacksNothing() throws {
        let s = try BriefingFixtures.seedScheme()
        let t = BriefingFixtures.trainee(s, BriefingFixtures.person("乙二", n: 2), hours: [15, 15, 10, 14],
                                         activities: [true, true], homework: .graded, grade: "良好")
        #expect(t.passed)
        #expect(TraineeLacks(trainee: t, index: 0, scheme: s) == nil)
    }

    @Test func pendingHomeworkIsListedAsAwaitingReview() throws {
        let s = try BriefingFixtures.seedScheme()
        let t = BriefingFixtures.trainee(s, BriefingFixtures.person("丁四", n: 4), hours: [15, 15, 10, 18],
                                         activities: [true, true], homework: .pending)
        let lacks = try #require(TraineeLacks(trainee: t, index: 3, scheme: s))
        #expect(lacks.summary == "信息技术 还差 2 学时；作业 待批阅")
        #expect(lacks.gap == Fraction(2))
    }

    @Test func fractionalShortfallIsRoundedUp() throws {
        let s = try BriefingFixtures.seedScheme()
        var t = BriefingFixtures.trainee(s, BriefingFixtures.person("己六", n: 6), hours: [15, 15, 10, 20],
                                         activities: [false, true], homework: .graded, grade: "中等")
        // 信息技术 counted 19.666666667 h: 0.333333333 h short, shown as 0.34.
        t.hours[3] = Hours(nano: 19_666_666_667)
        t.passed = false
        let lacks = try #require(TraineeLacks(trainee: t, index: 0, scheme: s))
        #expect(lacks.items.first == "信息技术 还差 0.34 学时")
        #expect(BriefingFormat.hoursNeeded(Hours(nano: 333_333_333)) == "0.34")
    }

    @Test func gradedBelowTheTopIsNotALack() throws {
        let s = try BriefingFixtures.seedScheme()
        // 70 + 10 + 6 = 86: only the activity is missing, and it would pass.
        let t = BriefingFixtures.trainee(s, BriefingFixtures.person("庚七", n: 7), hours: [15, 15, 10, 20],
                                         activities: [false, true], homework: .graded, grade: "中等")
        let lacks = try #require(TraineeLacks(trainee: t, index: 0, scheme: s))
        #expect(lacks.summary == "活动 我的近期发展规划 未完成")
        #expect(lacks.gap == Fraction(4))
    }

    @Test func aTraineeWhoCannotReachThePassLineAnyMoreIsMarked() throws {
        var s = try BriefingFixtures.seedScheme()
        // All hours (70), homework graded 中等 (6), one activity missing: 86 now, 96 at most.
        let t = BriefingFixtures.trainee(s, BriefingFixtures.person("壬九", n: 9), hours: [15, 15, 10, 20],
                                         activities: [true, false], homework: .graded, grade: "中等")
        #expect(try #require(TraineeLacks(trainee: t, index: 0, scheme: s)).canStillPass)
        // A scheme whose pass score is 99 puts the line out of reach.
        s.trainee.passScore = Fraction(99)
        let lacks = try #require(TraineeLacks(trainee: t, index: 0, scheme: s))
        #expect(lacks.gap == Fraction(13))
        #expect(lacks.available == Points(hundredths: 1000))
        #expect(!lacks.canStillPass)
    }

    @Test func tutorTraineeShowsHoursStillNeededForTheHoursRule() throws {
        let s = try BriefingFixtures.seedScheme()
        let t = BriefingFixtures.trainee(s, BriefingFixtures.person("辛八", n: 8, role: .tutorTrainee),
                                         hours: [15, 10, 10, 0], activities: [false, false], homework: .missing)
        let lacks = try #require(TraineeLacks(trainee: t, index: 0, scheme: s))
        #expect(lacks.tutorHoursMissing == Hours(whole: 5))
        #expect(lacks.items.last == "坊主兼学员 共还差 5 学时")
    }

    @Test func chaseListIsSortedByGap() throws {
        let r = try BriefingFixtures.oneClass()
        let list = TraineeLacks.list(results: r, indices: [0, 1, 2, 3, 4])
        #expect(list.map(\.name) == ["丁四", "丙三", "戊五"])
        #expect(list.map(\.gap) == [Fraction(2), Fraction(16), Fraction(90)])
        #expect(list[2].items == ["专业理念与师德 还差 15 学时", "专业知识 还差 15 学时", "专业能力 还差 10 学时",
                                  "信息技术 还差 20 学时", "活动 我的近期发展规划 未完成", "活动 信息技术应用大PK 未完成",
                                  "作业 未提交"])
        // Someone who has not started gets one line, not seven.
        #expect(list[2].nothingDone)
        #expect(list[2].summary == "尚未参训：4 个模块共 60 学时、2 项活动、作业均未完成")
        #expect(!list[1].nothingDone)
    }

    @Test(arguments: [(19, 20, "95%"), (2, 3, "66.6%"), (1899, 2000, "94.9%"), (0, 5, "0%"), (5, 5, "100%")])
    func percentIsFloored(k: Int, n: Int, text: String) {
        #expect(BriefingFormat.percent(Fraction(k) / Fraction(n)) == text)
    }
}
