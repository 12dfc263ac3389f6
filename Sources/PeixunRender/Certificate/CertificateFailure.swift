import PeixunCore

/// A certificate that could not be drawn: it names the person, so a
/// missing glyph reads “XC2021-JY-000012 王\u{E000}: no installed font has U+E000”.
public struct CertificateFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var kind: CertificateKind
    public var number: String
    public var name: String
    public var error: RenderError
    public init(_ data: CertificateData, _ error: RenderError) {
        kind = data.kind; number = data.number; name = data.name; self.error = error
    }
    public var description: String { "\(kind.title) \(number) \(name): \(error)" }
}
