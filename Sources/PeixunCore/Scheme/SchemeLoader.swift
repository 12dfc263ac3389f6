import Foundation
import TOMLKit

/// Reads a scheme from TOML, refusing unknown keys, missing keys, wrong types
/// and rules that make no sense, each with its key path.
public enum SchemeLoader {
    public static let currentVersion = 1

    private static func error(_ file: String, _ reason: String) -> any Error {
        SchemeError(file: file, keyPath: "", reason: reason)
    }

    public static func load(path: String) throws -> Scheme {
        let (text, name) = try TOMLFile.text(path: path, kind: "scheme", error: error)
        return try parse(text, file: name)
    }

    public static func parse(_ text: String, file: String = "scheme.toml") throws -> Scheme {
        let root = try TOMLFile.table(text, file: file, error: error)
        return try Reader(file: file).scheme(Node(table: root, path: ""))
    }
}

/// A TOML table with its key path, checking that every key present is known.
struct Node {
    let table: TOMLTable
    let path: String

    func sub(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}

private struct Reader {
    let file: String

    func fail(_ path: String, _ reason: String) -> SchemeError {
        SchemeError(file: file, keyPath: path, reason: reason)
    }

    func only(_ node: Node, _ keys: Set<String>) throws {
        for k in node.table.keys.sorted() where !keys.contains(k) {
            throw fail(node.sub(k), "unknown key (expected one of: \(keys.sorted().joined(separator: ", ")))")
        }
    }

    func value(_ node: Node, _ key: String) throws -> TOMLValueConvertible {
        guard let v = node.table[key] else { throw fail(node.sub(key), "missing key") }
        return v
    }

    func string(_ node: Node, _ key: String) throws -> String {
        guard let s = try value(node, key).string else { throw fail(node.sub(key), "must be a string") }
        let t = s.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { throw fail(node.sub(key), "must not be empty") }
        return t
    }

    func optionalString(_ node: Node, _ key: String) throws -> String? {
        node.table[key] == nil ? nil : try string(node, key)
    }

    func int(_ node: Node, _ key: String) throws -> Int {
        guard let i = try value(node, key).int else { throw fail(node.sub(key), "must be a whole number") }
        return i
    }

    /// A number, exactly: integers as such, TOML floats by their shortest
    /// decimal text (0.95 is 95/100, never 0.9499999…), strings like "95%".
    func number(_ node: Node, _ key: String) throws -> Fraction {
        let v = try value(node, key)
        if let i = v.int { return Fraction(i) }
        if let d = v.double, d.isFinite, let f = Fraction(decimal: "\(d)".replacingOccurrences(of: "e", with: "x")) { return f }
        if let s = v.string, let f = Fraction(decimal: s.trimmingCharacters(in: .whitespaces)) { return f }
        throw fail(node.sub(key), "must be a number (e.g. 20, 1.5 or \"95%\")")
    }

    func positive(_ node: Node, _ key: String) throws -> Fraction {
        let f = try number(node, key)
        guard f > .zero else { throw fail(node.sub(key), "must be > 0") }
        return f
    }

    func nonNegative(_ node: Node, _ key: String) throws -> Fraction {
        let f = try number(node, key)
        guard f >= .zero else { throw fail(node.sub(key), "must be ≥ 0") }
        return f
    }

    func ratio(_ node: Node, _ key: String) throws -> Fraction {
        let f = try number(node, key)
        guard f >= .zero, f <= .one else { throw fail(node.sub(key), "must be a ratio between 0 and 1 (got \(f.decimalString(places: 4)))") }
        return f
    }

    func hours(_ node: Node, _ key: String) throws -> Hours {
        let f = try positive(node, key)
        let units = f * Fraction(Hours.scale)
        guard units.denominator == 1 else {
            throw fail(node.sub(key), "must have at most \(Hours.maxFractionDigits) decimals")
        }
        return Hours(units: units.numerator)
    }

    func date(_ node: Node, _ key: String) throws -> CivilDate {
        let v = try value(node, key)
        if let d = v.date {
            guard let c = CivilDate(year: d.year, month: d.month, day: d.day) else { throw fail(node.sub(key), "not a real date") }
            return c
        }
        guard let s = v.string, let c = CivilDate(iso: s) else { throw fail(node.sub(key), "must be a date YYYY-MM-DD") }
        return c
    }

    func table(_ node: Node, _ key: String) throws -> Node {
        guard let t = try value(node, key).table else { throw fail(node.sub(key), "must be a table") }
        return Node(table: t, path: node.sub(key))
    }

    func tables(_ node: Node, _ key: String) throws -> [Node] {
        guard let a = try value(node, key).array else { throw fail(node.sub(key), "must be an array of tables") }
        return try a.enumerated().map { i, v in
            guard let t = v.table else { throw fail("\(node.sub(key))[\(i)]", "must be a table") }
            return Node(table: t, path: "\(node.sub(key))[\(i)]")
        }
    }

    // MARK: - The scheme

    func scheme(_ root: Node) throws -> Scheme {
        try only(root, ["version", "programme", "modules", "activities", "homework", "trainee", "tutor",
                        "tutor_trainee", "certificates"])
        let version = try int(root, "version")
        guard version == SchemeLoader.currentVersion else {
            throw fail("version", "unsupported scheme version \(version) (this build reads \(SchemeLoader.currentVersion))")
        }
        let programme = try self.programme(try table(root, "programme"))
        let modules = try tables(root, "modules").map(module)
        guard !modules.isEmpty else { throw fail("modules", "at least one module is required") }
        try unique(modules.map(\.name), "modules", "name")
        let moduleNames = Set(modules.map(\.name))
        let activities = try (root.table["activities"] == nil ? [] : tables(root, "activities")).map { try activity($0, moduleNames) }
        try unique(activities.map(\.name), "activities", "name")
        let homework = try self.homework(try table(root, "homework"), moduleNames)
        return Scheme(
            version: version, programme: programme, modules: modules, activities: activities,
            homework: homework, trainee: try trainee(try table(root, "trainee")),
            tutor: try tutor(try table(root, "tutor")),
            tutorTrainee: try tutorTrainee(try table(root, "tutor_trainee")),
            certificates: try certificates(try table(root, "certificates")))
    }

    func unique(_ names: [String], _ key: String, _ field: String) throws {
        var seen = Set<String>()
        for (i, n) in names.enumerated() where !seen.insert(n).inserted {
            throw fail("\(key)[\(i)].\(field)", "duplicate name '\(n)'")
        }
    }

    func programme(_ n: Node) throws -> Programme {
        try only(n, ["name", "issuer", "period_start", "period_end", "issue_date", "code"])
        let start = try date(n, "period_start"), end = try date(n, "period_end")
        guard start <= end else { throw fail(n.sub("period_end"), "must not be before period_start") }
        let code = try string(n, "code")
        guard code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw fail(n.sub("code"), "must be ASCII letters, digits, - or _")
        }
        return Programme(name: try string(n, "name"), issuer: try string(n, "issuer"), periodStart: start,
                         periodEnd: end, issueDate: try date(n, "issue_date"), code: code)
    }

    func module(_ n: Node) throws -> Module {
        try only(n, ["name", "required_hours", "points"])
        return Module(name: try string(n, "name"), requiredHours: try hours(n, "required_hours"), points: try positive(n, "points"))
    }

    func activity(_ n: Node, _ modules: Set<String>) throws -> Activity {
        try only(n, ["name", "module", "points"])
        let m = try string(n, "module")
        guard modules.contains(m) else { throw fail(n.sub("module"), "no module named '\(m)'") }
        return Activity(name: try string(n, "name"), module: m, points: try positive(n, "points"))
    }

    func homework(_ n: Node, _ modules: Set<String>) throws -> HomeworkRule {
        try only(n, ["name", "module", "grades"])
        let m = try string(n, "module")
        guard modules.contains(m) else { throw fail(n.sub("module"), "no module named '\(m)'") }
        let grades = try tables(n, "grades").map { g -> HomeworkRule.Grade in
            try only(g, ["name", "points"])
            return HomeworkRule.Grade(name: try string(g, "name"), points: try nonNegative(g, "points"))
        }
        guard !grades.isEmpty else { throw fail(n.sub("grades"), "at least one grade is required") }
        try unique(grades.map(\.name), n.sub("grades"), "name")
        for i in grades.indices.dropFirst() where grades[i].points > grades[i - 1].points {
            throw fail("\(n.sub("grades"))[\(i)].points", "grades must be listed best first (points not ascending)")
        }
        return HomeworkRule(name: try string(n, "name"), module: m, grades: grades)
    }

    func scope(_ n: Node, _ key: String) throws -> RankingScope {
        let s = try string(n, key)
        guard let scope = RankingScope(rawValue: s) else {
            throw fail(n.sub(key), "must be one of \(RankingScope.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return scope
    }

    func trainee(_ n: Node) throws -> TraineeRules {
        try only(n, ["pass_score", "excellent_ratio", "excellent_scope"])
        return TraineeRules(passScore: try nonNegative(n, "pass_score"), excellentRatio: try ratio(n, "excellent_ratio"),
                            excellentScope: n.table["excellent_scope"] == nil ? .class : try scope(n, "excellent_scope"))
    }

    func bands(_ n: Node, _ key: String) throws -> [RateBand] {
        let list = try tables(n, key).map { b -> RateBand in
            try only(b, ["min_rate", "points"])
            return RateBand(minimumRate: try ratio(b, "min_rate"), points: try nonNegative(b, "points"))
        }
        guard !list.isEmpty else { throw fail(n.sub(key), "at least one band is required") }
        for i in list.indices.dropFirst() {
            guard list[i].minimumRate < list[i - 1].minimumRate else {
                throw fail("\(n.sub(key))[\(i)].min_rate", "bands must be listed with min_rate strictly descending")
            }
            guard list[i].points <= list[i - 1].points else {
                throw fail("\(n.sub(key))[\(i)].points", "a lower band cannot earn more points than a higher one")
            }
        }
        return list
    }

    func countRule(_ n: Node) throws -> CountRule {
        try only(n, ["points_each", "max_count"])
        let c = try int(n, "max_count")
        guard c >= 0 else { throw fail(n.sub("max_count"), "must be ≥ 0") }
        return CountRule(pointsEach: try nonNegative(n, "points_each"), maximumCount: c)
    }

    func rateRule(_ n: Node) throws -> RateBand {
        try only(n, ["min_rate", "points"])
        return RateBand(minimumRate: try ratio(n, "min_rate"), points: try nonNegative(n, "points"))
    }

    func tutor(_ n: Node) throws -> TutorRules {
        try only(n, ["pass_score", "excellent_ratio", "participation_bands", "pass_rate_bands", "announcement",
                     "briefing", "review", "recommendation"])
        return TutorRules(
            passScore: try nonNegative(n, "pass_score"), excellentRatio: try ratio(n, "excellent_ratio"),
            participationBands: try bands(n, "participation_bands"), passRateBands: try bands(n, "pass_rate_bands"),
            announcement: try countRule(try table(n, "announcement")), briefing: try countRule(try table(n, "briefing")),
            review: try rateRule(try table(n, "review")), recommendation: try rateRule(try table(n, "recommendation")))
    }

    func tutorTrainee(_ n: Node) throws -> TutorTraineeRules {
        try only(n, ["hours_to_pass", "hours_to_pass_if_excellent_tutor"])
        return TutorTraineeRules(hoursToPass: try hours(n, "hours_to_pass"),
                                 hoursToPassIfExcellentTutor: try hours(n, "hours_to_pass_if_excellent_tutor"))
    }

    func certificates(_ n: Node) throws -> CertificateRules {
        try only(n, ["number_format", "kind_codes", "verify_url"])
        let format = try string(n, "number_format")
        guard format.contains("{seq") else { throw fail(n.sub("number_format"), "must contain {seq} or {seq:0N}") }
        let codesNode = try table(n, "kind_codes")
        try only(codesNode, Set(CertificateKind.allCases.map(\.rawValue)))
        var codes: [CertificateKind: String] = [:]
        for kind in CertificateKind.allCases { codes[kind] = try string(codesNode, kind.rawValue) }
        guard Set(codes.values).count == codes.count else { throw fail(codesNode.path, "kind codes must differ") }
        var verifyURL: String?
        if n.table["verify_url"] != nil {
            let url = try string(n, "verify_url")
            if let reason = VerifyURL.problem(url) { throw fail(n.sub("verify_url"), reason) }
            verifyURL = url
        }
        return CertificateRules(numberFormat: format, kindCodes: codes, verifyURL: verifyURL)
    }
}
