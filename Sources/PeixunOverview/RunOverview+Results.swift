import PeixunCore

extension RunOverview {
    /// Where the run put the files the page links to; the run knows its layouts, the page does not.
    public struct Files {
        /// The merged print files of a 区县.
        public var countyPrintFiles: (_ county: String) -> [Link]
        /// The per-person certificate folders and print files of a 单位.
        public var unitLinks: (_ county: String, _ school: String) -> [Link]
        /// The briefing files of each 坊, indexed like `Results.classes`.
        public var classLinks: [[Link]]
        /// Rosters, summary, results.json, anomalies.csv, changes.
        public var files: [Link]

        public init(countyPrintFiles: @escaping (String) -> [Link], unitLinks: @escaping (String, String) -> [Link],
                    classLinks: [[Link]], files: [Link]) {
            self.countyPrintFiles = countyPrintFiles; self.unitLinks = unitLinks
            self.classLinks = classLinks; self.files = files
        }
    }

    /// The overview of a graded (and, at term end, numbered) run.
    public init(results: Results, files: Files, changes: Changes?) {
        let programme = results.scheme.programme
        self.programme = programme.name
        code = programme.code
        issuer = programme.issuer
        dataDate = results.dataDate.description
        isMidTerm = results.isMidTerm
        self.files = files.files
        self.changes = changes

        var figures = Figures()
        figures.trainees = results.trainees.count
        figures.passed = results.trainees.count(where: \.passed)
        figures.excellent = results.trainees.count(where: \.excellent)
        figures.tutors = results.tutors.count
        figures.tutorsPassed = results.tutors.count(where: \.passed)
        figures.excellentTutors = results.tutors.count(where: \.excellent)
        for refs in results.trainees.lazy.map(\.certificates) + results.tutors.lazy.map(\.certificates) {
            for ref in refs { figures.certificates[ref.kind, default: 0] += 1 }
        }
        figures.anomalies = results.anomalies.count
        figures.notices = results.notices.count
        self.figures = figures

        // 区县 and 单位 in first-seen roster order of their people, trainees first; one hash
        // lookup per person (a million of them at a province).
        struct UnitKey: Hashable { var county: String; var school: String }
        var counties: [County] = []
        var countyIndex: [String: Int] = [:]
        var unitsOf: [[Unit]] = []
        var unitIndex: [UnitKey: (county: Int, unit: Int)] = [:]
        func place(_ person: Person) -> (county: Int, unit: Int) {
            let key = UnitKey(county: person.county, school: person.school)
            if let found = unitIndex[key] { return found }
            let c: Int
            if let known = countyIndex[person.county] {
                c = known
            } else {
                c = counties.count
                countyIndex[person.county] = c
                counties.append(County(name: person.county))
                unitsOf.append([])
            }
            let placed = (county: c, unit: unitsOf[c].count)
            unitsOf[c].append(Unit(name: person.school))
            unitIndex[key] = placed
            return placed
        }
        for t in results.trainees {
            let (c, u) = place(t.person)
            counties[c].trainees += 1
            unitsOf[c][u].trainees += 1
            if t.passed {
                counties[c].passed += 1
                unitsOf[c][u].passed += 1
            }
            if t.excellent { counties[c].excellent += 1 }
            counties[c].certificates += t.certificates.count
            unitsOf[c][u].certificates += t.certificates.count
        }
        for tutor in results.tutors {
            let (c, u) = place(tutor.person)
            counties[c].certificates += tutor.certificates.count
            unitsOf[c][u].certificates += tutor.certificates.count
        }
        let tutorNames = Dictionary(results.tutors.map { ($0.id, $0.person.name) }) { a, _ in a }
        for (i, k) in results.classes.enumerated() {
            let entry = ClassEntry(
                name: k.name, tutors: k.tutorIDs.compactMap { tutorNames[$0] }.joined(separator: "、"),
                trainees: k.counts.trainees, passed: k.counts.passed,
                links: i < files.classLinks.count ? files.classLinks[i] : [])
            if countyIndex[k.county] == nil {
                countyIndex[k.county] = counties.count
                counties.append(County(name: k.county))
                unitsOf.append([])
            }
            counties[countyIndex[k.county]!].classes.append(entry)
        }
        for c in counties.indices {
            counties[c].printFiles = files.countyPrintFiles(counties[c].name)
            counties[c].units = unitsOf[c].map { unit in
                var unit = unit
                unit.links = files.unitLinks(counties[c].name, unit.name)
                return unit
            }
        }
        self.counties = counties

        anomalies = results.anomalies.map { AnomalyRow($0, level: "异常") } + results.notices.map { AnomalyRow($0, level: "提示") }
    }
}

extension RunOverview.AnomalyRow {
    init(_ a: Anomaly, level: String) {
        self.init(level: level, file: a.file, line: a.line, kind: a.kind.rawValue, label: a.kind.label, message: a.message,
                  name: a.personName)
    }
}
