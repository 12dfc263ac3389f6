import Testing
@testable import PeixunCore

/// The exact byte encoding of the briefing facts behind the briefings' content keys:
/// every field written (a new one cannot be forgotten) and every edit changes the bytes.
@Suite struct FactFieldsTests {
    func bytes<T: FactFields>(_ v: T) -> [UInt8] {
        var out = FieldBytes()
        out.add(v)
        return out.bytes
    }

    /// One 坊's facts with one element in every list, so every nested field can be edited.
    func sampleFacts() throws -> ClassBriefingFacts {
        var f = try #require(ClassBriefingFacts.all(results: BriefingFixtures.oneClass()).first)
        f.remainingDays = 11
        f.homework.byGrade = [.init(grade: "优秀", count: 1)]
        f.modules = [.init(module: "师德", required: Hours(whole: 10), average: Fraction(19, 2),
                           averageCapped: Fraction(9), reached: 3)]
        f.activities = [.init(activity: "大PK", completed: 4)]
        f.excellent = [.init(name: "甲一", school: "许昌一中", total: Points(hundredths: 10000), note: "第 1 名")]
        f.recommendedHomework = [.init(name: "乙二", school: "许昌二中", total: Points(hundredths: 9200), note: "优秀")]
        f.lacks = [TraineeLacks(traineeIndex: 3, name: "丙三", school: "许昌三中", role: .trainee,
                                total: Points(hundredths: 7400), gap: Fraction(16),
                                modules: [.init(module: "师德", counted: Hours(whole: 4), required: Hours(whole: 10),
                                                missing: Hours(whole: 6), points: Points(hundredths: 1200))],
                                activities: [.init(activity: "大PK", points: Points(hundredths: 500))],
                                homework: .init(homework: "作业", status: .pending, points: Points(hundredths: 3000)),
                                tutorHoursMissing: Hours(whole: 5), moduleCount: 4, activityCount: 2)]
        f.tutors = [try #require(f.tutors.first)]
        f.tutors[0].items = [.init(label: "研修公告", points: Points(hundredths: 500), maximum: Points(hundredths: 1000),
                                   have: "1 期", missing: "还需 1 期")]
        return f
    }

    @Test func everyStoredPropertyIsWritten() throws {
        let f = try sampleFacts()
        func check<T: FactFields>(_ v: T) {
            #expect(Mirror(reflecting: v).children.count == T.fieldCount, "\(T.self)")
        }
        check(f); check(f.counts); check(f.homework); check(f.homework.byGrade[0]); check(f.scores)
        check(f.scores.bins[0]); check(f.modules[0]); check(f.activities[0]); check(f.excellent[0])
        check(f.tutors[0]); check(f.tutors[0].items[0]); check(f.lacks[0]); check(f.lacks[0].modules[0])
        check(f.lacks[0].activities[0]); check(try #require(f.lacks[0].homework))
        check(Fraction(1, 3)); check(Points(hundredths: 1)); check(Hours(whole: 1)); check(f.dataDate)

        let s = ProgrammeSummaryFacts(results: try ProgrammeSummaryFactsTests.twoClasses())
        check(s); check(s.total); check(s.tutors); check(s.tutors.items[0]); check(s.honours[0]); check(s.anomalies[0])
    }

    @Test func everyFieldOfA坊sFactsChangesTheBytes() throws {
        let f = try sampleFacts()
        let original = bytes(f)
        #expect(bytes(f) == original)  // stable
        var edited = 0
        func e<V>(_ path: WritableKeyPath<ClassBriefingFacts, V>, _ edit: (inout V) -> Void,
                  sourceLocation: SourceLocation = #_sourceLocation) {
            var c = f
            edit(&c[keyPath: path])
            #expect(bytes(c) != original, "\(path)", sourceLocation: sourceLocation)
            edited += 1
        }
        e(\.programme) { $0 += "甲" }; e(\.className) { $0 += "甲" }; e(\.county) { $0 += "甲" }
        e(\.stage) { $0 += "甲" }; e(\.subject) { $0 += "甲" }; e(\.tutorNames) { $0.append("吴") }
        e(\.dataDate) { $0 = CivilDate(year: 2021, month: 12, day: 21)! }; e(\.isMidTerm) { $0.toggle() }
        e(\.remainingDays) { $0 = 12 }; e(\.periodEnd) { $0 = CivilDate(year: 2022, month: 1, day: 1)! }
        // ClassCounts (7)
        e(\.counts.trainees) { $0 += 1 }; e(\.counts.participated) { $0 += 1 }; e(\.counts.passed) { $0 += 1 }
        e(\.counts.submitted) { $0 += 1 }; e(\.counts.graded) { $0 += 1 }; e(\.counts.recommended) { $0 += 1 }
        e(\.counts.excellent) { $0 += 1 }
        // HomeworkFigures (6, GradeCount 2)
        e(\.homework.trainees) { $0 += 1 }; e(\.homework.graded) { $0 += 1 }; e(\.homework.pending) { $0 += 1 }
        e(\.homework.missing) { $0 += 1 }; e(\.homework.recommended) { $0 += 1 }
        e(\.homework.byGrade[0].grade) { $0 = "良好" }; e(\.homework.byGrade[0].count) { $0 += 1 }
        // ScoreStatistics (6, Bin 4)
        e(\.scores.count) { $0 += 1 }; e(\.scores.average) { $0 = Fraction(71) }; e(\.scores.median) { $0 = nil }
        e(\.scores.bins[0].lower) { $0 = Fraction(1) }; e(\.scores.bins[0].upper) { $0 = Fraction(11) }
        e(\.scores.bins[0].count) { $0 += 1 }; e(\.scores.bins[0].passing) { $0.toggle() }
        e(\.scores.passScore) { $0 = Fraction(85) }; e(\.scores.maximum) { $0 = Fraction(120) }
        // Modules (5), activities (2), listed (4)
        e(\.modules[0].module) { $0 += "甲" }; e(\.modules[0].required) { $0 = Hours(whole: 11) }
        e(\.modules[0].average) { $0 = nil }; e(\.modules[0].averageCapped) { $0 = Fraction(8) }
        e(\.modules[0].reached) { $0 += 1 }
        e(\.activities[0].activity) { $0 += "甲" }; e(\.activities[0].completed) { $0 += 1 }
        e(\.excellent[0].name) { $0 = "甲二" }; e(\.excellent[0].school) { $0 += "甲" }
        e(\.excellent[0].total) { $0 = Points(hundredths: 9999) }; e(\.excellent[0].note) { $0 = "第 2 名" }
        e(\.recommendedHomework[0].name) { $0 = "乙三" }; e(\.recommendedHomework[0].school) { $0 += "甲" }
        e(\.recommendedHomework[0].total) { $0 = Points(hundredths: 9300) }; e(\.recommendedHomework[0].note) { $0 = "良好" }
        // Tutors (9, Item 5)
        e(\.tutors[0].name) { $0 += "甲" }; e(\.tutors[0].classes) { $0.append("二坊") }
        e(\.tutors[0].total) { $0 = Points(hundredths: 1) }; e(\.tutors[0].passScore) { $0 = Fraction(61) }
        e(\.tutors[0].passed) { $0.toggle() }; e(\.tutors[0].rank) { $0 += 1 }; e(\.tutors[0].tutorCount) { $0 += 1 }
        e(\.tutors[0].excellent) { $0.toggle() }
        e(\.tutors[0].items[0].label) { $0 += "甲" }; e(\.tutors[0].items[0].points) { $0 = Points(hundredths: 600) }
        e(\.tutors[0].items[0].maximum) { $0 = Points(hundredths: 1100) }; e(\.tutors[0].items[0].have) { $0 = "2 期" }
        e(\.tutors[0].items[0].missing) { $0 = nil }
        // Lacks (12 with traineeIndex, shortfalls 5, 2, 3)
        e(\.lacks[0].name) { $0 = "丙四" }; e(\.lacks[0].school) { $0 += "甲" }; e(\.lacks[0].role) { $0 = .tutorTrainee }
        e(\.lacks[0].total) { $0 = Points(hundredths: 7500) }; e(\.lacks[0].gap) { $0 = Fraction(15) }
        e(\.lacks[0].modules[0].module) { $0 += "甲" }; e(\.lacks[0].modules[0].counted) { $0 = Hours(whole: 5) }
        e(\.lacks[0].modules[0].required) { $0 = Hours(whole: 9) }; e(\.lacks[0].modules[0].missing) { $0 = Hours(whole: 5) }
        e(\.lacks[0].modules[0].points) { $0 = Points(hundredths: 1000) }
        e(\.lacks[0].activities[0].activity) { $0 += "甲" }; e(\.lacks[0].activities[0].points) { $0 = Points(hundredths: 400) }
        e(\.lacks[0].homework!.homework) { $0 += "甲" }; e(\.lacks[0].homework!.status) { $0 = .missing }
        e(\.lacks[0].homework!.points) { $0 = Points(hundredths: 2000) }
        e(\.lacks[0].tutorHoursMissing) { $0 = nil }; e(\.lacks[0].moduleCount) { $0 += 1 }
        e(\.lacks[0].activityCount) { $0 += 1 }
        // Leaves, one edit each: 10 + 7 + 7 + 9 + 5 + 2 + 4 + 4 + 13 + 18 (traineeIndex excluded) = 79.
        #expect(edited == 79)

        // The trainee's index only orders equal gaps (the list order is written): not a change.
        var moved = f
        moved.lacks[0].traineeIndex += 100
        #expect(bytes(moved) == original)
        // Strings are framed: moving a character from one field into the next is a change.
        var shifted = f
        shifted.className = f.className + String(f.county.prefix(1))
        shifted.county = String(f.county.dropFirst())
        #expect(bytes(shifted) != original)
        // So are lists: an element moved from one list to the next is a change.
        var relisted = f
        relisted.recommendedHomework = relisted.excellent + relisted.recommendedHomework
        relisted.excellent = []
        #expect(bytes(relisted) != original)
    }

    @Test func everyFieldOfTheSummaryChangesTheBytes() throws {
        let s = ProgrammeSummaryFacts(results: try ProgrammeSummaryFactsTests.twoClasses())
        #expect(!s.byCounty.isEmpty && !s.byStage.isEmpty && !s.bySubject.isEmpty && !s.honours.isEmpty && !s.anomalies.isEmpty)
        let original = bytes(s)
        var edited = 0
        func e<V>(_ path: WritableKeyPath<ProgrammeSummaryFacts, V>, _ edit: (inout V) -> Void,
                  sourceLocation: SourceLocation = #_sourceLocation) {
            var c = s
            edit(&c[keyPath: path])
            #expect(bytes(c) != original, "\(path)", sourceLocation: sourceLocation)
            edited += 1
        }
        e(\.programme) { $0 += "甲" }; e(\.issuer) { $0 += "甲" }
        e(\.periodStart) { $0 = CivilDate(year: 2021, month: 1, day: 2)! }
        e(\.periodEnd) { $0 = CivilDate(year: 2022, month: 1, day: 2)! }
        e(\.dataDate) { $0 = CivilDate(year: 2021, month: 12, day: 21)! }; e(\.isMidTerm) { $0.toggle() }
        e(\.remainingDays) { $0 = 5 }; e(\.classCount) { $0 += 1 }
        // Group (7), for the total and each grouping
        e(\.total.name) { $0 += "甲" }; e(\.total.trainees) { $0 += 1 }; e(\.total.participated) { $0 += 1 }
        e(\.total.passed) { $0 += 1 }; e(\.total.excellent) { $0 += 1 }; e(\.total.submitted) { $0 += 1 }
        e(\.total.totalHundredths) { $0 += 1 }
        e(\.byCounty[0].passed) { $0 += 1 }; e(\.byStage[0].name) { $0 += "甲" }; e(\.bySubject[0].totalHundredths) { $0 += 1 }
        e(\.tutorTrainees) { $0 += 1 }; e(\.tutorTraineesPassed) { $0 += 1 }
        e(\.scores.median) { $0 = Fraction(1) }; e(\.homework.pending) { $0 += 1 }
        // TutorFigures (5, ItemAverage 3)
        e(\.tutors.tutors) { $0 += 1 }; e(\.tutors.passed) { $0 += 1 }; e(\.tutors.excellent) { $0 += 1 }
        e(\.tutors.average) { $0 = nil }; e(\.tutors.items[0].label) { $0 += "甲" }
        e(\.tutors.items[0].average) { $0 = Fraction(7, 3) }; e(\.tutors.items[0].maximum) { $0 = Points(hundredths: 1) }
        // Anomalies (2), honours (3)
        e(\.anomalies[0].kind) { $0 = $0 == .badTime ? .unknownID : .badTime }; e(\.anomalies[0].count) { $0 += 1 }
        e(\.anomalyTotal) { $0 += 1 }
        e(\.honours[0].county) { $0 += "甲" }; e(\.honours[0].excellentTrainees) { $0 += 1 }
        e(\.honours[0].excellentTutors) { $0 += 1 }
        #expect(edited == 8 + 7 + 3 + 2 + 2 + 7 + 3 + 3)
    }
}
