/// Writes `results.json` (CONTRACT §5): numbers rounded to 2 decimals, rates
/// to 4, written from exact values as decimal text — never through `Double`.
public enum ResultsJSON {
    public static func write(_ results: Results, to out: BufferedOutput) throws {
        let s = results.scheme
        out.write("{\"program\":\(quote(s.programme.name)),\"program_code\":\(quote(s.programme.code)),")
        out.write("\"issuer\":\(quote(s.programme.issuer)),\"period\":[\(quote(s.programme.periodStart.description)),\(quote(s.programme.periodEnd.description))],")
        out.write("\"data_date\":\(quote(results.dataDate.description)),\"mid_term\":\(results.isMidTerm),\n\"trainees\":[")
        ParallelText.write(count: results.trainees.count, to: out) { i, part in
            part.write(i == 0 ? "\n" : ",\n")
            trainee(results.trainees[i], s, part)
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

    static func trainee(_ t: TraineeResult, _ s: Scheme, _ out: BufferedOutput) {
        let p = t.person
        // Written piece by piece into the buffer: a million trainees, no String per line.
        out.write("{\"id\":"); quote(p.id, out)
        out.write(",\"name\":"); quote(p.name, out)
        out.write(",\"gender\":"); quote(p.gender, out)
        out.write(",\"class\":"); quote(p.className, out)
        out.write(",\"county\":"); quote(p.county, out)
        out.write(",\"school\":"); quote(p.school, out)
        out.write(",\"stage\":"); quote(p.stage, out)
        out.write(",\"subject\":"); quote(p.subject, out)
        out.write(t.role == .tutorTrainee ? ",\"role\":\"tutor_trainee\",\"hours\":" : ",\"role\":\"trainee\",\"hours\":")
        object(keys: s.modules.map(\.name), values: t.hours.map(\.twoPlaces), out)
        out.write(",\"module_points\":")
        object(keys: s.modules.map(\.name), values: t.modulePoints.map(\.description), out)
        out.write(",\"activity_points\":")
        object(keys: s.activities.map(\.name), values: t.activityPoints.map(\.description), out)
        let h = t.homework
        out.write(",\"homework\":{\"status\":"); quote(h.status.rawValue, out)
        out.write(",\"grade\":")
        if let grade = h.grade { quote(grade, out) } else { out.write("null") }
        out.write(h.recommended ? ",\"recommended\":true,\"points\":" : ",\"recommended\":false,\"points\":")
        out.write(h.points.description)
        out.write("},\"total\":"); out.write(t.total.description)
        out.write(t.passed ? ",\"passed\":true,\"pass_basis\":" : ",\"passed\":false,\"pass_basis\":")
        if let basis = t.passBasis { quote(basis.rawValue, out) } else { out.write("null") }
        out.write(",\"rank\":"); out.write(t.rank.map(String.init) ?? "null")
        out.write(t.excellent ? ",\"excellent\":true" : ",\"excellent\":false")
        out.write(t.participated ? ",\"participated\":true,\"certificates\":" : ",\"participated\":false,\"certificates\":")
        certificates(t.certificates, out)
        out.write("}")
    }

    /// `{"k1":v1,"k2":v2}` with raw (already JSON) values.
    static func object(keys: [String], values: [String], _ out: BufferedOutput) {
        out.write(byte: UInt8(ascii: "{"))
        for i in 0..<min(keys.count, values.count) {
            if i > 0 { out.write(byte: UInt8(ascii: ",")) }
            quote(keys[i], out)
            out.write(byte: UInt8(ascii: ":"))
            out.write(values[i])
        }
        out.write(byte: UInt8(ascii: "}"))
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
        certificates(t.certificates, out)
        out.write("}")
    }

    static func certificates(_ list: [CertificateRef], _ out: BufferedOutput) {
        out.write("[" + list.map { "{\"kind\":\(quote($0.kind.rawValue)),\"number\":\(quote($0.number))}" }.joined(separator: ",") + "]")
    }

    /// A JSON string literal, written straight into `out` when nothing needs escaping.
    static func quote(_ s: String, _ out: BufferedOutput) {
        var s = s
        let plain = s.withUTF8 { u in
            for b in u where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b == 0xE2 { return false }
            out.write(byte: UInt8(ascii: "\""))
            out.write(bytes: u)
            out.write(byte: UInt8(ascii: "\""))
            return true
        }
        if !plain { out.write(quote(s)) }
    }

    /// A JSON string literal.
    public static func quote(_ s: String) -> String {
        // Fast path: nothing to escape (the common case for names and places).
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0xE2 }) {
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
