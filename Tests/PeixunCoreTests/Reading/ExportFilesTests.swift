import Foundation
import Testing
@testable import PeixunCore

@Suite("Locating export files")
struct ExportFilesTests {
    @Test func tableColumnsFollowTheContract() {
        #expect(ExportTable.allCases.map(\.rawValue) == ["roster", "courses", "activities", "homework", "tutor_posts"])
        #expect(ExportTable.allCases.map(\.chineseName) == ["学员名单", "课程学习记录", "研修活动", "研修作业", "坊主工作"])
        #expect(ExportTable.courses.columns == ["身份证号", "课程名称", "模块", "学时", "完成时间"])
        #expect(ExportTable.tutorPosts.columns == ["身份证号", "类型", "标题", "发布时间", "坊"])
        #expect(ExportTable.roster.requiredColumns.count == 9 && ExportTable.roster.optionalColumns.isEmpty)
    }

    @Test func englishNames() throws {
        let folder = try TemporaryFolder()
        for table in ExportTable.allCases { try folder.write("\(table.rawValue).csv", "x") }
        try folder.write("notes.txt", "x")
        try folder.write("roster.csv.bak", "x")
        let files = try ExportFiles.locate(in: folder.path)
        #expect(files.directory == folder.path)
        #expect(files.paths.count == 5)
        #expect(files.paths[.tutorPosts] == folder.url.appendingPathComponent("tutor_posts.csv").path)
    }

    @Test func chineseNamesAndMixedCaseExtensions() throws {
        let folder = try TemporaryFolder()
        try folder.write("学员名单.XLSX", "x")
        try folder.write("课程学习记录.csv", "x")
        try folder.write("研修活动.Csv", "x")
        try folder.write("Homework.csv", "x")
        try folder.write("坊主工作.xlsx", "x")
        let files = try ExportFiles.locate(in: folder.path)
        #expect((files.paths[.roster] as NSString?)?.lastPathComponent == "学员名单.XLSX")
        #expect((files.paths[.activities] as NSString?)?.lastPathComponent == "研修活动.Csv")
        #expect((files.paths[.homework] as NSString?)?.lastPathComponent == "Homework.csv")
    }

    @Test func missingTableNamesBothNames() throws {
        let folder = try TemporaryFolder()
        for table in ExportTable.allCases where table != .homework { try folder.write("\(table.rawValue).csv", "x") }
        let error = try #require(fatalReason { _ = try ExportFiles.locate(in: folder.path) })
        #expect(error.reason.contains("homework") && error.reason.contains("研修作业"))
        #expect(!error.reason.contains("roster"))
    }

    @Test func twoFilesForOneTableAreAmbiguous() throws {
        let folder = try TemporaryFolder()
        for table in ExportTable.allCases { try folder.write("\(table.rawValue).csv", "x") }
        try folder.write("学员名单.xlsx", "x")
        let error = try #require(fatalReason { _ = try ExportFiles.locate(in: folder.path) })
        #expect(error.reason.contains("ambiguous"))
        #expect(error.reason.contains("roster.csv") && error.reason.contains("学员名单.xlsx"))
    }

    @Test func csvAndXlsxOfTheSameNameAreAmbiguous() throws {
        let folder = try TemporaryFolder()
        for table in ExportTable.allCases { try folder.write("\(table.rawValue).csv", "x") }
        try folder.write("courses.xlsx", "x")
        let error = try #require(fatalReason { _ = try ExportFiles.locate(in: folder.path) })
        #expect(error.reason.contains("ambiguous") && error.reason.contains("courses.xlsx"))
    }

    @Test func missingOrNonFolderPathIsFatal() throws {
        let folder = try TemporaryFolder()
        let missing = try #require(fatalReason {
            _ = try ExportFiles.locate(in: folder.url.appendingPathComponent("nope").path)
        })
        #expect(missing.reason.contains("not found"))
        let file = try folder.write("roster.csv", "x")
        let notFolder = try #require(fatalReason { _ = try ExportFiles.locate(in: file) })
        #expect(notFolder.reason.contains("not a folder"))
    }

    @Test func fileNamesMapToTables() {
        #expect(ExportFiles.table(forFileName: "tutor_posts.csv") == .tutorPosts)
        #expect(ExportFiles.table(forFileName: "坊主工作.xlsx") == .tutorPosts)
        #expect(ExportFiles.table(forFileName: "tutor_posts.xls") == nil)
        #expect(ExportFiles.table(forFileName: ".csv") == nil)
        #expect(ExportFiles.table(forFileName: "~$roster.xlsx") == nil)
    }
}
