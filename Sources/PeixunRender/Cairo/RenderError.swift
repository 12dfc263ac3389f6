/// Everything that can go wrong while drawing a document.
public enum RenderError: Error, Equatable, CustomStringConvertible {
    /// Cairo reported a status other than success (`what` names the operation).
    case cairo(what: String, status: String)
    /// Pango or GLib could not create an object.
    case pango(what: String)
    /// No available font has these characters; Pango would draw a box (tofu).
    case missingGlyphs(text: String, characters: [Unicode.Scalar])
    /// A glyph came from a font family outside the style's family list.
    case unlistedFont(text: String, character: Unicode.Scalar, family: String)
    /// The text does not fit its box even at the smallest allowed size.
    case textOverflow(text: String, widthMM: Double, heightMM: Double)
    /// fontconfig could not load its configuration or a font directory.
    case fontRegistration(path: String, message: String)
    /// A PNG file could not be read.
    case image(path: String, message: String)
    /// libqrencode failed.
    case qrCode(message: String)
    /// A template file is invalid (`path` names the key, e.g. `blocks[2].box`).
    case template(file: String, path: String, message: String)
    /// Writing an output file failed.
    case output(path: String, message: String)

    public var description: String {
        switch self {
        case let .cairo(what, status): return "Cairo: \(what): \(status)"
        case let .pango(what): return "Pango: \(what)"
        case let .missingGlyphs(text, chars):
            return "no installed font has \(chars.map { Self.describe($0) }.joined(separator: ", ")) in “\(text)”"
        case let .unlistedFont(text, c, family):
            return "\(Self.describe(c)) in “\(text)” came from \(family), which the family list does not name"
        case let .textOverflow(text, w, h):
            return "“\(text)” does not fit its \(w)×\(h) mm box even at the minimum size"
        case let .fontRegistration(path, message): return "fonts: \(path): \(message)"
        case let .image(path, message): return "image \(path): \(message)"
        case let .qrCode(message): return "QR code: \(message)"
        case let .template(file, path, message): return "\(file): \(path): \(message)"
        case let .output(path, message): return "\(path): \(message)"
        }
    }

    /// `“𬌗” (U+2C317)`.
    static func describe(_ c: Unicode.Scalar) -> String {
        let hex = String(c.value, radix: 16, uppercase: true)
        let padded = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let printable = c.properties.generalCategory != .control && c.properties.generalCategory != .unassigned
            && c.properties.generalCategory != .privateUse
        return printable ? "“\(Character(c))” (U+\(padded))" : "U+\(padded)"
    }
}
