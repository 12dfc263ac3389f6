import PeixunCore

/// 证书编号格式 — the scheme's certificate number pattern, checked once and
/// applied as a pure function.
///
/// Placeholders: `{code}` the programme code, `{kind}` the kind's code
/// (`kindCodes`), `{year}` the issue year, `{seq}` the sequence number and
/// `{seq:0N}` the sequence zero-padded to N digits (1…18). `{{` and `}}` write
/// a literal brace. The pattern must contain the sequence exactly once, so
/// that two sequences never give the same number.
public struct CertificateNumberFormat: Sendable, Equatable {
    enum Part: Sendable, Equatable {
        case literal(String)
        case code
        case kind
        case year
        case sequence(width: Int)
    }

    public let pattern: String
    let parts: [Part]

    /// Parses `pattern`; throws `RegistryError.badNumberFormat` naming the fault.
    public init(_ pattern: String) throws {
        self.pattern = pattern
        var parts: [Part] = []
        var literal = ""
        var chars = pattern[...]
        func fail(_ reason: String) -> RegistryError { .badNumberFormat(pattern: pattern, reason: reason) }
        while let c = chars.first {
            chars = chars.dropFirst()
            if c == "}" {
                guard chars.first == "}" else { throw fail("a lone '}' (write '}}' for a literal brace)") }
                chars = chars.dropFirst()
                literal.append("}")
                continue
            }
            guard c == "{" else { literal.append(c); continue }
            if chars.first == "{" { chars = chars.dropFirst(); literal.append("{"); continue }
            guard let close = chars.firstIndex(of: "}") else { throw fail("an unclosed '{'") }
            let name = String(chars[..<close])
            chars = chars[chars.index(after: close)...]
            if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
            switch name {
            case "code": parts.append(.code)
            case "kind": parts.append(.kind)
            case "year": parts.append(.year)
            case "seq": parts.append(.sequence(width: 0))
            default:
                if name.hasPrefix("seq:0"), let width = Int(name.dropFirst(5)), (1...18).contains(width),
                   name.dropFirst(5).allSatisfy(\.isASCII) {
                    parts.append(.sequence(width: width))
                } else {
                    throw fail("unknown placeholder {\(name)} (known: {code} {kind} {year} {seq} {seq:0N})")
                }
            }
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        let sequences = parts.filter { if case .sequence = $0 { return true } else { return false } }.count
        guard sequences == 1 else {
            throw fail(sequences == 0 ? "no {seq} placeholder: numbers would repeat"
                                      : "{seq} appears \(sequences) times")
        }
        self.parts = parts
    }

    /// The number for one certificate. Pure: the same inputs always give the
    /// same number.
    public func format(code: String, kindCode: String, year: Int, sequence: Int) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .literal(let text): out += text
            case .code: out += code
            case .kind: out += kindCode
            case .year: out += String(year)
            case .sequence(let width):
                let digits = String(sequence)
                out += String(repeating: "0", count: max(0, width - digits.count)) + digits
            }
        }
        return out
    }

    /// `format(code:kindCode:year:sequence:)` with the scheme's programme code,
    /// kind code and issue year. Throws when the scheme gives no code for `kind`.
    public func format(scheme: Scheme, kind: CertificateKind, sequence: Int) throws -> String {
        guard let kindCode = scheme.certificates.kindCodes[kind], !kindCode.isEmpty else {
            throw RegistryError.missingKindCode(kind)
        }
        return format(code: scheme.programme.code, kindCode: kindCode,
                      year: scheme.programme.issueDate.year, sequence: sequence)
    }
}
