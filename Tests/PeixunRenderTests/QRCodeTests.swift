import Foundation
import Testing
@testable import PeixunRender

@Suite struct QRCodeTests {
    @Test func encodesAndDecodesWithZbar() throws {
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
        #expect(try run("pdftoppm", ["-png", "-r", "150", "-singlefile", pdf, png]).status == 0)
        let decoded = try run("zbarimg", ["--quiet", "--raw", png + ".png"])
        #expect(decoded.output.trimmingCharacters(in: .whitespacesAndNewlines) == payload)
    }

    @Test func emptyTextIsRejected() {
        #expect(throws: RenderError.qrCode(message: "empty text")) { try QRCode("") }
    }
}
