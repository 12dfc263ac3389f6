/// The grading pipeline: `ExportFiles → Records (+ Anomalies) → Gradebook →
/// Ranking → Results`. Term-end grading and mid-term briefings share it;
/// an as-of date is an input, not a second code path.
public enum Grader {
    public struct Options: Sendable {
        /// Records after this day are ignored (mid-term use); nil = the whole period.
        public var asOf: CivilDate?
        /// A table file at least this large is read in parts on all cores.
        public var parallelReadThreshold: Int
        /// How the platform writes its export (CONTRACT §7); the contract's layout by default.
        public var profile: ExportProfile
        public init(asOf: CivilDate? = nil, parallelReadThreshold: Int = 4 << 20, profile: ExportProfile = .contract) {
            self.asOf = asOf
            self.parallelReadThreshold = parallelReadThreshold
            self.profile = profile
        }
    }

    /// Reads and grades an export folder. Throws `FatalError` when the run is
    /// meaningless (missing file or column, duplicate roster ID, unreadable file).
    /// A table of several files (a profile's pattern) is read file by file in name order,
    /// as one table: "the first counted row wins" follows file order, then line order.
    public static func grade(scheme: Scheme, inputDirectory: String, options: Options = .init()) throws -> Results {
        let export = try ExportFiles.locate(in: inputDirectory, profile: options.profile)
        // Open (and check the headers of) every file before reading any rows,
        // so a missing column is reported before minutes of work.
        var readers: [ExportTable: [TableReader]] = [:]
        for table in ExportTable.allCases {
            guard let paths = export.files[table], !paths.isEmpty else {
                throw FatalError(file: nil, reason: "the export has no \(table.rawValue) / \(table.chineseName) file")
            }
            let layout = options.profile.layout(table)
            readers[table] = try paths.map { try TableReader(path: $0, table: table, layout: layout) }
        }
        let period = Period(programme: scheme.programme, asOf: options.asOf)
        let rosterReaders = readers[.roster] ?? []
        let roster = try RosterStage.run(readers: rosterReaders, parallelReadThreshold: options.parallelReadThreshold)
        var stage = RecordStage(scheme: scheme, period: period, roster: roster)
        stage.parallelReadThreshold = options.parallelReadThreshold
        var inputs = zip(rosterReaders, roster.rowsPerFile).map {
            InputFileSummary(table: ExportTable.roster.rawValue, file: $0.fileName, rows: $1)
        }
        func each(_ table: ExportTable, _ read: (TableReader) throws -> Int) rethrows {
            for r in readers[table] ?? [] {
                inputs.append(InputFileSummary(table: table.rawValue, file: r.fileName, rows: try read(r)))
            }
        }
        try each(.courses) { try stage.readCourses($0) }
        stage.ledger.releaseCourses()  // only the course table needs the per-person course lists
        try each(.activities) { try stage.readActivities($0) }
        try each(.homework) { try stage.readHomework($0) }
        try each(.tutorPosts) { try stage.readTutorPosts($0) }

        let dataDate = period.cutoff == period.end ? scheme.programme.periodEnd : (options.asOf ?? scheme.programme.periodEnd)
        return assemble(scheme: scheme, roster: roster, ledger: stage.ledger,
                        anomalies: roster.anomalies + stage.anomalies, rosterFile: rosterReaders.first?.fileName ?? "",
                        dataDate: dataDate, isMidTerm: period.cutoff < period.end, inputs: inputs,
                        notices: roster.notices + stage.notices)
    }

    /// Scores, assesses and ranks everyone from the gathered facts.
    static func assemble(scheme: Scheme, roster: RosterStage.Output, ledger: Ledger, anomalies: [Anomaly],
                         rosterFile: String, dataDate: CivilDate, isMidTerm: Bool,
                         inputs: [InputFileSummary], notices: [Anomaly] = []) -> Results {
        var anomalies = anomalies
        // Trainees, in roster order.
        var trainees = TraineeScoring.scoreAll(persons: roster.persons, ledger: ledger, scheme: scheme)

        // 坊, in order of first appearance, with their 学员 and tutors.
        var classes: [ClassResult] = []
        var classIndex: [String: Int] = [:]
        // A 坊's persons mostly come together, sharing one pooled name: try the last 坊 first.
        var lastClass: (name: String, slot: Int)?
        func classSlot(_ person: Person) -> Int {
            if let last = lastClass, last.name == person.className { return last.slot }
            let slot = slot(person)
            lastClass = (person.className, slot)
            return slot
        }
        func slot(_ person: Person) -> Int {
            if let i = classIndex[person.className] { return i }
            classIndex[person.className] = classes.count
            classes.append(ClassResult(name: person.className, county: person.county, stage: person.stage,
                                       subject: person.subject, tutorIDs: [], traineeIndices: [], counts: ClassCounts()))
            return classes.count - 1
        }
        var traineeCursor = 0
        for person in roster.persons {
            let c = classSlot(person)
            if person.role.isTutor { classes[c].tutorIDs.append(person.id) }
            if person.role == .trainee {
                let t = trainees[traineeCursor]
                classes[c].traineeIndices.append(traineeCursor)
                classes[c].counts.add(t)
            }
            if person.role.isTrainee { traineeCursor += 1 }
        }
        for c in classes {
            if c.tutorIDs.isEmpty {
                anomalies.append(Anomaly(file: rosterFile, line: nil, kind: .classWithoutTutor,
                                         message: "坊「\(c.name)」没有坊主（其学员仍正常计分）"))
            } else if c.tutorIDs.count > 1 {
                anomalies.append(Anomaly(file: rosterFile, line: nil, kind: .classWithSeveralTutors,
                                         message: "坊「\(c.name)」有 \(c.tutorIDs.count) 名坊主，均按本坊学员考核"))
            }
        }

        // Tutors, in roster order.
        var tutors: [TutorResult] = []
        for (p, person) in roster.persons.enumerated() where person.role.isTutor {
            let counts = classIndex[person.className].map { classes[$0].counts } ?? ClassCounts()
            let a = Int(ledger.announcements[p]), b = Int(ledger.briefings[p])
            let points = TutorAssessment.points(counts: counts, announcements: a, briefings: b, rules: scheme.tutor)
            let total = points.total
            tutors.append(TutorResult(person: person, classes: [person.className], counts: counts,
                                      announcements: a, briefings: b, points: points, total: total,
                                      passed: total.fraction >= scheme.tutor.passScore, rank: 0,
                                      excellent: false, certificates: []))
        }
        Ranking.rankTutors(&tutors, rules: scheme.tutor)

        // 坊主兼学员: the concession depends on the tutor ranking.
        let excellentTutors = Set(tutors.filter(\.excellent).map(\.id))
        for i in trainees.indices where trainees[i].role == .tutorTrainee {
            TraineeScoring.applyTutorConcession(&trainees[i], excellentTutor: excellentTutors.contains(trainees[i].id),
                                                rules: scheme.tutorTrainee)
        }
        Ranking.rankTrainees(&trainees, rules: scheme.trainee, classGroups: classes.map(\.traineeIndices))
        for c in classes.indices {
            classes[c].counts.excellent = classes[c].traineeIndices.filter { trainees[$0].excellent }.count
        }
        for i in tutors.indices {
            if let c = classIndex[tutors[i].person.className] { tutors[i].counts = classes[c].counts }
        }
        return Results(scheme: scheme, dataDate: dataDate, isMidTerm: isMidTerm, trainees: trainees, tutors: tutors,
                       classes: classes, anomalies: anomalies, inputs: inputs, notices: notices)
    }
}

extension ClassCounts {
    /// Adds one 学员's figures.
    mutating func add(_ t: TraineeResult) {
        trainees += 1
        if t.participated { participated += 1 }
        if t.passed { passed += 1 }
        if t.homework.status != .missing { submitted += 1 }
        if t.homework.status == .graded { graded += 1 }
        if t.homework.recommended { recommended += 1 }
    }
}
