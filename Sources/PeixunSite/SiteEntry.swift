import PeixunCore

/// One certificate as the public site may know it, once its number and code
/// are given: never an ID number, never a full name.
public struct SiteEntry: Sendable, Equatable {
    public enum Status: String, Sendable, Equatable { case valid = "v", revoked = "r" }

    /// The certificate number and code (they only ever enter the one-way hash).
    public var number: String
    public var code: String
    public var status: Status
    public var kind: CertificateKind
    /// Index into the site's programme list.
    public var programme: Int
    /// `NameMask.mask(name)`.
    public var maskedName: String
    public var county: String
    public var school: String
    /// `YYYY-MM-DD` when revoked.
    public var revokedOn: String?

    public init(number: String, code: String, status: Status, kind: CertificateKind, programme: Int,
                maskedName: String, county: String, school: String, revokedOn: String?) {
        self.number = number; self.code = code; self.status = status; self.kind = kind; self.programme = programme
        self.maskedName = maskedName; self.county = county; self.school = school; self.revokedOn = revokedOn
    }
}

/// A programme as the site prints it (public: the programme's own page).
public struct SiteProgramme: Sendable, Equatable, Codable {
    public var name: String
    public var issuer: String
    /// 发证日期 `YYYY年M月D日`.
    public var issueDate: String
    public init(name: String, issuer: String, issueDate: String) {
        self.name = name; self.issuer = issuer; self.issueDate = issueDate
    }
}
