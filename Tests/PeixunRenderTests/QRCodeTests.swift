import Foundation
import Testing
@testable import PeixunRender

@Suite struct QRCodeTests {
    @Test(arguments: [150, 300])
    func encodesAndDecodesWithZbar(dpi: Int) throws {
        let payload = "XC2021-JY-000123 7K3M-9QXD-2F"
        let code = try QRCode(payload)
        #expect(code.size >= 21 && (code.size - 17) % 4 == 0)
        // Finder pattern: top-left 7×7 ring.
        #expect(code.isDark(row: 0, column: 0) && code.isDark(row: 0, column: 6) && !code.isDark(row: 1, column: 1))

        let dir = try temporaryDirectory("qr")
        let pdf = dir.appendingPathComponent("qr.pdf").path
        let doc = try PDFDocument(path: pdf, pageSize: SizeMM(width: 60, height: 60))
        doc.canvas.drawQRCode(code, in: BoxMM(x: 10, y: 10, width: 40, height: 40))
        try doc.endPage()
        try doc.finish()
        let png = dir.appendingPathComponent("qr").path
        #expect(try run("pdftoppm", ["-png", "-r", "\(dpi)", "-singlefile", pdf, png]).status == 0)
        let decoded = try run("zbarimg", ["--quiet", "--raw", png + ".png"])
        #expect(decoded.output.trimmingCharacters(in: .whitespacesAndNewlines) == payload)
    }

    /// Rendered so that one module is exactly 10 × 10 pixels (1 mm at 254 dpi):
    /// the inside of every module is black exactly where the module is dark,
    /// the quiet zone and the page around it white.
    @Test func drawnSymbolCoversExactlyTheDarkModules() throws {
        let code = try QRCode("XC2021-JY-000001 7K3M-9QXD")
        let n = code.size, margin = 3, quiet = 2
        let dir = try temporaryDirectory("qr")
        let pdf = dir.appendingPathComponent("grid.pdf").path
        let side = Double(n + 2 * quiet)
        let doc = try PDFDocument(path: pdf, pageSize: SizeMM(width: side + Double(2 * margin), height: side + Double(2 * margin)))
        doc.canvas.drawQRCode(code, in: BoxMM(x: Double(margin), y: Double(margin), width: side, height: side), quietZone: quiet)
        try doc.endPage()
        try doc.finish()

        let page = try RenderedPage(pdf: pdf, dpi: 254)
        #expect(page.width == (n + 2 * quiet + 2 * margin) * 10 && page.height == page.width)
        var wrong: [String] = []
        for row in -(quiet + margin)..<(n + quiet + margin) {
            for column in -(quiet + margin)..<(n + quiet + margin) {
                let dark = (0..<n).contains(row) && (0..<n).contains(column) && code.isDark(row: row, column: column)
                let x0 = (column + quiet + margin) * 10, y0 = (row + quiet + margin) * 10
                // The 8 × 8 inside of the module (a pixel of anti-aliasing allowed at its edge).
                for y in (y0 + 1)..<(y0 + 9) {
                    for x in (x0 + 1)..<(x0 + 9) where (dark ? page.at(x, y) > 40 : page.at(x, y) < 215) {
                        wrong.append("module (\(row), \(column)) pixel (\(x), \(y)) = \(page.at(x, y))")
                    }
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }

    /// The symbol is one 1-bit stencil image of n × n modules, not interpolated.
    @Test func symbolIsOneStencilImage() throws {
        let code = try QRCode("XC2021-JY-000001 7K3M-9QXD")
        let dir = try temporaryDirectory("qr")
        let pdf = dir.appendingPathComponent("stencil.pdf").path
        let doc = try PDFDocument(path: pdf, pageSize: SizeMM(width: 40, height: 40))
        doc.canvas.drawQRCode(code, in: BoxMM(x: 5, y: 5, width: 30, height: 30), background: nil)
        try doc.endPage()
        try doc.finish()
        // page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
        let rows = try run("pdfimages", ["-list", pdf]).output.split(separator: "\n").dropFirst(2)
            .map { $0.split(separator: " ").map(String.init) }
        #expect(rows.count == 1)
        let image = try #require(rows.first)
        #expect(Array(image[2...5]) == ["stencil", "\(code.size)", "\(code.size)", "-"])
        #expect(image[7] == "1" && image[9] == "no")
    }

    @Test func rectanglesCoverExactlyTheDarkModules() throws {
        let code = try QRCode("XC2021-1-JY-000042 ABCD-EFGH")
        var covered = [Int](repeating: 0, count: code.size * code.size)
        let rects = code.rectangles()
        for r in rects {
            for y in r.row..<(r.row + r.height) { for x in r.column..<(r.column + r.width) { covered[y * code.size + x] += 1 } }
        }
        #expect(covered == code.modules.map { $0 ? 1 : 0 })
        #expect(rects.count < code.modules.filter { $0 }.count / 2)
    }

    @Test func emptyTextIsRejected() {
        #expect(throws: RenderError.qrCode(message: "empty text")) { try QRCode("") }
    }
}
