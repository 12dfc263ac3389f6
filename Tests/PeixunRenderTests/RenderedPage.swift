import Foundation
import Testing

/// A PDF's first page rendered by poppler (`pdftoppm -gray`) at `dpi`: one
/// grey level (0 black … 255 white) per pixel.
struct RenderedPage {
    var width: Int, height: Int, gray: [UInt8]

    init(pdf: String, dpi: Int) throws {
        let base = pdf + "-gray-\(dpi)"
        #expect(try run("pdftoppm", ["-gray", "-r", "\(dpi)", "-singlefile", pdf, base]).status == 0)
        let data = Array(try Data(contentsOf: URL(fileURLWithPath: base + ".pgm")))
        // P5\n<w> <h>\n255\n then one byte per pixel.
        var fields: [String] = [], i = 0, current = ""
        while fields.count < 4 && i < data.count {
            let c = Character(UnicodeScalar(data[i])); i += 1
            if c.isWhitespace { if !current.isEmpty { fields.append(current); current = "" } } else { current.append(c) }
        }
        width = Int(fields.count > 1 ? fields[1] : "") ?? 0
        height = Int(fields.count > 2 ? fields[2] : "") ?? 0
        gray = Array(data[i..<min(data.count, i + width * height)])
    }

    func at(_ x: Int, _ y: Int) -> UInt8 { gray[y * width + x] }
}
