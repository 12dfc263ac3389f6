import Foundation
import Testing
@testable import PeixunRender
import PeixunCore

/// A centre must never print a made-up seal of a real body: by default the
/// stamp area stays clear; a template may name the centre's own seal image,
/// and a drawn seal only when it asks for one explicitly.
@Suite struct SealTests {
    /// A 32×32 blue disc with transparency: "the centre's own seal".
    static let sealPNG = "iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAAaElEQVR42u3X0Q0AEAxF0U5iEvvHVgwgBNX2iSfxfc8XrchrJ+VSZzckaoo5jasR2rAKcju+hbCKLyNCAdbxKcIrPkT8DfCOdwgCCCAgHMCXEAIQ/h1zIoIZSiHGcojFBGY1g1hOLU8DESb0mBsgdvcAAAAASUVORK5CYII="

    /// The pixels (RGB) of a PDF's page rendered at `dpi`.
    struct Pixels {
        var width: Int, height: Int, rgb: [UInt8]
        func at(_ x: Int, _ y: Int) -> (r: Int, g: Int, b: Int) {
            let i = (y * width + x) * 3
            return (Int(rgb[i]), Int(rgb[i + 1]), Int(rgb[i + 2]))
        }
    }

    func pixels(_ pdf: String, dpi: Int) throws -> Pixels {
        let base = pdf + "-page"
        #expect(try run("pdftoppm", ["-r", "\(dpi)", "-singlefile", pdf, base]).status == 0)
        let data = Array(try Data(contentsOf: URL(fileURLWithPath: base + ".ppm")))
        // P6\n<w> <h>\n255\n then RGB bytes.
        var fields: [String] = [], i = 0, current = ""
        while fields.count < 4 {
            let c = Character(UnicodeScalar(data[i])); i += 1
            if c.isWhitespace { if !current.isEmpty { fields.append(current); current = "" } } else { current.append(c) }
        }
        let w = Int(fields[1]) ?? 0, h = Int(fields[2]) ?? 0
        return Pixels(width: w, height: h, rgb: Array(data[i..<(i + w * h * 3)]))
    }

    /// Counts of reddish and bluish pixels in the 40 mm stamp area around (230, 167) mm.
    func stampArea(_ p: Pixels, dpi: Int) -> (red: Int, blue: Int) {
        let mm = Double(dpi) / 25.4
        var red = 0, blue = 0
        for y in Int(147 * mm)..<Int(187 * mm) {
            for x in Int(210 * mm)..<Int(250 * mm) {
                let c = p.at(x, y)
                if c.r > 150 && c.g < 110 && c.b < 110 { red += 1 }
                if c.b > 150 && c.r < 110 { blue += 1 }
            }
        }
        return (red, blue)
    }

    /// The templates folder with `completion.toml` given an extra `[seal]` table.
    func templates(seal: String?) throws -> String {
        let dir = try temporaryDirectory("seal")
        for name in ["completion", "excellent_trainee", "excellent_tutor"] {
            var text = try String(contentsOfFile: templatesDirectory + "/\(name).toml", encoding: .utf8)
            if name == "completion", let seal { text += "\n[seal]\n" + seal + "\n" }
            try text.write(to: dir.appendingPathComponent("\(name).toml"), atomically: true, encoding: .utf8)
        }
        try Data(base64Encoded: Self.sealPNG)?.write(to: dir.appendingPathComponent("seal.png"))
        return dir.path
    }

    func draw(_ renderer: CertificateRenderer) throws -> String {
        let path = try temporaryDirectory("seal-pdf").appendingPathComponent("c.pdf").path
        try renderer.writePDF(sampleCertificate(), to: path)
        return path
    }

    @Test func defaultTemplatesLeaveTheStampAreaClear() throws {
        let renderer = try CertificateRenderer.load(templatesDirectory: templatesDirectory)
        for kind in CertificateKind.allCases { #expect(renderer.templates[kind]?.seal == nil, "\(kind)") }
        let area = stampArea(try pixels(try draw(renderer), dpi: 40), dpi: 40)
        #expect(area.red == 0 && area.blue == 0)
    }

    @Test func aTemplateNamingTheCentresSealImageDrawsIt() throws {
        let renderer = try CertificateRenderer.load(templatesDirectory: try templates(
            seal: "image = \"seal.png\"\ncenter = { x = 230, y = 167 }\ndiameter = 30\nopacity = 1"))
        let area = stampArea(try pixels(try draw(renderer), dpi: 40), dpi: 40)
        #expect(area.blue > 300 && area.red == 0, "\(area)")
    }

    @Test func aDrawnSealOnlyWhenAsked() throws {
        #expect {
            try CertificateRenderer.load(templatesDirectory: try templates(seal: "center = { x = 230, y = 167 }\ndiameter = 40"))
        } throws: { "\($0)".contains("seal") && "\($0)".contains("image") }
        let renderer = try CertificateRenderer.load(templatesDirectory: try templates(
            seal: "drawn = true\ncenter = { x = 230, y = 167 }\ndiameter = 40\ntext = \"{{issuer}}\""))
        #expect(stampArea(try pixels(try draw(renderer), dpi: 40), dpi: 40).red > 100)
    }
}
