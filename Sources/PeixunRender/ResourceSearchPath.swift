import Foundation
import PeixunCore

/// Where peixun finds its resource folders (`Templates`, `Fonts`) whatever the
/// current directory, first match first:
///
/// 1. a folder named on the command line (`--templates DIR`, `--fonts DIR`);
/// 2. `$PEIXUN_HOME/Templates` — a folder laid out like the repository;
/// 3. `/etc/peixun/templates` — the centre's own files, which no upgrade touches;
/// 4. the checkout: `./Templates`, then the folders above the executable
///    (`.build/release/peixun` sits three levels below the repository);
/// 5. `/usr/share/peixun/templates` — what the Debian package installs.
///
/// Templates are chosen file by file (`templateFiles`): a centre that copies only
/// `completion.toml` into `/etc/peixun/templates` and edits it keeps the
/// package's other two. Every existing fonts folder is registered (`folders`).
/// The roots are injected so the order can be tested without installing anything.
public struct ResourceSearchPath: Sendable, Equatable {
    public static let centreRoot = "/etc/peixun"
    public static let packageRoot = "/usr/share/peixun"

    public var environment: [String: String]
    public var currentDirectory: String
    /// The folder holding the running executable, symbolic links resolved.
    public var executableDirectory: String
    public var centreRoot: String
    public var packageRoot: String

    public init(environment: [String: String], currentDirectory: String, executable: String,
                centreRoot: String = Self.centreRoot, packageRoot: String = Self.packageRoot) {
        self.environment = environment
        self.currentDirectory = currentDirectory
        let exe = URL(fileURLWithPath: executable, relativeTo: URL(fileURLWithPath: currentDirectory, isDirectory: true))
        self.executableDirectory = exe.resolvingSymlinksInPath().deletingLastPathComponent().path
        self.centreRoot = centreRoot
        self.packageRoot = packageRoot
    }

    /// Every place searched for the folder `name` (`"Templates"`), in order,
    /// whether it exists or not. Installed folders are lower case (`templates`).
    public func candidates(_ name: String, explicit: String? = nil) -> [String] {
        var list: [String] = []
        if let explicit { list.append(explicit) }
        if let home = environment["PEIXUN_HOME"], !home.isEmpty { list.append(Self.join(home, name)) }
        list.append(Self.join(centreRoot, name.lowercased()))
        list.append(Self.join(currentDirectory, name))
        var dir = URL(fileURLWithPath: executableDirectory, isDirectory: true)
        for _ in 0..<4 {
            list.append(dir.appendingPathComponent(name).path)
            dir = dir.deletingLastPathComponent()
        }
        list.append(Self.join(packageRoot, name.lowercased()))
        var seen = Set<String>()
        return list.map { URL(fileURLWithPath: $0).standardizedFileURL.path }.filter { seen.insert($0).inserted }
    }

    /// The candidates that exist, in order. An explicit folder that does not
    /// exist is an error rather than silently skipped.
    public func folders(_ name: String, explicit: String? = nil) throws -> [String] {
        if let explicit, !Self.isFolder(explicit) { throw ResourceError.notAFolder(explicit) }
        return candidates(name, explicit: explicit).filter(Self.isFolder)
    }

    /// The first existing folder `name`, if any.
    public func first(_ name: String, explicit: String? = nil) throws -> String? {
        try folders(name, explicit: explicit).first
    }

    /// For each certificate kind, `<kind>.toml` from the first templates folder
    /// that has it (an image a template names is found beside that file).
    public func templateFiles(explicit: String? = nil) throws -> [CertificateKind: String] {
        let searched = candidates("Templates", explicit: explicit)
        let existing = try folders("Templates", explicit: explicit)
        var files: [CertificateKind: String] = [:]
        for kind in CertificateKind.allCases {
            let file = kind.rawValue + ".toml"
            guard let dir = existing.first(where: { Self.isFile(Self.join($0, file)) }) else {
                throw ResourceError.templateNotFound(file: file, searched: searched)
            }
            files[kind] = Self.join(dir, file)
        }
        return files
    }

    static func join(_ base: String, _ name: String) -> String {
        URL(fileURLWithPath: base, isDirectory: true).appendingPathComponent(name).path
    }

    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}

/// A resource folder or template that is not where it was looked for.
public enum ResourceError: Error, Equatable, CustomStringConvertible {
    case notAFolder(String)
    case templateNotFound(file: String, searched: [String])

    public var description: String {
        switch self {
        case let .notAFolder(path): return "\(path): not a folder"
        case let .templateNotFound(file, searched):
            return "no \(file) in any templates folder (searched \(searched.joined(separator: ", ")))"
        }
    }
}
