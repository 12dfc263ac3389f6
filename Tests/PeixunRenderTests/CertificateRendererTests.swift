import Foundation
import Testing
@testable import PeixunRender
import PeixunCore

@Suite struct CertificateRendererTests {
    let renderer: CertificateRenderer
    init() throws { renderer = try CertificateRenderer.load(templatesDirectory: templatesDirectory) }

    @Test(arguments: CertificateKind.allCases)
    func pageReadsBack(_ kind: CertificateKind) throws {
        let dir = try temporaryDirectory("cert")
        let d = sampleCertificate(kind: kind)
        let path = dir.appendingPathComponent("\(kind.rawValue).pdf").path
        try renderer.writePDF(d, to: path)
        let text = try pdfText(path)
        for s in ["王𬌗", "XC2021-JY-000001", "7K3M-9QXD", "410102********123X", "许昌市第一中学", "魏都区", "二〇二一年十二月二十五日"] {
            #expect(text.contains(s), "\(s) missing from \(kind)")
        }
        #expect(!text.contains("{{"))
        for f in try pdfFonts(path) { #expect(f.embedded && f.subset, "\(f.name)") }
        let png = dir.appendingPathComponent(kind.rawValue).path
        #expect(try run("pdftoppm", ["-png", "-r", "150", "-singlefile", path, png]).status == 0)
        let qr = try run("zbarimg", ["--quiet", "--raw", png + ".png"]).output
        #expect(qr.trimmingCharacters(in: .whitespacesAndNewlines) == "XC2021-JY-000001 7K3M-9QXD")
        if let keep = ProcessInfo.processInfo.environment["PEIXUN_KEEP_RENDER"] {
            try? FileManager.default.copyItem(atPath: path, toPath: keep + "/\(kind.rawValue).pdf")
        }
    }

    /// The QR code (a stencil image since #11) decodes from a 300 dpi print
    /// render of the whole page, with the verification site's address.
    @Test func qrDecodesFromA300dpiRender() throws {
        let dir = try temporaryDirectory("cert")
        var d = sampleCertificate()
        d.verifyURL = "https://verify.example.org/c/"
        let path = dir.appendingPathComponent("qr300.pdf").path
        try renderer.writePDF(d, to: path)
        let png = dir.appendingPathComponent("qr300").path
        #expect(try run("pdftoppm", ["-png", "-r", "300", "-singlefile", path, png]).status == 0)
        let qr = try run("zbarimg", ["--quiet", "--raw", png + ".png"]).output
        #expect(qr.trimmingCharacters(in: .whitespacesAndNewlines) == "https://verify.example.org/c/#XC2021-JY-000001.7K3M-9QXD")
    }
}
