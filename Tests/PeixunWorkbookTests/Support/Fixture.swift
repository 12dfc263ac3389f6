import Foundation
import PeixunCore

/// Hand-made graded results: two 区县, three 坊, five trainees (one of them a
/// 坊主兼学员), two tutors, two anomalies. Values are set by hand, not
/// computed, so the expectations in the tests are checked against this file.
enum Fixture {
    static let schemePath: String = {
        let here = URL(fileURLWithPath: #filePath)
        return here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("seeds/xuchang-2021-1/scheme.toml").path
    }()

    static func scheme() throws -> Scheme { try SchemeLoader.load(path: schemePath) }

    /// A valid 18-character ID from 17 digits.
    static func id(_ first17: String) -> String {
        let bytes = Array(first17.utf8)
        return first17 + String(UnicodeScalar(IDNumber.checkCharacter(for: bytes)))
    }

    static let zhangID = id("41100219850101001")
    static let liID = id("41100219860202002")
    static let wangID = id("41100219870303003")
    static let zhaoID = id("41100319880404004")
    static let qianID = id("41100319790505005")
    static let sunID = id("41100219800606006")

    static func person(_ id: String, _ name: String, _ gender: String, _ county: String, _ school: String,
                       _ stage: String, _ subject: String, _ className: String, _ role: Role, line: Int) -> Person {
        Person(id: id, name: name, gender: gender, county: county, school: school, stage: stage, subject: subject,
               className: className, role: role, line: line)
    }

    static func h(_ s: String) -> Hours { Hours.parse(s) ?? .zero }
    static func p(_ hundredths: Int64) -> Points { Points(hundredths: hundredths) }

    static func results(extraTrainees: Int = 0) throws -> Results {
        let scheme = try scheme()
        var trainees: [TraineeResult] = [
            TraineeResult(
                person: person(zhangID, "张三", "男", "魏都区", "许昌市第一实验小学", "小学", "语文", "魏都区小学语文一坊", .trainee, line: 2),
                hours: [h("15"), h("16.5"), h("10"), h("20")], modulePoints: [p(2000), p(2000), p(1000), p(2000)],
                activitiesCompleted: [true, true], activityPoints: [p(1000), p(1000)],
                homework: HomeworkOutcome(status: .graded, grade: "优秀", recommended: true, points: p(1000), submittedAt: nil),
                total: p(10000), passed: true, passBasis: .score, rank: 1, scopeSize: 3, quota: 0, excellent: true,
                participated: true,
                certificates: [CertificateRef(kind: .completion, number: "XC2021-1-JY-000001"),
                               CertificateRef(kind: .excellentTrainee, number: "000123")]),
            TraineeResult(
                person: person(liID, "李四", "女", "魏都区", "许昌市第一实验小学", "小学", "语文", "魏都区小学语文一坊", .trainee, line: 3),
                hours: [h("12.5"), h("15"), h("8"), h("20")], modulePoints: [p(1667), p(2000), p(800), p(2000)],
                activitiesCompleted: [true, false], activityPoints: [p(1000), p(0)],
                homework: HomeworkOutcome(status: .graded, grade: "良好", recommended: false, points: p(800), submittedAt: nil),
                total: p(8267), passed: false, passBasis: nil, rank: 2, scopeSize: 3, quota: 0, excellent: false,
                participated: true, certificates: []),
            TraineeResult(
                person: person(wangID, "王五", "男", "魏都区", "许昌市第一实验小学", "小学", "语文", "魏都区小学语文一坊", .trainee, line: 4),
                hours: [.zero, .zero, .zero, .zero], modulePoints: [.zero, .zero, .zero, .zero],
                activitiesCompleted: [false, false], activityPoints: [.zero, .zero],
                homework: .missing, total: .zero, passed: false, passBasis: nil, rank: 3, scopeSize: 3, quota: 0,
                excellent: false, participated: false, certificates: []),
            TraineeResult(
                person: person(zhaoID, "赵六", "女", "建安区", "建安区第二初级中学", "初中", "数学", "建安区初中数学二坊", .trainee, line: 5),
                hours: [h("15"), h("15"), h("10"), h("20")], modulePoints: [p(2000), p(2000), p(1000), p(2000)],
                activitiesCompleted: [true, true], activityPoints: [p(1000), p(1000)],
                homework: HomeworkOutcome(status: .pending, grade: nil, recommended: false, points: .zero, submittedAt: nil),
                total: p(9000), passed: true, passBasis: .score, rank: 1, scopeSize: 1, quota: 0, excellent: false,
                participated: true, certificates: [CertificateRef(kind: .completion, number: "XC2021-1-JY-000002")]),
            TraineeResult(
                person: person(qianID, "钱七", "男", "建安区", "建安区第二初级中学", "初中", "数学", "建安区初中数学二坊", .tutorTrainee, line: 6),
                hours: [h("15"), h("15"), h("10"), h("5")], modulePoints: [p(2000), p(2000), p(1000), p(500)],
                activitiesCompleted: [false, false], activityPoints: [.zero, .zero],
                homework: .missing, total: p(5500), passed: true, passBasis: .tutorHours40, rank: nil, scopeSize: nil,
                quota: nil, excellent: false, participated: true,
                certificates: [CertificateRef(kind: .completion, number: "XC2021-1-JY-000003")]),
        ]
        for i in 0..<extraTrainees {
            var t = trainees[2]
            t.person.id = id(String(format: "410002199001%05d", i))
            t.person.name = "学员\(i + 1)"
            t.person.line = 100 + i
            trainees.append(t)
        }
        var counts1 = ClassCounts()
        counts1.trainees = 3; counts1.participated = 2; counts1.passed = 1; counts1.submitted = 2
        counts1.graded = 2; counts1.recommended = 1; counts1.excellent = 1
        var counts2 = ClassCounts()
        counts2.trainees = 1; counts2.participated = 1; counts2.passed = 1; counts2.submitted = 1
        let tutors = [
            TutorResult(person: person(sunID, "孙八", "女", "魏都区", "许昌市第一实验小学", "小学", "语文", "魏都区小学语文一坊", .tutor, line: 7),
                        classes: ["魏都区小学语文一坊"], counts: counts1, announcements: 3, briefings: 2,
                        points: TutorPoints(participation: p(500), pass: p(0), announcement: p(1500), briefing: p(2000),
                                            review: p(2000), recommendation: p(2000)),
                        total: p(8000), passed: false, rank: 2, excellent: false, certificates: []),
            TutorResult(person: trainees[4].person, classes: ["建安区初中数学二坊"], counts: counts2, announcements: 5,
                        briefings: 4,
                        points: TutorPoints(participation: p(2000), pass: p(2000), announcement: p(2000), briefing: p(2000),
                                            review: p(0), recommendation: p(0)),
                        total: p(8000), passed: false, rank: 1, excellent: false,
                        certificates: [CertificateRef(kind: .excellentTutor, number: "XC2021-1-FD-000001")]),
        ]
        let classes = [
            ClassResult(name: "魏都区小学语文一坊", county: "魏都区", stage: "小学", subject: "语文", tutorIDs: [sunID],
                        traineeIndices: [0, 1, 2] + (0..<extraTrainees).map { 5 + $0 }, counts: counts1),
            ClassResult(name: "建安区初中数学二坊", county: "建安区", stage: "初中", subject: "数学", tutorIDs: [qianID],
                        traineeIndices: [3], counts: counts2),
            ClassResult(name: "空坊", county: "建安区", stage: "初中", subject: "英语", tutorIDs: [],
                        traineeIndices: [], counts: ClassCounts()),
        ]
        let anomalies = [
            Anomaly(file: "courses.csv", line: 7, kind: .invalidID, message: "身份证号 41100219850101001X 校验位不符"),
            Anomaly(file: "学员名单.xlsx", line: nil, kind: .classWithoutTutor, message: "坊“空坊”没有坊主"),
        ]
        return Results(scheme: scheme, dataDate: scheme.programme.periodEnd, isMidTerm: false, trainees: trainees,
                       tutors: tutors, classes: classes, anomalies: anomalies,
                       inputs: [InputFileSummary(table: "roster", file: "学员名单.xlsx", rows: 7)])
    }

    /// A fresh empty directory under the system's temporary directory.
    static func directory(_ label: String = #function) throws -> String {
        let safe = label.filter { $0.isLetter || $0.isNumber }
        let path = NSTemporaryDirectory() + "peixun-workbook-\(safe)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
