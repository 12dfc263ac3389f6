/// The TOML shape of a certificate template (`Templates/*.toml`), decoded
/// as is; `CertificateTemplate` checks and resolves it. Lengths are mm,
/// font sizes pt, colours `#RRGGBB[AA]`.
struct TemplateFile: Decodable {
    /// A TOML number: TOMLKit will not read an integer (`width = 297`) as a Double.
    struct Num: Decodable {
        var v: Double
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let i = try? c.decode(Int.self) { v = Double(i) } else { v = try c.decode(Double.self) }
        }
    }
    struct Size: Decodable { var width: Num; var height: Num }
    struct Point: Decodable { var x: Num; var y: Num }
    struct Box: Decodable { var x: Num; var y: Num; var width: Num; var height: Num }
    struct Margins: Decodable { var top: Num; var right: Num; var bottom: Num; var left: Num }
    struct Frame: Decodable {
        var inset: Num
        var width: Num
        var color: String
        var radius: Num?
        var double_gap: Num?
    }
    struct Corners: Decodable {
        var style: String?
        var size: Num
        var inset: Num
        var width: Num?
        var color: String
    }
    struct Border: Decodable {
        var outer: Frame?
        var inner: Frame?
        var corners: Corners?
    }
    struct Background: Decodable {
        var image: String?
        var color: String?
        var opacity: Num?
    }
    struct Shape: Decodable {
        var type: String
        var from: Point?
        var to: Point?
        var box: Box?
        var center: Point?
        var radius: Num?
        var width: Num?
        var color: String
        var fill: Bool?
        var dash: [Num]?
    }
    struct Seal: Decodable {
        var image: String?
        /// A drawn (vector) seal only when a template asks for it explicitly.
        var drawn: Bool?
        var center: Point
        var diameter: Num
        var text: String?
        var caption: String?
        var color: String?
        var opacity: Num?
    }
    struct QR: Decodable {
        var box: Box
        var text: String
        var color: String?
    }
    struct Block: Decodable {
        var name: String
        var text: String
        var box: Box
        var size: Num
        var min_size: Num?
        var weight: String?
        var color: String?
        var align: String?
        var valign: String?
        var letter_spacing: Num?
        var line_spacing: Num?
        var shrink: Bool?
        var fonts: [String]?
        var overlay: Bool?
    }

    var version: Int
    var name: String?
    var page: Size
    var margins: Margins
    var fonts: [String]
    var color: String?
    var background: Background?
    var border: Border?
    var shapes: [Shape]?
    var seal: Seal?
    var qr: QR?
    var blocks: [Block]
}
