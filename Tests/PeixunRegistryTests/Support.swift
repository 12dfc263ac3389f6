import Foundation
import PeixunCore
@testable import PeixunRegistry

/// Hand-built `Results` for registry tests: only what the registry reads is
/// meaningful (person, passed, excellent, total).
enum Fixture {
    static func scheme() throws -> Scheme {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try SchemeLoader.load(path: root.appendingPathComponent("seeds/xuchang-2021-1/scheme.toml").path)
    }

    /// A valid 18-character ID for person `n` (0…999).
    static func id(_ n: Int) -> String {
        let first17 = Array("41010219800101".utf8) + Array(String(format: "%03d", n).utf8)
        return String(decoding: first17 + [IDNumber.checkCharacter(for: first17)], as: UTF8.self)
    }

    static func person(_ n: Int, name: String? = nil, role: Role = .trainee, school: String = "许昌市第一中学") -> Person {
        Person(id: id(n), name: name ?? "学员\(n)", gender: "女", county: "魏都区", school: school, stage: "初中",
               subject: "语文", className: "第\(n % 3 + 1)坊", role: role, line: n + 1)
    }

    static func trainee(_ n: Int, name: String? = nil, passed: Bool, excellent: Bool = false,
                        total: Int64? = nil, school: String = "许昌市第一中学") -> TraineeResult {
        TraineeResult(person: person(n, name: name, school: school), hours: [], modulePoints: [],
                      activitiesCompleted: [], activityPoints: [], homework: .missing,
                      total: Points(hundredths: total ?? (passed ? 9_500 : 8_000)), passed: passed,
                      passBasis: passed ? .score : nil, rank: nil, scopeSize: nil, quota: nil, excellent: excellent,
                      participated: true, certificates: [])
    }

    static func tutor(_ n: Int, name: String? = nil, passed: Bool = true, excellent: Bool) -> TutorResult {
        TutorResult(person: person(n, name: name ?? "坊主\(n)", role: .tutor), classes: ["第1坊"],
                    counts: ClassCounts(), announcements: 1, briefings: 3,
                    points: TutorPoints(participation: .zero, pass: .zero, announcement: .zero, briefing: .zero,
                                        review: .zero, recommendation: .zero),
                    total: Points(hundredths: passed ? 9_500 : 7_000), passed: passed, rank: 1,
                    excellent: excellent, certificates: [])
    }

    static func results(_ trainees: [TraineeResult], tutors: [TutorResult] = [],
                        scheme: Scheme? = nil) throws -> Results {
        let scheme = try scheme ?? self.scheme()
        return Results(scheme: scheme, dataDate: scheme.programme.periodEnd, isMidTerm: false, trainees: trainees,
                       tutors: tutors, classes: [], anomalies: [], inputs: [])
    }

    static func date(_ seconds: TimeInterval) -> Date { Date(timeIntervalSince1970: 1_640_000_000 + seconds) }

    static func key(_ seed: UInt8 = 0) throws -> VerificationKey {
        try VerificationKey(bytes: (0..<32).map { UInt8($0) &+ seed })
    }
}

/// A temporary folder removed when the value goes away.
final class TemporaryFolder {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("peixun-registry-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

extension Results {
    func numbers(_ kind: CertificateKind) -> [String: String] {
        var out: [String: String] = [:]
        for t in trainees { for c in t.certificates where c.kind == kind { out[t.person.name] = c.number } }
        for t in tutors { for c in t.certificates where c.kind == kind { out[t.person.name] = c.number } }
        return out
    }
}
