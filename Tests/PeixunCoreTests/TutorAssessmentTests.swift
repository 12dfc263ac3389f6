import Testing
@testable import PeixunCore

@Suite struct TutorAssessmentTests {
    /// Band edges of 参训率 / 合格率 over a 坊 of 20: exactly 95% (19/20),
    /// just below (18/20 = 90%), 85% (17/20), just below (16/20), 60% (12/20), just below (11/20).
    @Test(arguments: [(20, 20), (19, 20), (18, 18), (17, 18), (16, 16), (12, 16), (11, 0), (0, 0)])
    func rateBandEdges(_ count: Int, _ expected: Int) throws {
        let scheme = try TestSchemes.seed()
        let rate = Fraction(count) / Fraction(20)
        #expect(TutorAssessment.bandPoints(rate, scheme.tutor.participationBands) == Points(hundredths: Int64(expected) * 100))
        #expect(TutorAssessment.bandPoints(rate, scheme.tutor.passRateBands) == Points(hundredths: Int64(expected) * 100))
    }

    @Test func reviewNeedsEverySubmissionGradedAndRecommendationTenPercent() throws {
        let rules = try TestSchemes.seed().tutor
        #expect(TutorAssessment.submissionRatePoints(10, of: 10, rules.review).description == "20.00")
        #expect(TutorAssessment.submissionRatePoints(9, of: 10, rules.review).description == "0.00")
        #expect(TutorAssessment.submissionRatePoints(0, of: 0, rules.review).description == "0.00")
        #expect(TutorAssessment.submissionRatePoints(1, of: 10, rules.recommendation).description == "20.00")
        #expect(TutorAssessment.submissionRatePoints(1, of: 11, rules.recommendation).description == "0.00")
        #expect(TutorAssessment.submissionRatePoints(0, of: 0, rules.recommendation).description == "0.00")
        #expect(TutorAssessment.countPoints(0, rules.announcement).description == "0.00")
        #expect(TutorAssessment.countPoints(2, rules.announcement).description == "5.00")
        #expect(TutorAssessment.countPoints(2, rules.briefing).description == "10.00")
        #expect(TutorAssessment.countPoints(4, rules.briefing).description == "15.00")
    }

    @Test func tutorOfAClassEndToEnd() throws {
        var e = ExportBuilder()
        let tutor = ExportBuilder.id(900)
        e.person(tutor, "李老师", role: "坊主")
        // 20 trainees: 19 take part and pass, one does nothing → 95% both: 20 + 20.
        for n in 0..<20 {
            let id = ExportBuilder.id(n)
            e.person(id, "学员\(n)")
            guard n < 19 else { continue }
            e.studyAll(id); e.bothActivities(id)
            // 10 submit, 9 graded (review 0), 1 recommended of 10 (10% → 20).
            if n < 10 { e.submit(id, grade: n == 0 ? "" : "良好", recommended: n == 1 ? "是" : "否") }
        }
        e.post(tutor, "公告"); e.post(tutor, "简报"); e.post(tutor, "简报")
        e.post(tutor, "简报", at: "2021-12-25 10:00:00")  // out of period
        let r = try e.grade()
        let t = try #require(r.tutor(tutor))
        #expect(t.participationRate == Fraction(19, 20) && t.passRate == Fraction(19, 20))
        #expect(t.points.items.map(\.points.description) == ["20.00", "20.00", "5.00", "10.00", "0.00", "20.00"])
        #expect(t.total.description == "75.00")
        #expect(!t.passed)
        #expect(t.rank == 1 && !t.excellent)
        #expect(r.anomalies.map(\.kind) == [.outOfPeriod])
        // 20 trainees → quota 2: the two best who passed.
        #expect(r.trainees.filter(\.excellent).count == 2)
        #expect(r.classes.first?.counts.excellent == 2)
    }

    @Test func classWithoutTutorIsAnAnomalyButItsTraineesAreGraded() throws {
        var e = ExportBuilder()
        let a = ExportBuilder.id(1)
        e.person(a, "甲", class: "无主坊"); e.studyAll(a); e.bothActivities(a)
        let r = try e.grade()
        #expect(r.trainee(a)?.passed == true)
        let anomaly = try #require(r.anomalies.first)
        #expect(anomaly.kind == .classWithoutTutor && anomaly.line == nil && anomaly.message.contains("无主坊"))
        #expect(anomaly.file == "roster.csv")
    }

    @Test func tutorsRankByTotalThenPassRateThenParticipationThenID() throws {
        func tutor(_ id: String, total: Int64, passed: Int, participated: Int) -> TutorResult {
            var c = ClassCounts()
            c.trainees = 10; c.passed = passed; c.participated = participated
            let p = Person(id: id, name: id, gender: "", county: "", school: "", stage: "", subject: "", className: id,
                           role: .tutor, line: 1)
            return TutorResult(person: p, classes: [id], counts: c, announcements: 0, briefings: 0,
                               points: TutorPoints(participation: .zero, pass: .zero, announcement: .zero, briefing: .zero,
                                                   review: .zero, recommendation: Points(hundredths: total * 100)),
                               total: Points(hundredths: total * 100), passed: total >= 90, rank: 0, excellent: false,
                               certificates: [])
        }
        var tutors = [
            tutor("E", total: 95, passed: 9, participated: 9),
            tutor("D", total: 95, passed: 9, participated: 10),
            tutor("C", total: 95, passed: 10, participated: 9),
            tutor("B", total: 96, passed: 1, participated: 1),
            tutor("A", total: 95, passed: 9, participated: 9),
        ] + (0..<5).map { tutor("Z\($0)", total: 50, passed: 0, participated: 0) }
        Ranking.rankTutors(&tutors, rules: try TestSchemes.seed().tutor)
        #expect(tutors.prefix(5).map(\.rank) == [5, 3, 2, 1, 4])
        // 10 tutors → one 优秀辅导教师.
        #expect(tutors.filter(\.excellent).map(\.id) == ["B"])
    }
}
