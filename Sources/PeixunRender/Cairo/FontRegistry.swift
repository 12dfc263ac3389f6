internal import CPangoCairo
import Foundation

/// Makes a directory of fonts (the project's `Fonts/`) visible to Pango
/// before the system fonts are consulted, so a centre can drop in its own
/// licensed 楷体/宋体 without installing it system-wide.
///
/// Call `register(directory:)` once at start-up, before any document is
/// created: Pango's default font map is per thread and reads the current
/// fontconfig configuration when a thread first uses it.
public enum FontRegistry {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var registered: [String] = []
    nonisolated(unsafe) private static var initialised = false

    /// Directories registered so far.
    public static var directories: [String] { lock.withLock { registered } }

    /// Registers every font file under `directory` (recursively) with a fresh
    /// fontconfig configuration that becomes current. Idempotent per path.
    /// A missing directory is an error; an empty one is fine.
    public static func register(directory: String) throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            throw RenderError.fontRegistration(path: directory, message: "not a directory")
        }
        let path = URL(fileURLWithPath: directory).standardizedFileURL.path
        try lock.withLock {
            if registered.contains(path) { return }
            try install(registered + [path])
            registered.append(path)
        }
    }

    /// Called by every new canvas: initialises fontconfig once.
    static func ensureDefault() {
        lock.withLock {
            if !initialised { _ = try? install(registered) }
        }
    }

    /// Builds a configuration = system config + app font dirs, makes it
    /// current and tells this thread's Pango font map. Caller holds `lock`.
    private static func install(_ dirs: [String]) throws {
        guard let config = FcInitLoadConfigAndFonts() else {
            throw RenderError.fontRegistration(path: dirs.last ?? "", message: "fontconfig could not load its configuration")
        }
        for dir in dirs where FcConfigAppFontAddDir(config, dir) == 0 {
            FcConfigDestroy(config)
            throw RenderError.fontRegistration(path: dir, message: "fontconfig could not scan it")
        }
        // FcConfigSetCurrent takes its own reference.
        FcConfigSetCurrent(config)
        FcConfigDestroy(config)
        initialised = true
        if let map = pango_cairo_font_map_get_default(), let fc = peixun_pango_fc_font_map(map) {
            pango_fc_font_map_set_config(fc, FcConfigGetCurrent())
        }
    }

    /// The font files fontconfig loaded from the registered directories.
    public static func registeredFiles() -> [String] { files(in: [FcSetApplication]) }

    /// Every font file Pango may draw with: the registered directories' and the system's.
    public static func allFiles() -> [String] { Array(Set(files(in: [FcSetApplication, FcSetSystem]))).sorted() }

    private static func files(in sets: [FcSetName]) -> [String] {
        ensureDefault()
        return lock.withLock {
            guard let config = FcConfigGetCurrent() else { return [] }
            var files: [String] = []
            for name in sets {
                guard let set = FcConfigGetFonts(config, name) else { continue }
                for i in 0..<Int(set.pointee.nfont) {
                    if let pattern = set.pointee.fonts[i], let f = peixun_fc_pattern_file(pattern) { files.append(String(cString: f)) }
                }
            }
            return files.sorted()
        }
    }

    /// The font file fontconfig picks for `family` (for diagnostics and the README).
    public static func file(forFamily family: String) -> String? {
        ensureDefault()
        guard let pattern = FcNameParse(family) else { return nil }
        defer { FcPatternDestroy(pattern) }
        FcConfigSubstitute(nil, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultNoMatch
        guard let match = FcFontMatch(nil, pattern, &result) else { return nil }
        defer { FcPatternDestroy(match) }
        return peixun_fc_pattern_file(match).map { String(cString: $0) }
    }
}
