import Testing
@testable import PeixunCore

@Suite struct SchemeLoaderTests {
    @Test func seedSchemeEncodesThePlan() throws {
        let s = try TestSchemes.seed()
        #expect(s.modules.map(\.name) == ["专业理念与师德", "专业知识", "专业能力", "信息技术"])
        #expect(s.modules.map(\.requiredHours) == [15, 15, 10, 20].map { Hours(whole: $0) })
        #expect(s.modules.map(\.points) == [20, 20, 10, 20].map { Fraction($0) })
        #expect(s.activities.map(\.name) == ["我的近期发展规划", "信息技术应用大PK"])
        #expect(s.homework.grades.map(\.name) == ["优秀", "良好", "中等"])
        #expect(s.maximumTraineePoints == Fraction(100))
        #expect(s.tutor.maximumPoints == Fraction(100))
        #expect(s.trainee.passScore == Fraction(90))
        #expect(s.trainee.excellentRatio == Fraction(1, 10))
        #expect(s.trainee.excellentScope == .class)
        #expect(s.tutor.participationBands.map(\.minimumRate) == [Fraction(95, 100), Fraction(85, 100), Fraction(60, 100)])
        #expect(s.tutorTrainee.hoursToPass == Hours(whole: 40))
        #expect(s.programme.periodStart.description == "2021-09-10")
        #expect(s.programme.periodEnd.description == "2021-12-20")
    }

    /// Each edit of the seed text must be refused naming this key path.
    @Test(arguments: [
        ("pass_score = 90\nexcellent_ratio = 0.10", "pass_score = 90\nexcellent_ratio = 1.5", "trainee.excellent_ratio"),
        ("participation_bands = [\n  { min_rate = 0.95, points = 20 },\n  { min_rate = 0.85", "participation_bands = [\n  { min_rate = 0.95, points = 20 },\n  { min_rate = 0.97", "tutor.participation_bands[1].min_rate"),
        ("name = \"专业知识\"\nrequired_hours = 15", "name = \"专业知识\"\nrequired_hours = 15\ncolour = \"red\"", "modules[1].colour"),
        ("required_hours = 10\npoints = 10", "required_hours = 10\npoints = 0", "modules[2].points"),
        ("issuer = \"许昌市中小学教师培训中心\"\n", "", "programme.issuer"),
        ("module = \"信息技术\"\npoints = 10", "module = \"信息技巧\"\npoints = 10", "activities[1].module"),
        ("version = 1", "version = 7", "version"),
        ("{ name = \"良好\", points = 8 }", "{ name = \"良好\", points = 12 }", "homework.grades[1].points"),
        ("kind_codes = { completion = \"JY\"", "kind_codes = { completion = \"YX\"", "certificates.kind_codes"),
    ])
    func malformedSchemeNamesTheKey(_ find: String, _ replace: String, _ keyPath: String) throws {
        let text = try TestSchemes.seedText()
        #expect(text.contains(find), "fixture text not found: \(find)")
        let edited = text.replacingOccurrences(of: find, with: replace)
        let error = #expect(throws: SchemeError.self) { try SchemeLoader.parse(edited) }
        #expect(error?.keyPath == keyPath, "\(String(describing: error))")
    }

    @Test func notTOMLAtAll() {
        #expect(throws: SchemeError.self) { try SchemeLoader.parse("version = = 1") }
    }

    @Test func ratesMayBePercentStrings() throws {
        let text = try TestSchemes.seedText().replacingOccurrences(of: "excellent_ratio = 0.10\nexcellent_scope", with: "excellent_ratio = \"15%\"\nexcellent_scope")
        #expect(try SchemeLoader.parse(text).trainee.excellentRatio == Fraction(15, 100))
    }
}
