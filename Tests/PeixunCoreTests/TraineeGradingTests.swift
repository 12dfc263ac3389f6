import Testing
@testable import PeixunCore

/// Values computed by hand from the plan (六、培训考核).
@Suite struct TraineeGradingTests {
    let a = ExportBuilder.id(1), b = ExportBuilder.id(2), c = ExportBuilder.id(3), tutor = ExportBuilder.id(99)

    @Test func sevenHoursOfEthicsIs933() throws {
        let scheme = try TestSchemes.seed()
        #expect(TraineeScoring.modulePoints(scheme.modules[0], hours: Hours(whole: 7)).description == "9.33")
        #expect(TraineeScoring.modulePoints(scheme.modules[0], hours: Hours(whole: 15)).description == "20.00")
        #expect(TraineeScoring.modulePoints(scheme.modules[0], hours: Hours(whole: 40)).description == "20.00")
        #expect(TraineeScoring.modulePoints(scheme.modules[2], hours: Hours.parse("7.5")!).description == "7.50")
        #expect(TraineeScoring.modulePoints(scheme.modules[1], hours: Hours.parse("0.5")!).description == "0.67")
    }

    @Test func sixtyHoursBothActivitiesNoHomeworkIs90AndPasses() throws {
        var e = ExportBuilder()
        e.person(tutor, "坊主甲", role: "坊主")
        e.person(a, "张明"); e.studyAll(a); e.bothActivities(a)
        e.person(b, "王芳"); e.studyAll(b); e.bothActivities(b); e.submit(b, grade: "优秀", recommended: "是")
        let r = try e.grade()
        let ta = try #require(r.trainee(a))
        #expect(ta.total.description == "90.00")
        #expect(ta.passed && ta.passBasis == .score)
        #expect(ta.homework == .missing)
        let tb = try #require(r.trainee(b))
        #expect(tb.total.description == "100.00")
        #expect(tb.homework.status == .graded && tb.homework.grade == "优秀" && tb.homework.recommended)
        #expect(r.anomalies.isEmpty)
    }

    @Test func excessHoursNeverFillAnotherModuleAndRepeatsCountOnce() throws {
        var e = ExportBuilder()
        e.person(tutor, "坊主", role: "坊主")
        e.person(a, "甲")
        e.study(a, "专业知识", 30)
        e.courses.append([a, "专业知识课程0", "专业知识", "1", "2021-11-01 10:00:00"])  // a repeat: counts once
        e.courses.append([a, "未学完的课", "专业能力", "3", ""])                      // unfinished: counts nothing
        let t = try #require(try e.grade().trainee(a))
        #expect(t.hours[1] == Hours(whole: 30))
        #expect(t.hours[2] == .zero)
        #expect(t.modulePoints.map(\.description) == ["0.00", "20.00", "0.00", "0.00"])
        #expect(t.total.description == "20.00")
        #expect(!t.passed && t.passBasis == nil)
    }

    @Test func sixtyHoursAndOneActivityFails() throws {
        var e = ExportBuilder()
        e.person(tutor, "坊主", role: "坊主")
        e.person(a, "甲"); e.studyAll(a); e.activity(a, "我的近期发展规划")
        e.activity(a, "信息技术应用大PK", "未完成", at: "")
        e.submit(a, grade: "中等")
        let t = try #require(try e.grade().trainee(a))
        #expect(t.total.description == "86.00")
        #expect(!t.passed)
    }

    @Test func homeworkLatestInPeriodWinsAndRecommendationComesFromIt() throws {
        var e = ExportBuilder()
        e.person(tutor, "坊主", role: "坊主")
        e.person(a, "甲"); e.person(b, "乙"); e.person(c, "丙")
        e.submit(a, grade: "良好", recommended: "否", at: "2021-11-05 10:00:00")
        e.submit(a, grade: "优秀", recommended: "是", at: "2021-10-05 10:00:00")   // earlier: ignored
        e.submit(b, grade: "优秀", at: "2021-10-01 10:00:00")
        e.submit(b, grade: "", recommended: "是", at: "2021-11-01 10:00:00")       // latest: pending, 推优
        e.submit(c, grade: "优秀", at: "2021-10-01 10:00:00")
        e.submit(c, grade: "中等", at: "2021-12-21 09:00:00")                      // after the period: anomaly
        let r = try e.grade()
        #expect(r.trainee(a)?.homework.grade == "良好")
        #expect(r.trainee(a)?.homework.recommended == false)
        let hb = try #require(r.trainee(b)?.homework)
        #expect(hb.status == .pending && hb.recommended && hb.points == .zero)
        #expect(r.trainee(c)?.homework.grade == "优秀")
        #expect(r.anomalies.map(\.kind) == [.outOfPeriod])
        #expect(r.anomalies.first?.line == 7)
    }

    @Test func equalTimesTheLaterLineWins() throws {
        var e = ExportBuilder()
        e.person(tutor, "坊主", role: "坊主")
        e.person(a, "甲")
        e.submit(a, grade: "优秀", at: "2021-11-01 10:00:00")
        e.submit(a, grade: "中等", at: "2021-11-01 10:00:00")
        #expect(try e.grade().trainee(a)?.homework.grade == "中等")
    }

    @Test func asOfIgnoresLaterRecordsWithoutAnomalies() throws {
        var e = ExportBuilder()
        e.person(tutor, "坊主", role: "坊主")
        e.person(a, "甲")
        e.study(a, "信息技术", 4, at: "2021-10-01 10:00:00")
        e.courses.append([a, "后来的课", "信息技术", "6", "2021-11-15 10:00:00"])
        e.activity(a, "信息技术应用大PK", at: "2021-11-20 08:00:00")
        let mid = try e.grade(asOf: CivilDate(year: 2021, month: 11, day: 1))
        #expect(mid.trainee(a)?.hours[3] == Hours(whole: 4))
        #expect(mid.trainee(a)?.activityPoints[1] == .zero)
        #expect(mid.isMidTerm && mid.dataDate.description == "2021-11-01")
        #expect(mid.anomalies.isEmpty)
        let end = try e.grade()
        #expect(end.trainee(a)?.hours[3] == Hours(whole: 10))
        #expect(!end.isMidTerm && end.dataDate.description == "2021-12-20")
    }

    @Test func anotherSchemeWithOtherModulesAndWeights() throws {
        let text = """
            version = 1
            [programme]
            name = "测试项目"
            issuer = "测试中心"
            code = "T-1"
            period_start = 2022-03-01
            period_end = 2022-06-30
            issue_date = 2022-07-10
            [[modules]]
            name = "通识"
            required_hours = 8
            points = 30
            [[modules]]
            name = "学科"
            required_hours = 12
            points = 45
            [[activities]]
            name = "说课"
            module = "学科"
            points = 15
            [homework]
            name = "教学反思"
            module = "学科"
            grades = [ { name = "A", points = 10 }, { name = "B", points = 5 } ]
            [trainee]
            pass_score = 60
            excellent_ratio = "50%"
            excellent_scope = "programme"
            [tutor]
            pass_score = 80
            excellent_ratio = 0.5
            participation_bands = [ { min_rate = 0.9, points = 30 } ]
            pass_rate_bands = [ { min_rate = 0.5, points = 30 } ]
            announcement = { points_each = 10, max_count = 1 }
            briefing = { points_each = 10, max_count = 1 }
            review = { min_rate = 0.5, points = 10 }
            recommendation = { min_rate = 0.2, points = 10 }
            [tutor_trainee]
            hours_to_pass = 10
            hours_to_pass_if_excellent_tutor = 5
            [certificates]
            number_format = "{code}/{kind}/{seq:04}"
            kind_codes = { completion = "C", excellent_trainee = "E", excellent_tutor = "T" }
            """
        let scheme = try SchemeLoader.parse(text)
        var e = ExportBuilder()
        e.person(tutor, "坊主", role: "坊主")
        e.person(a, "甲"); e.person(b, "乙")
        e.courses.append([a, "c1", "通识", "3", "2022-03-02 10:00:00"])   // 30 × 3/8 = 11.25
        e.courses.append([a, "c2", "学科", "7", "2022-03-02 10:00:00"])   // 45 × 7/12 = 26.25
        e.activities.append([a, "说课", "已完成", "2022-04-01 10:00:00"])  // 15
        e.homework.append([a, "教学反思", "2022-05-01 10:00:00", "B", "否"])  // 5
        e.courses.append([b, "c1", "通识", "1", "2021-10-01 10:00:00"])   // outside this programme's period
        let r = try e.grade(scheme: scheme)
        let t = try #require(r.trainee(a))
        #expect(t.modulePoints.map(\.description) == ["11.25", "26.25"])
        #expect(t.total.description == "57.50")
        #expect(!t.passed)
        #expect(r.anomalies.map(\.kind) == [.outOfPeriod])
        #expect(r.trainee(a)?.rank == 1 && r.trainee(b)?.rank == 2)
    }
}
