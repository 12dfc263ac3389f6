import Foundation
import GRDB
import PeixunCore

extension CertificateRegistry {
    private struct Key: Hashable {
        var kind: CertificateKind
        var personID: String
    }

    /// Brings the registry in line with `results` in one transaction and fills
    /// the `certificates` of every trainee and tutor.
    ///
    /// Who qualifies: 结业证书 every passed trainee, 优秀学员 every excellent
    /// trainee, 优秀辅导教师 every excellent tutor. A qualifier keeps the number
    /// they have; a new one gets the next sequence of its kind, in roster
    /// order. A certificate whose holder no longer qualifies is revoked; if
    /// they qualify again later the same number is reinstated (a number
    /// belongs to one person for good — it is never given to anyone else and
    /// the person never gets a second one of that kind).
    ///
    /// With `key` (found at `keyPath`), the registry pins it on first use and
    /// refuses any other (`keyMismatch`), and stores the code of every new or
    /// renamed certificate; without, codes are left unstored.
    ///
    /// `results` is only changed when the transaction commits.
    public func reconcile(results: inout Results, runTime: Date, key: VerificationKey? = nil,
                          keyPath: String = "") throws -> RegistryChanges {
        let scheme = results.scheme
        let programme = scheme.programme
        guard !programme.code.isEmpty else { throw RegistryError.missingProgrammeCode }
        let format = try CertificateNumberFormat(scheme.certificates.numberFormat)
        let kindCodes = try Self.checkedKindCodes(scheme.certificates, format: format)

        // Who qualifies for what, in the order numbers are assigned.
        var qualifiers: [(kind: CertificateKind, person: Person)] = []
        qualifiers.reserveCapacity(results.trainees.count + results.tutors.count)
        for t in results.trainees where t.passed { qualifiers.append((.completion, t.person)) }
        for t in results.trainees where t.excellent { qualifiers.append((.excellentTrainee, t.person)) }
        for t in results.tutors where t.excellent { qualifiers.append((.excellentTutor, t.person)) }

        let (changes, numbers) = try write { db -> (RegistryChanges, [Key: String]) in
            try db.execute(sql: "PRAGMA cache_size = -\(Self.reconcileCacheKiB)")
            if let key { try Self.pin(key, keyPath: keyPath, at: runTime, registry: path, db: db) }
            try Self.registerProgramme(programme, format: format, kindCodes: kindCodes, db: db)
            let previous = try RunRecord.filter(Column("programme_code") == programme.code)
                .order(Column("id").desc).fetchOne(db)
            var run = RunRecord(id: nil, programmeCode: programme.code, runAt: runTime,
                                dataDate: results.dataDate.description,
                                trainees: results.trainees.count, tutors: results.tutors.count,
                                passed: results.trainees.lazy.filter(\.passed).count,
                                excellentTrainees: results.trainees.lazy.filter(\.excellent).count,
                                excellentTutors: results.tutors.lazy.filter(\.excellent).count,
                                issued: 0, revoked: 0, reinstated: 0)
            try run.insert(db)
            let runID = run.id ?? db.lastInsertedRowID

            var changes = RegistryChanges(programmeCode: programme.code, programmeName: programme.name, run: runID,
                                          runAt: runTime, previousRun: previous?.id, previousRunAt: previous?.runAt)
            let existing = try Self.fetchCertificates(programme: programme.code, db: db)
            var byKey: [Key: CertificateRecord] = [:]
            byKey.reserveCapacity(existing.count)
            var nextSequence: [CertificateKind: Int] = [:]
            for cert in existing {
                byKey[Key(kind: cert.kind, personID: cert.personID)] = cert
                nextSequence[cert.kind] = max(nextSequence[cert.kind] ?? 1, cert.sequence + 1)
            }

            var numbers: [Key: String] = [:]
            numbers.reserveCapacity(qualifiers.count)
            let codeKey = key, fingerprint = key?.fingerprint  // `key` below is each certificate's
            for (kind, person) in qualifiers {
                let key = Key(kind: kind, personID: person.id)
                if numbers[key] != nil { continue }
                if var cert = byKey[key] {
                    if cert.status == .revoked {
                        cert.status = .issued
                        cert.revokedRun = nil
                        try Self.update(cert, db: db)
                        try Self.event(cert, run: runID, "reinstated", db: db)
                        changes.reinstated.append(Self.change(cert))
                    }
                    if let detail = Self.holderDifference(cert, person) {
                        // The code covers the name: a new name gets a new code (below).
                        if !Self.same(cert.holderName, person.name) { cert.code = nil; cert.keyFingerprint = nil }
                        Self.setHolder(&cert, person)
                        try Self.update(cert, db: db)
                        try Self.event(cert, run: runID, "holder_updated", detail: detail, db: db)
                        var entry = Self.change(cert)
                        entry.detail = detail
                        changes.holderUpdated.append(entry)
                    }
                    numbers[key] = cert.number
                } else {
                    let sequence = nextSequence[kind] ?? 1
                    nextSequence[kind] = sequence + 1
                    let number = format.format(code: programme.code, kindCode: kindCodes[kind] ?? "",
                                               year: programme.issueDate.year, sequence: sequence)
                    var cert = CertificateRecord(rowID: nil, programmeCode: programme.code, personID: person.id,
                                                 kind: kind, number: number, sequence: sequence, status: .issued,
                                                 holderName: "", maskedID: "", county: "", school: "",
                                                 issuedRun: runID, revokedRun: nil)
                    Self.setHolder(&cert, person)
                    if let codeKey, let fingerprint {
                        // Its code is stored with it, not by a second pass that reads and updates
                        // every new row (`storeMissingCodes`, which a first run would spend seconds on).
                        cert.code = Self.code(of: cert, key: codeKey)
                        cert.keyFingerprint = fingerprint
                    }
                    try Self.insert(&cert, db: db)
                    try Self.event(cert, run: runID, "issued", db: db)
                    changes.issued.append(Self.change(cert))
                    numbers[key] = number
                }
            }
            for var cert in existing where cert.status == .issued
                && numbers[Key(kind: cert.kind, personID: cert.personID)] == nil {
                cert.status = .revoked
                cert.revokedRun = runID
                try Self.update(cert, db: db)
                try Self.event(cert, run: runID, "revoked", db: db)
                changes.revoked.append(Self.change(cert))
            }

            try Self.compareStandings(results, programme: programme.code, run: runID, hasPrevious: previous != nil,
                                      changes: &changes, db: db)
            if let key { try Self.storeMissingCodes(key: key, db: db) }
            run.issued = changes.issued.count
            run.revoked = changes.revoked.count
            run.reinstated = changes.reinstated.count
            try run.update(db)
            return (changes, numbers)
        }

        for i in results.trainees.indices {
            let id = results.trainees[i].id
            results.trainees[i].certificates = [CertificateKind.completion, .excellentTrainee].compactMap { kind in
                numbers[Key(kind: kind, personID: id)].map { CertificateRef(kind: kind, number: $0) }
            }
        }
        for i in results.tutors.indices {
            let id = results.tutors[i].id
            results.tutors[i].certificates = numbers[Key(kind: .excellentTutor, personID: id)]
                .map { [CertificateRef(kind: .excellentTutor, number: $0)] } ?? []
        }
        return changes
    }

    /// The page cache while reconciling, in KiB: enough for a 100,000-person
    /// registry, so that a rerun's changes stay in memory until the commit
    /// instead of spilling to the file mid-transaction (SQLite's default is 2 MiB).
    static let reconcileCacheKiB = 128 * 1024

    /// Kind codes must exist, be distinct, and the format must tell kinds apart.
    static func checkedKindCodes(_ rules: CertificateRules,
                                 format: CertificateNumberFormat) throws -> [CertificateKind: String] {
        var codes: [CertificateKind: String] = [:]
        for kind in CertificateKind.allCases {
            guard let code = rules.kindCodes[kind], !code.isEmpty else { throw RegistryError.missingKindCode(kind) }
            codes[kind] = code
        }
        guard Set(codes.values).count == codes.count else {
            throw RegistryError.badNumberFormat(pattern: rules.numberFormat,
                                                reason: "two kinds share a kind code: numbers would repeat")
        }
        guard format.parts.contains(.kind) else {
            throw RegistryError.badNumberFormat(pattern: rules.numberFormat,
                                                reason: "no {kind} placeholder: each kind counts from 1, numbers would repeat")
        }
        return codes
    }

    static func kindCodesText(_ codes: [CertificateKind: String]) -> String {
        CertificateKind.allCases.map { "\($0.rawValue)=\(codes[$0] ?? "")" }.joined(separator: ";")
    }

    /// Inserts or updates the programme; refuses a changed numbering once
    /// certificates exist.
    static func registerProgramme(_ programme: Programme, format: CertificateNumberFormat,
                                  kindCodes: [CertificateKind: String], db: Database) throws {
        let codesText = kindCodesText(kindCodes)
        let record = ProgrammeRecord(code: programme.code, name: programme.name, issuer: programme.issuer,
                                     numberFormat: format.pattern, kindCodes: codesText)
        if let existing = try ProgrammeRecord.fetchOne(db, key: programme.code) {
            if existing.numberFormat != format.pattern || existing.kindCodes != codesText {
                let issued = try CertificateRecord.filter(Column("programme_code") == programme.code).fetchCount(db)
                if issued > 0 {
                    throw RegistryError.numberFormatChanged(
                        programme: programme.code,
                        registered: "\(existing.numberFormat) [\(existing.kindCodes)]",
                        scheme: "\(format.pattern) [\(codesText)]")
                }
            }
            if existing != record { try record.update(db) }
        } else {
            try record.insert(db)
        }
    }

    static func setHolder(_ cert: inout CertificateRecord, _ person: Person) {
        cert.holderName = person.name
        cert.maskedID = person.maskedID
        cert.county = person.county
        cert.school = person.school
    }

    /// `姓名 旧 → 新; 单位 …` when the printed holder data differ, else nil.
    static func holderDifference(_ cert: CertificateRecord, _ person: Person) -> String? {
        var parts: [String] = []
        if !same(cert.holderName, person.name) { parts.append("姓名 name \(cert.holderName) → \(person.name)") }
        if !same(cert.county, person.county) { parts.append("区县 county \(cert.county) → \(person.county)") }
        if !same(cert.school, person.school) { parts.append("单位 school \(cert.school) → \(person.school)") }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    static func change(_ cert: CertificateRecord) -> RegistryChanges.Certificate {
        RegistryChanges.Certificate(kind: cert.kind, number: cert.number, name: cert.holderName,
                                    maskedID: cert.maskedID, county: cert.county, school: cert.school, detail: nil)
    }

    static func event(_ cert: CertificateRecord, run: Int64, _ event: String, detail: String? = nil,
                      db: Database) throws {
        guard let id = cert.rowID else { return }
        let statement = try db.cachedStatement(
            sql: "INSERT INTO certificate_event (certificate_id, run, event, detail) VALUES (?, ?, ?, ?)")
        try statement.execute(arguments: [id, run, event, detail])
    }

    /// Inserts a new certificate (prepared statement: a first run inserts
    /// thousands). A number already taken is a `numberCollision`, never a reuse.
    static func insert(_ cert: inout CertificateRecord, db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO certificate (programme_code, person_id, kind, number, sequence, status, holder_name,
                                     masked_id, county, school, issued_run, revoked_run, code, key_fingerprint)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        do {
            try statement.execute(arguments: [cert.programmeCode, cert.personID, cert.kind.rawValue, cert.number,
                                              cert.sequence, cert.status.rawValue, cert.holderName, cert.maskedID,
                                              cert.county, cert.school, cert.issuedRun, cert.revokedRun,
                                              cert.code, cert.keyFingerprint])
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE
            && (error.message ?? "").contains("certificate.number") {
            throw RegistryError.numberCollision(number: cert.number)
        }
        cert.rowID = db.lastInsertedRowID
    }
}
