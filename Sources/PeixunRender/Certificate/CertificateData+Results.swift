import PeixunCore

extension CertificateData {
    /// One `CertificateData` per certificate the registry gave in `results`
    /// (trainees first, then tutors, in roster order). `code` supplies each
    /// certificate's verification code (computed with the secret key, which
    /// the renderer never sees).
    public static func batch(from results: Results,
                             code: (CertificateRef, Person) -> String) -> [CertificateData] {
        let s = results.scheme
        var out: [CertificateData] = []
        func make(_ ref: CertificateRef, _ p: Person, hours: String, result: String) -> CertificateData {
            CertificateData(kind: ref.kind, name: p.name, maskedID: p.maskedID, school: p.school, county: p.county,
                            stageSubject: p.stage + p.subject, programme: s.programme.name, hours: hours,
                            result: result, number: ref.number, verificationCode: code(ref, p),
                            issuer: s.programme.issuer, issueDate: s.programme.issueDate,
                            verifyURL: s.certificates.verifyURL)
        }
        // A certificate without a name is not printed (the roster row is a notice);
        // the number stays reserved in the registry until the name is filled in.
        for t in results.trainees where !t.person.name.isEmpty {
            let hours = creditedHours(t, s).description
            for ref in t.certificates {
                out.append(make(ref, t.person, hours: hours, result: ref.kind == .completion ? "合格" : "优秀"))
            }
        }
        for t in results.tutors where !t.person.name.isEmpty {
            for ref in t.certificates { out.append(make(ref, t.person, hours: "", result: "优秀")) }
        }
        return out
    }

    /// The hours the programme recognises: each module's counted hours up to its
    /// requirement (60 in the seed) — what a certificate says was completed. A
    /// 坊主兼学员 who passed on hours gets their counted hours.
    static func creditedHours(_ t: TraineeResult, _ s: Scheme) -> Hours {
        if t.passBasis == .tutorHours40 || t.passBasis == .tutorHours30 { return t.totalHours }
        return zip(t.hours, s.modules).reduce(Hours.zero) { $0 + min($1.0, $1.1.requiredHours) }
    }
}
