import Foundation
import Testing
@testable import PeixunCore

@Suite("Sample export")
struct SampleGeneratorTests {
    typealias Support = SampleTestSupport

    static let areaCodes: [String: String] = [
        "411002": "魏都区", "411003": "建安区", "411024": "鄢陵县", "411025": "襄城县", "411081": "禹州市",
        "411082": "长葛市", "411071": "示范区", "411072": "开发区", "411073": "东城区",
    ]

    static let planSubjects: [String: Set<String>] = [
        "小学": ["语文", "数学", "英语", "音乐", "体育与健康", "美术", "道德与法治", "科学", "信息技术", "劳动技术", "综合实践活动"],
        "初中": ["语文", "数学", "英语", "物理", "化学", "生物", "历史", "地理", "道德与法治", "音乐", "美术", "体育与健康",
               "劳动技术", "信息技术"],
        "高中": ["语文", "数学", "英语", "物理", "化学", "生物", "历史", "地理", "思想政治", "信息技术", "通用技术", "音乐",
               "体育与健康", "美术", "心理健康", "综合实践活动"],
        "幼儿园": ["学前教育"],
        "特殊教育": ["特殊教育"],
    ]

    @Test func sameSeedGivesIdenticalFilesWhateverTheBlocking() throws {
        let scheme = try Support.seedScheme()
        let a = Support.temporaryDirectory("a"), b = Support.temporaryDirectory("b"), c = Support.temporaryDirectory("c")
        _ = try SampleGenerator(scheme: scheme, people: 700, seed: 42).write(to: a)
        var other = SampleGenerator(scheme: scheme, people: 700, seed: 42)
        other.blockSize = 37
        other.threads = 1
        _ = try other.write(to: b)
        _ = try SampleGenerator(scheme: scheme, people: 700, seed: 43).write(to: c)
        for file in SampleGenerator.files.map(\.name) {
            let x = try Data(contentsOf: URL(fileURLWithPath: a + "/" + file))
            let y = try Data(contentsOf: URL(fileURLWithPath: b + "/" + file))
            let z = try Data(contentsOf: URL(fileURLWithPath: c + "/" + file))
            #expect(x == y, "\(file) differs between runs")
            #expect(x.count > 100)
            if file != "tutor_posts.csv" { #expect(x != z, "\(file) does not depend on the seed") }
        }
    }

    @Test func headersAreExactlyTheContracts() throws {
        let export = try Support.shared.get()
        let expected: [String: String] = [
            "roster.csv": "身份证号,姓名,性别,区县,单位,学段,学科,坊,角色",
            "courses.csv": "身份证号,课程名称,模块,学时,完成时间",
            "activities.csv": "身份证号,活动名称,状态,完成时间",
            "homework.csv": "身份证号,作业名称,提交时间,批阅等级,推优",
            "tutor_posts.csv": "身份证号,类型,标题,发布时间,坊",
        ]
        for (file, header) in expected {
            let data = try Data(contentsOf: URL(fileURLWithPath: export.directory + "/" + file))
            let firstLine = data.prefix { $0 != UInt8(ascii: "\n") }
            #expect(String(decoding: firstLine, as: UTF8.self) == header)
            #expect(data.first != 0xEF, "no BOM")
        }
        #expect(export.summary.files.map { ($0 as NSString).lastPathComponent } == SampleGenerator.files.map(\.name))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: export.directory).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func everyIDIsValidUniqueAndFromXuchang() throws {
        let export = try Support.shared.get()
        let rows = export.roster.dropFirst()
        #expect(rows.count == 3000)
        var seen = Set<String>()
        for row in rows {
            let id = row[0]
            #expect(IDNumber.normalize(id) == id, "invalid ID \(id)")
            #expect(seen.insert(id).inserted, "duplicate ID \(id)")
            #expect(Self.areaCodes[String(id.prefix(6))] == row[3], "area code of \(id) does not match \(row[3])")
            let year = Int(id.dropFirst(6).prefix(4)) ?? 0
            #expect((1962...1999).contains(year))
            let sequenceDigit = Int(String(Array(id)[16])) ?? 0
            #expect(row[2] == (sequenceDigit % 2 == 1 ? "男" : "女"))
        }
        #expect(Set(rows.map { $0[3] }).count == 9, "all nine counties appear")
    }

    @Test func idsStayUniqueAtAMillionPeople() {
        #expect(CivilDate(dayNumber: SampleIdentity.firstBirthDay) == CivilDate(year: 1962, month: 1, day: 1))
        #expect(CivilDate(dayNumber: SampleIdentity.firstBirthDay + SampleIdentity.birthDays - 1)
                == CivilDate(year: 1999, month: 12, day: 31))
        let identity = SampleIdentity(seed: 2021)
        var seen = Set<UInt64>()
        seen.reserveCapacity(1_000_000)
        let area = Array("411002".utf8)
        for i in 0..<1_000_000 {
            let id = identity.id(index: i, areaCode: area, female: i % 3 == 0)
            // Digits 7–17 (birth date and sequence) must differ person to person, whatever the county.
            var key: UInt64 = 0
            for b in id[6..<17] { key = key * 10 + UInt64(b - 48) }
            seen.insert(key)
        }
        #expect(seen.count == 1_000_000)
    }

    @Test func rosterHasOneTutorPerClassAndTwentyToSixtyTrainees() throws {
        let export = try Support.shared.get()
        var trainees: [String: Int] = [:], tutors: [String: Int] = [:]
        var tutorTrainees = 0
        for row in export.roster.dropFirst() {
            #expect(row.count == 9)
            #expect(!row[1].isEmpty && row[1].count <= 4, "name \(row[1])")
            #expect(!row[4].isEmpty)
            #expect(Self.planSubjects[row[5]]?.contains(row[6]) == true, "\(row[5]) \(row[6])")
            #expect(row[7].hasSuffix("坊") && row[7].contains(row[6]))
            switch row[8] {
            case "学员": trainees[row[7], default: 0] += 1
            case "坊主": tutors[row[7], default: 0] += 1
            case "坊主兼学员": tutors[row[7], default: 0] += 1; tutorTrainees += 1
            default: Issue.record("unknown role \(row[8])")
            }
        }
        #expect(Set(trainees.keys) == Set(tutors.keys))
        #expect(tutors.values.allSatisfy { $0 == 1 })
        #expect(trainees.values.allSatisfy { (20...60).contains($0) }, "\(trainees.values.sorted())")
        #expect(export.summary.classes == tutors.count)
        let share = Double(tutorTrainees) / Double(tutors.count)
        #expect(share > 0.02 && share < 0.25, "坊主兼学员 share \(share)")
        // Names include a few rare characters, but only a few.
        let rare = export.roster.dropFirst().filter { $0[1].unicodeScalars.contains { "堃喆玥昇𬌗䶮犇淼珺旻翀赟昶龑祎".unicodeScalars.contains($0) } }
        #expect(rare.count >= 30 && rare.count < 150, "\(rare.count) rare names")
        #expect(rare.contains { $0[1].contains("𬌗") } && rare.contains { $0[1].contains("䶮") })
    }

    @Test func timesParseAndSitInThePeriod() throws {
        let export = try Support.shared.get()
        var courseTimes = 0, courseInPeriod = 0, unfinished = 0
        for row in export.courses.dropFirst() {
            #expect(row.count == 5)
            if row[4].isEmpty { unfinished += 1; continue }
            #expect(Timestamp.parse(row[4]) != nil, "bad time \(row[4])")
            courseTimes += 1
            if Support.inPeriod(row[4]) { courseInPeriod += 1 }
        }
        #expect(Double(courseInPeriod) / Double(courseTimes) > 0.995)
        #expect(courseInPeriod < courseTimes, "some rows are deliberately out of period")
        #expect(unfinished > 0)
        for row in export.activities.dropFirst() {
            #expect(row[2] == "已完成" ? Support.inPeriod(row[3]) : (row[2] == "未完成" && row[3].isEmpty))
        }
        for row in export.homework.dropFirst() {
            #expect(Support.inPeriod(row[2]))
            #expect(["优秀", "良好", "中等", ""].contains(row[3]))
            #expect(["是", "否"].contains(row[4]))
        }
        for row in export.posts.dropFirst() {
            #expect(["公告", "简报"].contains(row[1]))
            #expect(Support.inPeriod(row[3]))
            #expect(!row[2].isEmpty && !row[4].isEmpty)
        }
    }

    @Test func deliberateAnomaliesArePresentAndRare() throws {
        let export = try Support.shared.get()
        let scheme = try Support.seedScheme()
        let ids = Set(export.roster.dropFirst().map { $0[0] })
        var unknownModule = 0, badHours = 0, outOfPeriod = 0, unknownID = 0
        for row in export.courses.dropFirst() {
            if scheme.moduleIndex(named: row[2]) == nil { unknownModule += 1 }
            if Hours.parse(row[3]) == nil { badHours += 1 }
            if !row[4].isEmpty && !Support.inPeriod(row[4]) { outOfPeriod += 1 }
            if !ids.contains(row[0]) {
                unknownID += 1
                #expect(IDNumber.normalize(row[0]) != nil, "the unknown ID is still a valid ID")
            }
        }
        #expect(unknownModule >= 1 && badHours >= 1 && outOfPeriod >= 1 && unknownID >= 1)
        let total = unknownModule + badHours + outOfPeriod + unknownID
        #expect(total == export.summary.anomalies.values.reduce(0, +))
        let share = Double(total) / Double(export.courses.count - 1)
        #expect(share > 0.0003 && share < 0.003, "anomaly share \(share)")
        // Nothing else is broken: other files reference roster IDs only.
        for row in export.activities.dropFirst() + export.homework.dropFirst() + export.posts.dropFirst() {
            #expect(ids.contains(row[0]))
        }
    }

    /// Counted hours and a rough score per the seed's rules: most but not all trainees pass.
    @Test func mostButNotAllTraineesWouldPass() throws {
        let export = try Support.shared.get()
        let scheme = try Support.seedScheme()
        let trainees = Set(export.roster.dropFirst().filter { $0[8] == "学员" }.map { $0[0] })
        var courses: [String: [String: (module: Int, hours: Double)]] = [:]
        var rowsPerPerson: [String: Int] = [:]
        var repeats = 0
        for row in export.courses.dropFirst() {
            rowsPerPerson[row[0], default: 0] += 1
            guard let m = scheme.moduleIndex(named: row[2]), let h = Hours.parse(row[3]),
                  !row[4].isEmpty, Support.inPeriod(row[4]) else { continue }
            if courses[row[0], default: [:]][row[1]] != nil { repeats += 1; continue }
            courses[row[0], default: [:]][row[1]] = (m, h.doubleValue)
        }
        var activities: [String: Set<String>] = [:]
        for row in export.activities.dropFirst() where row[2] == "已完成" { activities[row[0], default: []].insert(row[1]) }
        var homework: [String: (time: String, grade: String, recommended: Bool)] = [:]
        for row in export.homework.dropFirst() where row[2] >= (homework[row[0]]?.time ?? "") {
            homework[row[0]] = (row[2], row[3], row[4] == "是")
        }
        var sixty = 0, passed = 0, recommended = 0, submitted = 0, graded = 0
        for id in trainees {
            var hours = [Double](repeating: 0, count: scheme.modules.count)
            for (_, c) in courses[id] ?? [:] { hours[c.module] += c.hours }
            if hours.reduce(0, +) >= 60 { sixty += 1 }
            var score = 0.0
            for (m, module) in scheme.modules.enumerated() {
                let required = module.requiredHours.doubleValue
                score += min(hours[m], required) / required * Double(module.points.numerator) / Double(module.points.denominator)
            }
            score += Double(activities[id]?.count ?? 0) * 10
            if let h = homework[id] {
                submitted += 1
                if !h.grade.isEmpty { graded += 1 }
                if h.recommended { recommended += 1 }
                score += ["优秀": 10, "良好": 8, "中等": 6][h.grade] ?? 0
            }
            if score >= 89.995 { passed += 1 }
        }
        let n = Double(trainees.count)
        #expect(Double(sixty) / n > 0.75 && Double(sixty) / n < 0.97, "≥60 h share \(Double(sixty) / n)")
        #expect(Double(passed) / n > 0.78 && Double(passed) / n < 0.96, "pass share \(Double(passed) / n)")
        #expect(Double(submitted) / n > 0.85)
        #expect(Double(graded) / Double(submitted) > 0.9 && graded < submitted)
        let recommendShare = Double(recommended) / Double(submitted)
        #expect(recommendShare > 0.08 && recommendShare < 0.25, "推优 share \(recommendShare)")
        #expect(repeats > 0)
        let averageRows = Double(rowsPerPerson.values.reduce(0, +)) / Double(rowsPerPerson.count)
        #expect(averageRows > 25 && averageRows < 40, "course rows per person \(averageRows)")
        #expect(export.homework.count - 1 > submitted, "some resubmissions")
    }

    @Test func tutorsPostVariedAnnouncementsAndBriefings() throws {
        let export = try Support.shared.get()
        let tutorIDs = Set(export.roster.dropFirst().filter { $0[8] != "学员" }.map { $0[0] })
        var briefings: [String: Int] = [:], announcements: [String: Int] = [:]
        for row in export.posts.dropFirst() {
            #expect(tutorIDs.contains(row[0]))
            if row[1] == "简报" { briefings[row[0], default: 0] += 1 } else { announcements[row[0], default: 0] += 1 }
        }
        let counts = tutorIDs.map { briefings[$0] ?? 0 }
        #expect(counts.allSatisfy { (0...4).contains($0) })
        #expect(counts.filter { $0 >= 3 }.count * 10 > tutorIDs.count * 6, "mostly three or more briefings")
        #expect(Set(counts).count >= 3, "varied")
        #expect(announcements.count * 10 > tutorIDs.count * 8)
    }

    @Test func refusesANonEmptyFolderUnlessForced() throws {
        let scheme = try Support.seedScheme()
        let dir = Support.temporaryDirectory("force")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: dir + "/notes.txt"))
        #expect(throws: SampleError.directoryNotEmpty(dir)) {
            try SampleGenerator(scheme: scheme, people: 50, seed: 1).write(to: dir)
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/roster.csv"))
        try Data("old".utf8).write(to: URL(fileURLWithPath: dir + "/学员名单.xlsx"))
        try Data("old".utf8).write(to: URL(fileURLWithPath: dir + "/courses.csv"))
        let summary = try SampleGenerator(scheme: scheme, people: 50, seed: 1).write(to: dir, overwrite: true)
        #expect(summary.people == 50)
        #expect(FileManager.default.fileExists(atPath: dir + "/notes.txt"), "unrelated files stay")
        #expect(!FileManager.default.fileExists(atPath: dir + "/学员名单.xlsx"), "a second roster would be ambiguous")
        #expect(try Support.readCSV(dir + "/courses.csv").count > 50)
        #expect(throws: SampleError.peopleOutOfRange(0, maximum: SampleGenerator.maximumPeople)) {
            try SampleGenerator(scheme: scheme, people: 0, seed: 1).write(to: Support.temporaryDirectory("zero"))
        }
        let file = dir + "/notes.txt"
        #expect(throws: SampleError.notADirectory(file)) {
            try SampleGenerator(scheme: scheme, people: 5, seed: 1).write(to: file)
        }
    }

    @Test(arguments: [1, 2, 21, 62, 83])
    func tinySamplesStillMakeSense(people: Int) throws {
        let export = try Support.generate(people: people, seed: 5)
        #expect(export.roster.count == people + 1)
        #expect(export.summary.tutors == export.summary.classes)
        #expect(export.roster.dropFirst().first?[8] != "学员")
    }

    @Test func committedSeedSampleIsCurrent() throws {
        let committed = Support.repositoryRoot.appendingPathComponent("seeds/xuchang-2021-1/sample").path
        let fresh = Support.temporaryDirectory("seed")
        _ = try SampleGenerator(scheme: try Support.seedScheme(), people: 300, seed: 2021).write(to: fresh)
        for file in SampleGenerator.files.map(\.name) {
            let a = try Data(contentsOf: URL(fileURLWithPath: committed + "/" + file))
            let b = try Data(contentsOf: URL(fileURLWithPath: fresh + "/" + file))
            #expect(a == b, "seeds/xuchang-2021-1/sample/\(file) is stale: run `peixun sample --people 300 --seed 2021`")
        }
    }

    @Test func namesComeFromTheScheme() throws {
        let path = Support.repositoryRoot.appendingPathComponent("seeds/xuchang-2021-1/scheme.toml").path
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "name = \"专业知识\"\nrequired_hours = 15", with: "name = \"学科素养\"\nrequired_hours = 30")
            .replacingOccurrences(of: "\"我的培训总结\"", with: "\"研修日志\"")
            .replacingOccurrences(of: "\"信息技术应用大PK\"", with: "\"=课例,研讨\"")
            .replacingOccurrences(of: "\"良好\"", with: "\"合格\"")
        let scheme = try SchemeLoader.parse(text)
        #expect(scheme.moduleIndex(named: "学科素养") != nil)
        let dir = Support.temporaryDirectory("custom")
        let summary = try SampleGenerator(scheme: scheme, people: 400, seed: 9).write(to: dir)
        let courses = try Support.readCSV(dir + "/courses.csv").dropFirst()
        var hours: [String: Double] = [:]
        for row in courses where scheme.moduleIndex(named: row[2]) == nil {
            #expect(row[2] == "综合素养", "unexpected module \(row[2])")
        }
        for row in courses where row[2] == "学科素养" && !row[4].isEmpty && Support.inPeriod(row[4]) {
            hours[row[0], default: 0] += Double(row[3]) ?? 0
        }
        // A 30-hour module is still reachable: the catalogue grows with the requirement.
        #expect(hours.values.filter { $0 >= 30 }.count * 10 > summary.trainees * 7)
        let activities = try Support.readCSV(dir + "/activities.csv").dropFirst()
        #expect(Set(activities.map { $0[1] }) == ["我的近期发展规划", "'=课例,研讨"], "CSV-quoted and formula-guarded")
        let homework = try Support.readCSV(dir + "/homework.csv").dropFirst()
        #expect(Set(homework.map { $0[1] }) == ["研修日志"])
        #expect(Set(homework.map { $0[3] }).isSubset(of: ["优秀", "合格", "中等", ""]))
        #expect(homework.contains { $0[3] == "合格" })
    }
}
