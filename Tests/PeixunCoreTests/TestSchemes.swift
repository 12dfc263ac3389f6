import Foundation
@testable import PeixunCore

/// Scheme files for tests: the seed from seeds/, and variants of its text.
enum TestSchemes {
    static var repoRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
    static var seedPath: String { repoRoot.appendingPathComponent("seeds/xuchang-2021-1/scheme.toml").path }
    static func seedText() throws -> String { try String(contentsOfFile: seedPath, encoding: .utf8) }
    static func seed() throws -> Scheme { try SchemeLoader.load(path: seedPath) }
}
