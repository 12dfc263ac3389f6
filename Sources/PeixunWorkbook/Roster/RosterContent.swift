import PeixunCore

/// What one roster workbook shows: the whole programme, or one 区县 of it.
struct RosterContent {
    var results: Results
    /// nil for the programme workbook.
    var county: String?
    var trainees: [TraineeResult]
    var tutors: [TutorResult]
    /// 坊 of this workbook; their `traineeIndices` index `results.trainees`.
    var classes: [ClassResult]
    var anomalies: [Anomaly]
    /// Rows used but worth a look; listed after the anomalies.
    var notices: [Anomaly]

    var scheme: Scheme { results.scheme }

    init(programme results: Results) {
        self.results = results; county = nil
        trainees = results.trainees; tutors = results.tutors; classes = results.classes
        anomalies = results.anomalies
        notices = results.notices
    }

    /// The persons and 坊 of one 区县. Anomalies name no 区县, so a county
    /// workbook has none.
    init(results: Results, county: String) {
        self.results = results; self.county = county
        trainees = results.trainees.filter { $0.person.county == county }
        tutors = results.tutors.filter { $0.person.county == county }
        classes = results.classes.filter { $0.county == county }
        anomalies = []
        notices = []
    }

    /// 区县 in order of first appearance among trainees, then tutors.
    static func counties(of results: Results) -> [String] {
        var seen = Set<String>(), order: [String] = []
        for county in results.trainees.map(\.person.county) + results.tutors.map(\.person.county)
        where seen.insert(county).inserted {
            order.append(county)
        }
        return order
    }
}

extension TraineeResult {
    func certificateNumber(_ kind: CertificateKind) -> CellValue {
        certificates.first { $0.kind == kind }.map { .code($0.number) } ?? .blank
    }
}

extension TutorResult {
    func certificateNumber(_ kind: CertificateKind) -> CellValue {
        certificates.first { $0.kind == kind }.map { .code($0.number) } ?? .blank
    }
}
