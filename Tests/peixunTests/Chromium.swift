import Foundation

/// Debian's headless Chromium, to read a page's DOM after its script ran and to take screenshots.
enum Chromium {
    static let binary = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static func arguments(_ extra: [String]) -> [String] {
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--allow-file-access-from-files", "--user-data-dir=" + profile.path] + extra
    }

    /// A throwaway profile, so runs never share state.
    private static let profile: URL = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("peixun-chromium-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }()

    /// The DOM of `url` once its scripts (and the script files they load) have run.
    static func dumpDOM(_ url: URL, windowWidth: Int = 1280) throws -> String {
        try run(["--window-size=\(windowWidth),2000", "--virtual-time-budget=5000", "--dump-dom", url.absoluteString])
    }

    /// A PNG of `url` at the given window size.
    static func screenshot(_ url: URL, to png: URL, width: Int, height: Int) throws {
        _ = try run(["--window-size=\(width),\(height)", "--virtual-time-budget=5000", "--hide-scrollbars",
                     "--screenshot=" + png.path, url.absoluteString])
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String { "chromium is not installed (scripts/setup.sh installs it)" }
    }

    private static func run(_ extra: [String]) throws -> String {
        guard let binary else { throw Missing() }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = arguments(extra)
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// A file URL with a fragment (`URL(fileURLWithPath:)` would percent-encode the `#`).
func fileURL(_ path: String, fragment: String? = nil) -> URL {
    var c = URLComponents(url: URL(fileURLWithPath: path), resolvingAgainstBaseURL: false)!
    c.fragment = fragment
    return c.url!
}
