import Foundation
import PeixunCore
import PeixunRegistry

/// Publishes the registry as a static verification site (CONTRACT §8).
public enum VerificationSite {
    /// Writes the site for every certificate of `registry` into `folder`.
    /// `issueDates` gives the printed 发证日期 of programmes known from their
    /// scheme (the current run's); others show the day they were issued.
    /// `cache`/`cacheOut`: the previous publication's keys and the place for this one's
    /// (`SiteWriter.write`).
    public static func publish(registry: CertificateRegistry, issueDates: [String: CivilDate], to folder: String,
                               iterations: Int = SiteLookup.defaultIterations, cache: SiteKeyCache? = nil,
                               cacheOut: ((SiteKeyCache) throws -> Void)? = nil) throws -> SiteWriter.Summary {
        let rows = try registry.publicationRows()
        var programmeIndex: [String: Int] = [:]
        var programmes: [SiteProgramme] = []
        var entries: [SiteEntry] = []
        entries.reserveCapacity(rows.count)
        for row in rows {
            let c = row.certificate
            guard let code = c.code else { continue }
            let index: Int
            if let known = programmeIndex[c.programmeCode] {
                index = known
            } else {
                let date = issueDates[c.programmeCode].map { "\($0.year)年\($0.month)月\($0.day)日" }
                    ?? row.issuedAt.map(chineseDay) ?? ""
                programmes.append(SiteProgramme(name: row.programme?.name ?? c.programmeCode,
                                                issuer: row.programme?.issuer ?? "", issueDate: date))
                index = programmes.count - 1
                programmeIndex[c.programmeCode] = index
            }
            entries.append(SiteEntry(number: c.number, code: code, status: c.status == .issued ? .valid : .revoked,
                                     kind: c.kind, programme: index, maskedName: NameMask.mask(c.holderName),
                                     county: c.county, school: c.school,
                                     revokedOn: row.revokedAt.map(VerificationResult.dateText)))
        }
        return try SiteWriter.write(entries: entries, programmes: programmes, to: folder, iterations: iterations,
                                    cache: cache, cacheOut: cacheOut)
    }

    static func chineseDay(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .current
        let d = calendar.dateComponents([.year, .month, .day], from: date)
        return "\(d.year ?? 0)年\(d.month ?? 0)月\(d.day ?? 0)日"
    }
}
