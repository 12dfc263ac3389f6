import Testing
@testable import PeixunCore

@Suite struct ClassBriefingFactsTests {
    @Test func keyFiguresEqualHandComputedValues() throws {
        let r = try BriefingFixtures.oneClass()
        let f = try #require(ClassBriefingFacts.all(results: r).first)
        #expect(f.className == "魏都区初中数学一坊")
        #expect(f.tutorNames == ["周老师"])
        #expect(f.counts.trainees == 5)
        #expect(f.counts.participated == 4)
        #expect(f.counts.passed == 2)
        #expect(f.counts.participationRate == Fraction(4, 5))
        #expect(f.counts.passRate == Fraction(2, 5))
        // totals 100, 92, 74, 88, 0
        #expect(f.scores.average == Fraction(354, 5))
        #expect(f.scores.median == Fraction(88))
        #expect(BriefingFormat.score(try #require(f.scores.average)) == "70.8")
        #expect(f.homework.submitted == 3)
        #expect(f.homework.graded == 2)
        #expect(f.homework.pending == 1)
        #expect(f.homework.missing == 2)
        #expect(f.homework.recommended == 1)
        #expect(f.homework.byGrade.map(\.count) == [1, 1, 0])
        #expect(f.isMidTerm == false)
        #expect(f.remainingDays == nil)
    }

    @Test func histogramHasThePassLineAsAnEdge() throws {
        let r = try BriefingFixtures.oneClass()
        let f = try #require(ClassBriefingFacts.all(results: r).first)
        let bins = f.scores.bins
        #expect(bins.count == 10)
        #expect(bins.last?.lower == Fraction(90))
        #expect(bins.last?.passing == true)
        #expect(bins.filter(\.passing).count == 1)
        #expect(bins.map(\.count) == [1, 0, 0, 0, 0, 0, 0, 1, 1, 2])
        #expect(f.scores.atOrAbovePass == 2)
    }

    @Test func histogramWithAnOddPassScoreSplitsAtIt() {
        let totals = [Points(hundredths: 8499), Points(hundredths: 8500), Points(hundredths: 10000)]
        let s = ScoreStatistics(totals: totals, passScore: Fraction(85), maximum: Fraction(100))
        let edges = s.bins.map(\.lower)
        #expect(edges.contains(Fraction(85)))
        #expect(s.atOrAbovePass == 2)
        #expect(s.median == Fraction(85))
        #expect(ScoreStatistics(totals: [Points(hundredths: 8000), Points(hundredths: 9100)],
                                passScore: Fraction(90), maximum: Fraction(100)).median == Fraction(171, 2))
    }

    @Test func moduleHoursAverageCountedAgainstRequired() throws {
        let r = try BriefingFixtures.oneClass()
        let f = try #require(ClassBriefingFacts.all(results: r).first)
        let it = try #require(f.modules.last)
        #expect(it.module == "信息技术")
        #expect(it.required == Hours(whole: 20))
        #expect(it.average == Fraction(66, 5))
        #expect(it.reached == 1)
        #expect(f.activities.map(\.completed) == [4, 3])
    }

    @Test func tutorAssessmentSaysWhatIsMissing() throws {
        let r = try BriefingFixtures.oneClass()
        let f = try #require(ClassBriefingFacts.all(results: r).first)
        let t = try #require(f.tutors.first)
        #expect(t.total == Points(hundredths: 5100))
        #expect(t.gap == Fraction(39))
        let missing = Dictionary(uniqueKeysWithValues: t.items.map { ($0.label, $0.missing) })
        #expect(missing["参训率"] == "还需 1 人参训（达 95%）")
        #expect(missing["合格率"] == "还需 3 人合格（达 95%）")
        #expect(missing["研修公告"] == .some(nil))
        #expect(missing["研修简报"] == "还需 1 期")
        #expect(missing["点评作业"] == "还需批阅 1 份")
        #expect(missing["作业推优"] == .some(nil))
        #expect(t.items.map(\.have) == ["4/5 人（80%）", "2/5 人（40%）", "1 期", "2 期", "已批阅 2/3 份", "推优 1/3 份"])
    }

    @Test func listsOfExcellentAndRecommended() throws {
        let r = try BriefingFixtures.oneClass()
        let f = try #require(ClassBriefingFacts.all(results: r).first)
        #expect(f.excellent.map(\.name) == ["甲一"])
        #expect(f.recommendedHomework.map(\.name) == ["甲一"])
        #expect(f.recommendedHomework.first?.note == "优秀")
        #expect(f.lacks.map(\.name) == ["丁四", "丙三", "戊五"])
    }

    @Test func midTermShowsRemainingDays() throws {
        let r = try BriefingFixtures.oneClass(dataDate: CivilDate(year: 2021, month: 12, day: 10))
        let f = try #require(ClassBriefingFacts.all(results: r).first)
        #expect(f.isMidTerm)
        #expect(f.remainingDays == 10)
        let md = BriefingMarkdown.classBriefing(f)
        #expect(md.contains("数据截至 2021-12-10（期中，距培训结束还有 10 天）"))
        #expect(md.contains("### 尚未合格 3 人"))
    }

    @Test func emptyClassHasNoAverageAndNoDivisionByZero() throws {
        var r = try BriefingFixtures.oneClass()
        r.classes[0].traineeIndices = []
        let f = try #require(ClassBriefingFacts.all(results: r).first)
        #expect(f.scores.average == nil)
        #expect(f.counts.participationRate == .zero)
        #expect(f.modules.allSatisfy { $0.average == nil })
        #expect(BriefingMarkdown.classBriefing(f).contains("本坊暂无学员"))
    }

    @Test func tutorTraineeOfTheClassIsChased() throws {
        var r = try BriefingFixtures.oneClass()
        let s = r.scheme
        let p = BriefingFixtures.person("周老师", n: 9, role: .tutorTrainee)
        r.trainees.append(BriefingFixtures.trainee(s, p, hours: [10, 10, 10, 5], activities: [false, false], homework: .missing))
        let f = try #require(ClassBriefingFacts.all(results: r).first)
        #expect(f.counts.trainees == 5)
        let tt = try #require(f.lacks.first { $0.role == .tutorTrainee })
        #expect(tt.tutorHoursMissing == Hours(whole: 5))
        #expect(BriefingMarkdown.classBriefing(f).contains("周老师（坊主兼学员）"))
    }
}
