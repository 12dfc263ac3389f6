import Testing
@testable import PeixunCore

@Suite struct ProfileLoaderTests {
    /// The key path and reason of the error a profile text raises.
    func failure(_ text: String) -> ProfileError? {
        do {
            _ = try ProfileLoader.parse(text, file: "p.toml")
            return nil
        } catch let e as ProfileError {
            return e
        } catch {
            return nil
        }
    }

    @Test func emptyProfileIsTheContract() throws {
        let p = try ProfileLoader.parse("")
        #expect(p.tables.isEmpty)
        #expect(p.layout(.courses).headers(for: "学时") == ["学时"])
        #expect(p.layout(.courses).minutesPerHour == nil)
    }

    @Test func readsEveryKey() throws {
        let p = try ProfileLoader.parse("""
            version = 1
            name = "某平台"
            [courses]
            files = ["课程学习明细*", "courses_*.xlsx"]
            columns = { "身份证号" = ["证件号码", "身份证号码"], "学时" = "有效学习时长（分钟）" }
            minutes_per_hour = 45
            time_formats = ["%Y年%m月%d日 %H:%M"]
            [homework]
            values."推优" = { "是" = ["推荐"], "否" = [""] }
            """)
        #expect(p.name == "某平台")
        let c = p.layout(.courses)
        #expect(c.files == ["课程学习明细*", "courses_*.xlsx"])
        #expect(c.headers(for: "身份证号") == ["证件号码", "身份证号码"])
        #expect(c.headers(for: "模块") == ["模块"])
        #expect(c.minutesPerHour == 45)
        #expect(c.timeFormats.map(\.pattern) == ["%Y年%m月%d日 %H:%M"])
        let h = p.layout(.homework)
        #expect(h.values["推优"]?.value(for: "") == "否")
        #expect(h.values["推优"]?.value(for: "推荐") == "是")
        #expect(h.values["推优"]?.value(for: "是") == nil)
    }

    @Test(arguments: [
        // (profile text, key path, a word of the reason)
        ("colour = 1", "colour", "unknown key"),
        ("[students]\nfiles = [\"a*\"]", "students", "unknown key"),
        ("[roster]\nsheet = 1", "roster.sheet", "unknown key"),
        ("[roster]\nminutes_per_hour = 45", "roster.minutes_per_hour", "unknown key"),
        ("[courses]\ncolumns = { \"学分\" = \"x\" }", "courses.columns.学分", "unknown column of courses"),
        ("[courses]\nvalues.\"学分\" = { \"a\" = [\"b\"] }", "courses.values.学分", "unknown column of courses"),
        ("[courses]\nminutes_per_hour = 45.5", "courses.minutes_per_hour", "whole number"),
        ("[courses]\nminutes_per_hour = \"45\"", "courses.minutes_per_hour", "whole number"),
        ("[courses]\nminutes_per_hour = 0", "courses.minutes_per_hour", "divides 3600"),
        ("[courses]\nminutes_per_hour = 7", "courses.minutes_per_hour", "divides 3600"),
        ("[courses]\ntime_formats = [\"%Y年%m月 %H:%M\"]", "courses.time_formats[0]", "%d"),
        ("[courses]\ntime_formats = [\"%Y-%m-%d %H:%Q\"]", "courses.time_formats[0]", "unknown directive %Q"),
        ("[courses]\ntime_formats = \"%Y-%m-%d\"", "courses.time_formats", "array"),
        ("[courses]\ntime_formats = [\"%Y %m %d %Y\"]", "courses.time_formats[0]", "twice"),
        ("[courses]\nfiles = 3", "courses.files", "string"),
        ("[courses]\nfiles = [\"a\", 3]", "courses.files[1]", "string"),
        ("[courses]\ncolumns = { \"学时\" = 3 }", "courses.columns.学时", "string"),
        ("[courses]\ncolumns = { \"学时\" = \"分钟\", \"模块\" = \"分钟\" }", "courses.columns.学时", "already the header"),
        ("[roster]\nvalues.\"角色\" = { \"老师\" = [\"教师\"] }", "roster.values.角色.老师", "not a §3 value"),
        ("[homework]\nvalues.\"推优\" = { \"是\" = [\"Y\"], \"否\" = [\"Y\"] }", "homework.values.推优.是", "already stands for"),
        ("[roster]\nfiles = [\"a*\"]\n[courses]\nfiles = [\"a*\"]", "courses.files", "already the pattern"),
        ("[roster]\nfiles = [\"in/a*\"]", "roster.files[0]", "not a path"),
        ("version = 2", "version", "unsupported"),
        ("name = 3", "name", "string"),
        ("roster = 3", "roster", "table"),
    ])
    func refusedWithKeyPath(_ text: String, _ keyPath: String, _ reason: String) throws {
        let e = try #require(failure(text))
        #expect(e.file == "p.toml")
        #expect(e.keyPath == keyPath)
        #expect(e.reason.contains(reason), "\(e.reason)")
        #expect(e.description.contains("p.toml: \(keyPath): "))
    }

    @Test func notTOML() throws {
        let e = try #require(failure("[courses\nfiles = 1"))
        #expect(e.keyPath == "")
        #expect(e.reason.contains("not valid TOML"))
    }

    @Test(arguments: [40, 45, 50, 60, 1, 3600])
    func minutesPerHourDividing3600(_ m: Int) throws {
        #expect(try ProfileLoader.parse("[courses]\nminutes_per_hour = \(m)").layout(.courses).minutesPerHour == m)
    }
}

extension ProfileLoaderTests {
    /// `inspect`'s snippet writes `?` where a clerk must fill in a spelling: it loads and matches nothing.
    @Test func questionMarkSpellingsArePlaceholders() throws {
        let p = try ProfileLoader.parse("[roster]\nvalues.\"角色\" = { \"学员\" = [\"?\"], \"坊主\" = [\"?\", \"辅导教师\"] }")
        let map = try #require(p.layout(.roster).values["角色"])
        #expect(map.value(for: "?") == nil)
        #expect(map.value(for: "辅导教师") == "坊主")
        #expect(map.pairs.count == 1)
    }
}
