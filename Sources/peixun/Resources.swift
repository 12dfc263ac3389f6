import Foundation
import PeixunRender

/// The running process's `ResourceSearchPath`: templates and fonts are found
/// from any directory and under cron's minimal environment (see
/// `ResourceSearchPath` for the order: option, `$PEIXUN_HOME`, `/etc/peixun`,
/// the checkout, `/usr/share/peixun`).
enum Resources {
    static var searchPath: ResourceSearchPath {
        ResourceSearchPath(environment: ProcessInfo.processInfo.environment,
                           currentDirectory: FileManager.default.currentDirectoryPath,
                           executable: executablePath)
    }

    /// The first existing folder `name` (`"Templates"`, `"Fonts"`), if any.
    static func locate(_ name: String) -> String? {
        try? searchPath.first(name)
    }

    /// The binary itself, not `argv[0]`: cron starts `peixun` through `PATH`,
    /// and then `argv[0]` is a bare name relative to nothing.
    static var executablePath: String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return Bundle.main.executablePath ?? CommandLine.arguments[0]
    }
}
