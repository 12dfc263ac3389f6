import PeixunCore

/// Everything printed on one certificate, already decided by grading and the
/// registry: the renderer formats nothing but the date.
public struct CertificateData: Sendable, Equatable, Hashable {
    public var kind: CertificateKind
    public var name: String
    /// `IDNumber.mask(id)`, never the full 身份证号.
    public var maskedID: String
    /// 单位
    public var school: String
    /// 区县
    public var county: String
    /// 学段学科, e.g. `初中数学`.
    public var stageSubject: String
    /// The programme's name.
    public var programme: String
    /// e.g. `50`
    public var hours: String
    /// e.g. `合格` / `优秀`
    public var result: String
    /// The registry's certificate number.
    public var number: String
    /// The registry's verification code.
    public var verificationCode: String
    /// 发证单位
    public var issuer: String
    public var issueDate: CivilDate
    /// The scheme's `verify_url`: the QR code then opens the verification
    /// site at `<verifyURL>#<number>.<code>`.
    public var verifyURL: String?

    public init(kind: CertificateKind, name: String, maskedID: String, school: String, county: String,
                stageSubject: String, programme: String, hours: String, result: String, number: String,
                verificationCode: String, issuer: String, issueDate: CivilDate, verifyURL: String? = nil) {
        self.kind = kind; self.name = name; self.maskedID = maskedID; self.school = school
        self.county = county; self.stageSubject = stageSubject; self.programme = programme
        self.hours = hours; self.result = result; self.number = number
        self.verificationCode = verificationCode; self.issuer = issuer; self.issueDate = issueDate
        self.verifyURL = verifyURL
    }

    /// What the QR code holds (`{{qr}}`): `<verifyURL>#<number>.<code>` with a
    /// verification site, else `<number> <code>` for `peixun verify`.
    public var qrPayload: String {
        guard let verifyURL else { return "\(number) \(verificationCode)" }
        return "\(verifyURL)#\(number).\(verificationCode)"
    }

    /// The placeholder names a template may use.
    public static let placeholders: Set<String> = [
        "name", "masked_id", "school", "county", "stage_subject", "programme", "hours", "result",
        "number", "code", "issuer", "issue_date", "issue_date_cn", "title", "qr",
    ]

    /// Placeholder values for Mustache.
    var values: [String: String] {
        [
            "name": name, "masked_id": maskedID, "school": school, "county": county,
            "stage_subject": stageSubject, "programme": programme, "hours": hours, "result": result,
            "number": number, "code": verificationCode, "issuer": issuer,
            "issue_date": "\(issueDate.year)年\(issueDate.month)月\(issueDate.day)日",
            "issue_date_cn": Self.chineseDate(issueDate), "title": kind.title, "qr": qrPayload,
        ]
    }

    /// 二〇二一年十二月二十五日
    static func chineseDate(_ d: CivilDate) -> String {
        let digits = Array("〇一二三四五六七八九")
        let year = String(String(d.year).compactMap { $0.wholeNumberValue.map { digits[$0] } })
        func small(_ n: Int) -> String {
            switch n {
            case 0..<10: return String(digits[n])
            case 10: return "十"
            case 11..<20: return "十" + String(digits[n - 10])
            default: return String(digits[n / 10]) + "十" + (n % 10 == 0 ? "" : String(digits[n % 10]))
            }
        }
        return "\(year)年\(small(d.month))月\(small(d.day))日"
    }
}
