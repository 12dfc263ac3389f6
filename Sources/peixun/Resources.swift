import Foundation

/// Finds the project's `Templates/` and `Fonts/` folders whatever the current
/// directory (cron jobs start elsewhere): `$PEIXUN_HOME`, the current
/// directory, then the folders above the executable (`.build/release/peixun`).
enum Resources {
    static func locate(_ name: String) -> String? {
        var candidates: [URL] = []
        if let home = ProcessInfo.processInfo.environment["PEIXUN_HOME"] {
            candidates.append(URL(fileURLWithPath: home))
        }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(dir)
            dir = dir.deletingLastPathComponent()
        }
        for base in candidates {
            let path = base.appendingPathComponent(name).path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return path }
        }
        return nil
    }
}
