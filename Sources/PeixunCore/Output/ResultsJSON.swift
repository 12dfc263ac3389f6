/// Writes `results.json` (CONTRACT §5): numbers rounded to 2 decimals, rates
/// to 4, written from exact values as decimal text — never through `Double`.
public enum ResultsJSON {
    public static func write(_ results: Results, to out: BufferedOutput) throws {
        let s = results.scheme
        out.write("{\"program\":\(quote(s.programme.name)),\"program_code\":\(quote(s.programme.code)),")
        out.write("\"issuer\":\(quote(s.programme.issuer)),\"period\":[\(quote(s.programme.periodStart.description)),\(quote(s.programme.periodEnd.description))],")
        out.write("\"data_date\":\(quote(results.dataDate.description)),\"mid_term\":\(results.isMidTerm),\n\"trainees\":[")
        let keys = TraineeKeys(s)
        ParallelText.write(count: results.trainees.count, to: out) { i, text in
            text.raw(i == 0 ? "\n" : ",\n")
            trainee(results.trainees[i], keys, &text)
        }
        out.write("],\n\"tutors\":[")
        for (i, t) in results.tutors.enumerated() {
            out.write(i == 0 ? "\n" : ",\n")
            tutor(t, out)
        }
        out.write("],\n\"anomalies\":[")
        for (i, a) in results.anomalies.enumerated() {
            out.write(i == 0 ? "\n" : ",\n")
            out.write(anomaly(a))
        }
        out.write("],\n\"notices\":[")
        for (i, a) in results.notices.enumerated() {
            out.write(i == 0 ? "\n" : ",\n")
            out.write(anomaly(a))
        }
        out.write("]}\n")
    }

    /// `{"file", "line", "kind", "message"}`.
    public static func anomaly(_ a: Anomaly) -> String {
        "{\"file\":\(quote(a.file)),\"line\":\(a.line.map(String.init) ?? "null"),\"kind\":\(quote(a.kind.rawValue)),\"message\":\(quote(a.message))}"
    }

    /// The scheme's module and activity names as JSON keys (`"专业知识":`, then `,"…":`), made once.
    struct TraineeKeys {
        let modules: [[UInt8]]
        let activities: [[UInt8]]
        init(_ s: Scheme) {
            func keys(_ names: [String]) -> [[UInt8]] {
                names.enumerated().map { i, name in Array(((i > 0 ? "," : "") + quote(name) + ":").utf8) }
            }
            modules = keys(s.modules.map(\.name))
            activities = keys(s.activities.map(\.name))
        }
    }

    /// One trainee's object, appended piece by piece: a million of them, no String per value.
    static func trainee(_ t: TraineeResult, _ keys: TraineeKeys, _ out: inout JSONText) {
        let p = t.person
        out.raw("{\"id\":"); out.string(p.id)
        out.raw(",\"name\":"); out.string(p.name)
        out.raw(",\"gender\":"); out.string(p.gender)
        out.raw(",\"class\":"); out.string(p.className)
        out.raw(",\"county\":"); out.string(p.county)
        out.raw(",\"school\":"); out.string(p.school)
        out.raw(",\"stage\":"); out.string(p.stage)
        out.raw(",\"subject\":"); out.string(p.subject)
        out.raw(t.role == .tutorTrainee ? ",\"role\":\"tutor_trainee\",\"hours\":{" : ",\"role\":\"trainee\",\"hours\":{")
        for i in 0..<min(keys.modules.count, t.hours.count) {
            out.raw(keys.modules[i]); out.fixed(t.hours[i].hundredths, places: 2)
        }
        out.raw("},\"module_points\":{")
        for i in 0..<min(keys.modules.count, t.modulePoints.count) {
            out.raw(keys.modules[i]); out.fixed(t.modulePoints[i].hundredths, places: 2)
        }
        out.raw("},\"activity_points\":{")
        for i in 0..<min(keys.activities.count, t.activityPoints.count) {
            out.raw(keys.activities[i]); out.fixed(t.activityPoints[i].hundredths, places: 2)
        }
        let h = t.homework
        out.raw("},\"homework\":{\"status\":"); out.string(h.status.rawValue)
        out.raw(",\"grade\":")
        if let grade = h.grade { out.string(grade) } else { out.raw("null") }
        out.raw(h.recommended ? ",\"recommended\":true,\"points\":" : ",\"recommended\":false,\"points\":")
        out.fixed(h.points.hundredths, places: 2)
        out.raw("},\"total\":"); out.fixed(t.total.hundredths, places: 2)
        out.raw(t.passed ? ",\"passed\":true,\"pass_basis\":" : ",\"passed\":false,\"pass_basis\":")
        if let basis = t.passBasis { out.string(basis.rawValue) } else { out.raw("null") }
        out.raw(",\"rank\":")
        if let rank = t.rank { out.integer(rank) } else { out.raw("null") }
        out.raw(t.excellent ? ",\"excellent\":true" : ",\"excellent\":false")
        out.raw(t.participated ? ",\"participated\":true,\"certificates\":" : ",\"participated\":false,\"certificates\":")
        certificates(t.certificates, &out)
        out.byte(UInt8(ascii: "}"))
    }

    static func tutor(_ t: TutorResult, _ out: BufferedOutput) {
        let p = t.person, c = t.counts
        out.write("{\"id\":\(quote(p.id)),\"name\":\(quote(p.name)),\"classes\":[\(t.classes.map(quote).joined(separator: ","))],")
        out.write("\"county\":\(quote(p.county)),\"school\":\(quote(p.school)),\"role\":\(quote(p.role == .tutorTrainee ? "tutor_trainee" : "tutor")),")
        out.write("\"trainees\":\(c.trainees),\"participation_rate\":\(c.participationRate.decimalString(places: 4)),")
        out.write("\"pass_rate\":\(c.passRate.decimalString(places: 4)),\"submitted\":\(c.submitted),\"graded\":\(c.graded),")
        out.write("\"recommended\":\(c.recommended),\"review_rate\":\(c.reviewRate.decimalString(places: 4)),")
        out.write("\"recommendation_rate\":\(c.recommendationRate.decimalString(places: 4)),")
        out.write("\"announcements\":\(t.announcements),\"briefings\":\(t.briefings),\"points\":{")
        out.write(t.points.items.map { "\(quote($0.key)):\($0.points)" }.joined(separator: ","))
        out.write("},\"total\":\(t.total),\"passed\":\(t.passed),\"rank\":\(t.rank),\"excellent\":\(t.excellent),\"certificates\":")
        var list = JSONText()
        certificates(t.certificates, &list)
        out.write(contentsOf: list.bytes)
        out.write("}")
    }

    /// `[{"kind":…,"number":…},…]`.
    static func certificates(_ list: [CertificateRef], _ out: inout JSONText) {
        out.byte(UInt8(ascii: "["))
        for (i, c) in list.enumerated() {
            out.raw(i == 0 ? "{\"kind\":" : ",{\"kind\":"); out.string(c.kind.rawValue)
            out.raw(",\"number\":"); out.string(c.number); out.byte(UInt8(ascii: "}"))
        }
        out.byte(UInt8(ascii: "]"))
    }

    /// A byte of a string that may need escaping: a control character, `"`, `\\`, or the lead
    /// byte of U+2028/U+2029 (E2), which JavaScript does not allow raw in a string.
    @inline(__always)
    static func mayNeedEscape(_ b: UInt8) -> Bool {
        b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b == 0xE2
    }

    /// A JSON string literal.
    public static func quote(_ s: String) -> String {
        // Fast path: nothing to escape (the common case for names and places).
        if !s.utf8.contains(where: mayNeedEscape) {
            return "\"" + s + "\""
        }
        var r = "\""
        r.reserveCapacity(s.utf8.count + 2)
        for u in s.unicodeScalars {
            switch u {
            case "\"": r += "\\\""
            case "\\": r += "\\\\"
            case "\n": r += "\\n"
            case "\r": r += "\\r"
            case "\t": r += "\\t"
            case "\u{2028}": r += "\\u2028"
            case "\u{2029}": r += "\\u2029"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    r += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    r.unicodeScalars.append(u)
                }
            }
        }
        return r + "\""
    }
}
