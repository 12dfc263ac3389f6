import Foundation
import Testing
@testable import PeixunRender

@Suite struct FontRegistryTests {
    @Test func missingDirectoryIsAnError() {
        #expect(throws: RenderError.self) { try FontRegistry.register(directory: "/nonexistent/peixun-fonts") }
    }

    @Test func fontsInARegisteredDirectoryAreLoaded() throws {
        let dir = try temporaryDirectory("fonts")
        let copy = dir.appendingPathComponent("centre-font.ttf").path
        try FileManager.default.copyItem(atPath: "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKaiMono-Light.ttf", toPath: copy)
        try FontRegistry.register(directory: dir.path)
        #expect(FontRegistry.registeredFiles().contains(copy))
        #expect(FontRegistry.directories.contains(dir.standardizedFileURL.path))
        // The default family still resolves to a TrueType file.
        #expect(FontRegistry.file(forFamily: "LXGW WenKai")?.hasSuffix(".ttf") == true)
    }
}
