internal import CPangoCairo
internal import CQRencode
import Foundation
import PeixunCore

/// What every drawn file depends on besides its own data: Peixun's binary,
/// the shared libraries loaded (Cairo, Pango, HarfBuzz, FreeType, libqrencode
/// …, qpdf) and every font file fontconfig offers. A change to any of them changes
/// the key of every file, so a rerun after an upgrade or a new font redraws
/// everything. Files are identified by path, size and modification time
/// (the binary by its bytes, since a rebuild can keep its size).
public enum RenderEnvironment {
    /// The environment's part of every content key, computed once per process.
    public static let key: ContentKey = {
        var key = ContentKey()
        key.add("peixun \(PeixunCore.version)")
        let binary = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/self/exe"), options: .alwaysMapped)) ?? Data()
        key.add(Array(binary))
        key.add(String(cString: cairo_version_string()))
        key.add(String(cString: pango_version_string()))
        if let qr = QRcode_APIVersionString() { key.add(String(cString: qr)) }
        for file in loadedLibraries() + FontRegistry.allFiles() { key.add(identity(of: file)) }
        return key
    }()

    /// The drawing libraries: all linked by the binary, so mapped from the start (a library
    /// loaded later, on demand, would make the key depend on timing).
    static let drawingLibraries = ["libcairo.so", "libpango-1.0.so", "libpangocairo-1.0.so", "libpangoft2-1.0.so",
                                   "libharfbuzz.so", "libfreetype.so", "libfontconfig.so", "libpixman-1.so",
                                   "libqrencode.so", "libpng16.so", "libz.so", "libqpdf.so"]

    /// The drawing libraries' files mapped into this process (from /proc/self/maps; empty elsewhere).
    static func loadedLibraries() -> [String] {
        guard let maps = try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8) else { return [] }
        var files = Set<String>()
        for line in maps.split(separator: "\n") {
            guard let slash = line.firstIndex(of: "/") else { continue }
            let path = String(line[slash...])
            let name = path.split(separator: "/").last.map(String.init) ?? ""
            if drawingLibraries.contains(where: { name.hasPrefix($0) }) { files.insert(path) }
        }
        return files.sorted()
    }

    /// `path size mtime`, or `path missing`.
    static func identity(of path: String) -> String {
        var st = stat()
        guard stat(path, &st) == 0 else { return "\(path) missing" }
        return "\(path) \(st.st_size) \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
    }

    /// A key over the bytes of `files` (templates, images), in order.
    public static func filesKey(_ files: [String]) -> ContentKey {
        var key = ContentKey()
        for file in files {
            key.add(file)
            key.add(Array((try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data("missing".utf8)))
        }
        return key
    }
}
