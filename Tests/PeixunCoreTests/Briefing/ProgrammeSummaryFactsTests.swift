import Testing
@testable import PeixunCore

@Suite struct ProgrammeSummaryFactsTests {
    /// 一坊 (魏都区, 初中数学) plus 二坊 (建安区, 小学语文) of two 学员 (95 and 60).
    static func twoClasses() throws -> Results {
        var r = try BriefingFixtures.oneClass()
        let s = r.scheme
        func p(_ name: String, _ n: Int) -> Person {
            BriefingFixtures.person(name, n: n, className: "建安区小学语文二坊", county: "建安区",
                                    school: "建安区实验小学", stage: "小学", subject: "语文")
        }
        r.trainees.append(BriefingFixtures.trainee(s, p("壬九", 10), hours: [15, 15, 10, 15], activities: [true, true],
                                                   homework: .graded, grade: "良好", recommended: true, rank: 1, excellent: true))
        r.trainees.append(BriefingFixtures.trainee(s, p("癸十", 11), hours: [15, 15, 0, 0], activities: [true, false],
                                                   homework: .missing, rank: 2))
        r.classes.append(ClassResult(name: "建安区小学语文二坊", county: "建安区", stage: "小学", subject: "语文",
                                     tutorIDs: [], traineeIndices: [5, 6], counts: ClassCounts(of: Array(r.trainees[5...6]))))
        var tutor2 = r.tutors[0]
        tutor2.person = BriefingFixtures.person("吴老师", n: 12, className: "建安区小学语文二坊", county: "建安区", role: .tutor)
        tutor2.excellent = true
        tutor2.passed = true
        tutor2.total = Points(hundredths: 9500)
        r.tutors.append(tutor2)
        r.anomalies = [
            Anomaly(file: "courses.csv", line: 3, kind: .unknownID, message: "x"),
            Anomaly(file: "courses.csv", line: 4, kind: .unknownID, message: "y"),
            Anomaly(file: "homework.csv", line: 2, kind: .badTime, message: "z"),
        ]
        return r
    }

    @Test func totalsAndGroups() throws {
        let f = ProgrammeSummaryFacts(results: try Self.twoClasses())
        #expect(f.total.trainees == 7)
        #expect(f.total.passed == 3)
        #expect(f.total.participated == 6)
        #expect(f.classCount == 2)
        #expect(f.byCounty.map(\.name) == ["魏都区", "建安区"])
        #expect(f.byCounty.map(\.trainees) == [5, 2])
        #expect(f.byCounty[1].passRate == Fraction(1, 2))
        #expect(f.byStage.map(\.name) == ["初中", "小学"])
        #expect(f.bySubject.map(\.name) == ["数学", "语文"])
        // 壬九: 20+20+10+15+20+8 = 93; 癸十: 20+20+10 = 50.
        #expect(f.byCounty[1].average == Fraction(143, 2))
        #expect(f.total.average == Fraction(354 + 143, 7))
        #expect(f.scores.median == Fraction(88))
    }

    @Test func tutorsHonoursAndAnomalies() throws {
        let f = ProgrammeSummaryFacts(results: try Self.twoClasses())
        #expect(f.tutors.tutors == 2)
        #expect(f.tutors.passed == 1)
        #expect(f.tutors.excellent == 1)
        #expect(f.tutors.average == Fraction(51 + 95, 2))
        #expect(f.tutors.items.first?.label == "参训率")
        #expect(f.tutors.items.first?.average == Fraction(16))
        #expect(f.honours == [.init(county: "魏都区", excellentTrainees: 1, excellentTutors: 0),
                              .init(county: "建安区", excellentTrainees: 1, excellentTutors: 1)])
        #expect(f.anomalies.map(\.kind) == [.unknownID, .badTime])
        #expect(f.anomalies.map(\.count) == [2, 1])
        #expect(f.anomalyTotal == 3)
    }

    @Test func summaryMarkdownTables() throws {
        let md = BriefingMarkdown.summary(ProgrammeSummaryFacts(results: try Self.twoClasses()))
        #expect(md.hasPrefix("# 许昌市“十四五”第一期中小学教师继续教育全员岗位培训 培训总结\n"))
        #expect(md.contains("| 合计 | 7 | 6 | 85.7% | 3 | 42.8% | 2 | 71 |\n"))
        #expect(md.contains("| 建安区 | 2 | 2 | 100% | 1 | 50% | 1 | 71.5 |\n"))
        #expect(md.contains("| 90–100（合格） | 3 | 42.8% |\n"))
        #expect(md.contains("| 身份证号不在名单中 | 2 |\n"))
        #expect(md.contains("| 建安区 | 1 | 1 |\n"))
        #expect(md.contains("辅导教师 2 人，合格 1 人（50%），优秀辅导教师 1 人，平均分 73。"))
    }

    @Test func pathsAreSafe() {
        #expect(BriefingPaths.component("魏都区/东城", fallback: "x") == "魏都区_东城")
        #expect(BriefingPaths.component("..", fallback: "未命名坊") == "未命名坊")
        #expect(BriefingPaths.component("", fallback: "未填区县") == "未填区县")
        var taken = Set<String>()
        #expect(BriefingPaths.stem(county: "魏都区", className: "一坊?", taken: &taken) == "魏都区/一坊_")
        #expect(BriefingPaths.stem(county: "魏都区", className: "一坊*", taken: &taken) == "魏都区/一坊_-2")
    }
}
