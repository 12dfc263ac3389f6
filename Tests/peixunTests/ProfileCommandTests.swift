import Foundation
import Testing

/// `--profile`, `peixun inspect` and `peixun sample --profile`, run through the built binary.
@Suite struct ProfileCommandTests {
    static var foreignCase: URL { CLI.conformanceCases.appendingPathComponent("foreign_tutor_posts") }
    static var foreignProfile: String { CLI.conformanceCases.appendingPathComponent("foreign_tutor_posts.profile.toml").path }
    static func seedProfile(_ name: String) -> String { CLI.repoRoot.appendingPathComponent("seeds/profiles/\(name).profile.toml").path }

    @Test func inspectOnAMappedFolderPlacesEverything() throws {
        let folder = try CLI.copyOfExport(Self.foreignCase)
        let run = try CLI.run(["inspect", "--input", folder.path, "--profile", Self.foreignProfile])
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("All 5 tables placed: roster, courses (2 files), activities, homework, tutor_posts."))
        #expect(run.stdout.contains("学员信息表.csv: roster (学员名单), GB18030, header on line 1"))
        #expect(run.stdout.contains("课程学习明细_第2页.csv: courses (课程学习记录), UTF-8 with BOM"))
        #expect(run.stdout.contains("学时　　 ← 有效学习时长（分钟）"))
        #expect(run.stdout.contains("headers left unused: 课程编号"))
        // Inspect is a log: no full ID number in it.
        #expect(!run.stdout.contains("411002198105149044"))
        #expect(run.stdout.contains("411002********9044"))
        #expect(!run.stdout.contains("A profile snippet"))
    }

    @Test func inspectOnAnUnmappedFolderProposesAProfile() throws {
        let folder = try CLI.copyOfExport(Self.foreignCase)
        let run = try CLI.run(["inspect", "--input", folder.path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("课程学习明细_第1页.csv: no table — looks like courses (课程学习记录)"))
        #expect(run.stdout.contains("Not placed: roster (学员名单), courses (课程学习记录), activities (研修活动), homework (研修作业), tutor_posts (坊主工作)."))
        #expect(run.stdout.contains("A profile snippet to start from"))
        #expect(run.stdout.contains("[courses]\nfiles = [\"课程学习明细*\"]  # 课程学习明细_第1页.csv, 课程学习明细_第2页.csv"))
        #expect(run.stdout.contains("\"身份证号\" = \"证件号码\""))
        #expect(run.stdout.contains("\"学时\" = \"有效学习时长（分钟）\""))
        #expect(run.stdout.contains("minutes_per_hour = 45"))
        #expect(run.stdout.contains("time_formats = [\"%Y年%m月%d日 %H:%M:%S\"]"))
        #expect(run.stdout.contains("values.\"角色\" = { \"学员\" = [\"?\"], \"坊主\" = [\"?\"], \"坊主兼学员\" = [\"?\"] }"))
        #expect(run.stdout.contains("# 角色 values not recognised: 参训教师"))
    }

    /// The snippet inspect proposes is a profile the loader reads (the `?` are names to fill in).
    @Test func theSnippetLoads() throws {
        let folder = try CLI.copyOfExport(Self.foreignCase)
        let run = try CLI.run(["inspect", "--input", folder.path])
        let snippet = try #require(run.stdout.components(separatedBy: "inspect --profile again):\n\n").last)
        let file = try CLI.temporaryDirectory().appendingPathComponent("p.toml")
        try snippet.write(to: file, atomically: true, encoding: .utf8)
        let again = try CLI.run(["inspect", "--input", folder.path, "--profile", file.path])
        #expect(!again.stderr.contains("profile p.toml"), "\(again.stderr)")
        #expect(again.stdout.contains("课程学习明细_第1页.csv: courses (课程学习记录)"))
    }

    @Test func aMalformedProfileIsRefusedWithItsKeyPath() throws {
        let file = try CLI.temporaryDirectory().appendingPathComponent("bad.toml")
        try "[courses]\nminutes_per_hour = 7\n".write(to: file, atomically: true, encoding: .utf8)
        for command in ["grade", "check"] {
            let run = try CLI.run([command, "--scheme", CLI.seedScheme, "--input", Self.foreignCase.path, "--profile", file.path])
            #expect(run.status == 1)
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.contains("bad.toml: courses.minutes_per_hour: must be a whole number of minutes that divides 3600"), "\(run.stderr)")
        }
    }

    /// Without a profile nothing changes: the seed sample grades as before.
    @Test func checkTakesTheProfile() throws {
        let run = try CLI.run(["check", "--scheme", CLI.seedScheme, "--input", Self.foreignCase.path, "--profile", Self.foreignProfile])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("课程学习明细_第2页.csv"), "\(run.stdout)")
    }

    /// A sample written as .xlsx through the second seed profile grades like the contract-shape sample.
    @Test(arguments: [("jiaoshi-wang", ["--format", "xlsx"]), ("yanxiu-2021", [])])
    func sampleThroughASeedProfileGradesTheSame(_ name: String, _ extra: [String]) throws {
        let root = try CLI.temporaryDirectory()
        let plain = root.appendingPathComponent("plain").path, shaped = root.appendingPathComponent("shaped").path
        let profile = Self.seedProfile(name)
        #expect(try CLI.run(["sample", "--people", "150", "--seed", "4", "--out", plain, "--scheme", CLI.seedScheme]).status == 0)
        let made = try CLI.run(["sample", "--people", "150", "--seed", "4", "--out", shaped, "--scheme", CLI.seedScheme,
                                "--profile", profile] + extra)
        #expect(made.status == 0, "\(made.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: shaped).sorted()
        #expect(names.count == 5, "\(names)")
        if name == "jiaoshi-wang" { #expect(names.allSatisfy { $0.hasSuffix(".xlsx") }) }
        let a = try CLI.run(["grade", "--scheme", CLI.seedScheme, "--input", plain, "--format", "json"])
        let b = try CLI.run(["grade", "--scheme", CLI.seedScheme, "--input", shaped, "--format", "json", "--profile", profile])
        #expect(a.status == 0 && b.status == 0, "\(b.stderr)")
        var ja = try ConformanceTests.json(Data(a.stdout.utf8)), jb = try ConformanceTests.json(Data(b.stdout.utf8))
        // Unsplit files: the same lines; the file names map 1:1 (table by table).
        func places(_ j: [String: Any]) -> [String] {
            (j["anomalies"] as? [[String: Any]] ?? []).map { "\($0["line"] ?? "-") \($0["kind"] ?? "")" }.sorted()
        }
        #expect(places(ja) == places(jb))
        let fa = Set((ja["anomalies"] as? [[String: Any]] ?? []).compactMap { $0["file"] as? String })
        let fb = Set((jb["anomalies"] as? [[String: Any]] ?? []).compactMap { $0["file"] as? String })
        #expect(fa.count == fb.count && !fb.contains("courses.csv"))
        ja["anomalies"] = nil; jb["anomalies"] = nil
        #expect(NSDictionary(dictionary: ja) == NSDictionary(dictionary: jb))
    }

    @Test func inspectOnAnXlsxSample() throws {
        let shaped = try CLI.temporaryDirectory().appendingPathComponent("x").path
        let profile = Self.seedProfile("jiaoshi-wang")
        #expect(try CLI.run(["sample", "--people", "40", "--seed", "2", "--out", shaped, "--scheme", CLI.seedScheme,
                             "--profile", profile, "--format", "xlsx"]).status == 0)
        let run = try CLI.run(["inspect", "--input", shaped, "--profile", profile])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("课程学时.xlsx: courses (课程学习记录), xlsx"))
    }
}
