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
        figures.passed = results.trainees.filter(\.passed).count
        figures.excellent = results.trainees.filter(\.excellent).count
        figures.tutors = results.tutors.count
        figures.tutorsPassed = results.tutors.filter(\.passed).count
        figures.excellentTutors = results.tutors.filter(\.excellent).count
        for ref in results.trainees.flatMap(\.certificates) + results.tutors.flatMap(\.certificates) {
            figures.certificates[ref.kind, default: 0] += 1
        }
        figures.anomalies = results.anomalies.count
        figures.notices = results.notices.count
        self.figures = figures

        // 区县 and 单位 in first-seen roster order of their people, trainees first.
        var countyOrder: [String] = []
        var byCounty: [String: County] = [:]
        var unitOrder: [String: [String]] = [:]
        var units: [String: [String: Unit]] = [:]
        func touch(_ person: Person) {
            if byCounty[person.county] == nil {
                countyOrder.append(person.county)
                byCounty[person.county] = County(name: person.county)
            }
            if units[person.county, default: [:]][person.school] == nil {
                unitOrder[person.county, default: []].append(person.school)
                units[person.county, default: [:]][person.school] = Unit(name: person.school)
            }
        }
        for t in results.trainees {
            touch(t.person)
            byCounty[t.person.county]!.trainees += 1
            units[t.person.county]![t.person.school]!.trainees += 1
            if t.passed {
                byCounty[t.person.county]!.passed += 1
                units[t.person.county]![t.person.school]!.passed += 1
            }
            if t.excellent { byCounty[t.person.county]!.excellent += 1 }
            byCounty[t.person.county]!.certificates += t.certificates.count
            units[t.person.county]![t.person.school]!.certificates += t.certificates.count
        }
        for u in results.tutors {
            touch(u.person)
            byCounty[u.person.county]!.certificates += u.certificates.count
            units[u.person.county]![u.person.school]!.certificates += u.certificates.count
        }
        var classesByCounty: [String: [ClassEntry]] = [:]
        let tutorNames = Dictionary(results.tutors.map { ($0.id, $0.person.name) }) { a, _ in a }
        for (i, c) in results.classes.enumerated() {
            let entry = ClassEntry(
                name: c.name, tutors: c.tutorIDs.compactMap { tutorNames[$0] }.joined(separator: "、"),
                trainees: c.counts.trainees, passed: c.counts.passed,
                links: i < files.classLinks.count ? files.classLinks[i] : [])
            classesByCounty[c.county, default: []].append(entry)
            if byCounty[c.county] == nil {
                countyOrder.append(c.county)
                byCounty[c.county] = County(name: c.county)
            }
        }
        counties = countyOrder.map { name in
            var county = byCounty[name]!
            county.printFiles = files.countyPrintFiles(name)
            county.units = (unitOrder[name] ?? []).map { school in
                var unit = units[name]![school]!
                unit.links = files.unitLinks(name, school)
                return unit
            }
            county.classes = classesByCounty[name] ?? []
            return county
        }

        anomalies = results.anomalies.map { AnomalyRow($0, level: "异常") } + results.notices.map { AnomalyRow($0, level: "提示") }
    }
}

extension RunOverview.AnomalyRow {
    init(_ a: Anomaly, level: String) {
        self.init(level: level, file: a.file, line: a.line, kind: a.kind.rawValue, label: a.kind.label, message: a.message)
    }
}
