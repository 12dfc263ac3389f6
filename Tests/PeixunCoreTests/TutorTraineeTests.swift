import Testing
@testable import PeixunCore

/// 坊主兼学员: passes as a trainee by the normal rule, or with 40 counted
/// hours, or 30 if they are 优秀辅导教师.
@Suite struct TutorTraineeTests {
    let tt = ExportBuilder.id(500), a = ExportBuilder.id(1)

    /// A 坊 whose tutor-trainee earns a full tutor score (100) and has `hours`
    /// in 信息技术 + 专业知识 (uncapped sum), with `excellentRatio` for tutors.
    func grade(hours: (Double, Double), activities: Bool = false, excellentRatio: String = "0.10") throws -> Results {
        var e = ExportBuilder()
        e.person(tt, "王坊主", role: "坊主兼学员")
        e.person(a, "学员甲"); e.studyAll(a); e.bothActivities(a); e.submit(a, grade: "优秀", recommended: "是")
        e.post(tt, "公告"); for _ in 0..<3 { e.post(tt, "简报") }
        e.study(tt, "信息技术", hours.0); e.study(tt, "专业知识", hours.1)
        if activities { e.bothActivities(tt); e.study(tt, "专业理念与师德", 15); e.study(tt, "专业能力", 10) }
        let text = try TestSchemes.seedText().replacingOccurrences(
            of: "pass_score = 90\nexcellent_ratio = 0.10\nparticipation_bands",
            with: "pass_score = 90\nexcellent_ratio = \(excellentRatio)\nparticipation_bands")
        return try e.grade(scheme: try SchemeLoader.parse(text))
    }

    @Test func passesByScoreWhenTheNormalRuleHolds() throws {
        let r = try grade(hours: (20, 15), activities: true)
        let t = try #require(r.trainee(tt))
        #expect(t.role == .tutorTrainee && t.total.description == "90.00")
        #expect(t.passed && t.passBasis == .score)
        #expect(t.rank == nil && !t.excellent)
        // Not one of the 坊's trainees: the class has one 学员.
        #expect(r.tutor(tt)?.counts.trainees == 1)
        #expect(r.classes.first?.traineeIndices.count == 1)
    }

    @Test func passesWithFortyHours() throws {
        let r = try grade(hours: (25, 15))  // 40 counted hours, but only 35 points
        let t = try #require(r.trainee(tt))
        #expect(t.totalHours == Hours(whole: 40) && !(t.total.fraction >= Fraction(90)))
        #expect(t.passed && t.passBasis == .tutorHours40)
    }

    @Test func thirtyHoursPassOnlyAnExcellentTutor() throws {
        let excellent = try grade(hours: (20, 10), excellentRatio: "1")
        #expect(excellent.tutor(tt)?.total.description == "100.00")
        #expect(excellent.tutor(tt)?.excellent == true)
        #expect(excellent.trainee(tt)?.passBasis == .tutorHours30)
        let plain = try grade(hours: (20, 10))  // one tutor: quota floor(0.1) = 0
        #expect(plain.tutor(tt)?.excellent == false)
        #expect(plain.trainee(tt)?.passed == false && plain.trainee(tt)?.passBasis == nil)
        let short = try grade(hours: (20, 9.5), excellentRatio: "1")
        #expect(short.trainee(tt)?.passed == false)
    }
}
