import Testing
@testable import PeixunCore

@Suite struct BriefingMarkdownTests {
    @Test func classBriefingHasKeyFiguresAndTheChaseList() throws {
        let r = try BriefingFixtures.oneClass()
        let f = try #require(ClassBriefingFacts.all(results: r).first)
        let md = BriefingMarkdown.classBriefing(f)
        let lines = md.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "## 研修简报｜魏都区初中数学一坊")
        #expect(lines[1] == "魏都区 · 初中数学 · 坊主 周老师")
        #expect(lines[2] == "数据截至 2021-12-20")
        #expect(md.contains("- 学员 5 人，参训 4 人（80%），合格 2 人（40%）\n"))
        #expect(md.contains("- 平均分 70.8，中位数 88\n"))
        #expect(md.contains("- 作业 已提交 3 份（已批阅 2，待批阅 1），未提交 2 人，推优 1 份\n"))
        #expect(md.contains("- 优秀学员：甲一\n"))
        #expect(md.contains("- 推优作业：甲一（优秀）\n"))
        #expect(md.contains("### 未合格 3 人（差距小的在前）\n"))
        #expect(md.contains("1. 丁四 88 分，差 2 分：信息技术 还差 2 学时；作业 待批阅\n"))
        #expect(md.contains("2. 丙三 74 分，差 16 分：信息技术 还差 6 学时；活动 信息技术应用大PK 未完成；作业 未提交\n"))
        // Short enough to paste, and no ID numbers at all.
        #expect(lines.count < 20)
        for t in r.trainees {
            #expect(!md.contains(t.id))
            #expect(!md.contains(t.person.maskedID))
        }
    }

    @Test func sameNameInTheChaseListGetsTheSchool() throws {
        var r = try BriefingFixtures.oneClass()
        r.trainees[4].person.name = "丙三"
        r.trainees[4].person.school = "许昌市实验小学"
        let f = try #require(ClassBriefingFacts.all(results: r).first)
        let md = BriefingMarkdown.classBriefing(f)
        #expect(md.contains("丙三（许昌市第一中学）"))
        #expect(md.contains("丙三（许昌市实验小学）"))
    }

    @Test func allPassedSaysSo() throws {
        var r = try BriefingFixtures.oneClass()
        r.classes[0].traineeIndices = [0, 1]
        let md = BriefingMarkdown.classBriefing(try #require(ClassBriefingFacts.all(results: r).first))
        #expect(md.contains("全部学员已合格。"))
        #expect(!md.contains("未合格"))
    }
}
