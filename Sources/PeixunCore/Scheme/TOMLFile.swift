import Foundation
import TOMLKit

/// Reading a TOML file that a loader then walks key by key (the scheme, an export profile): the
/// file's bytes, UTF-8, TOML syntax — each failure made into the loader's own error type.
enum TOMLFile {
    /// `make(file, reason)` builds the loader's error; `kind` names the file in messages ("scheme").
    typealias MakeError = (_ file: String, _ reason: String) -> any Error

    /// The text of the file at `path` and the file's name for messages.
    static func text(path: String, kind: String, error make: MakeError) throws -> (text: String, name: String) {
        let name = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            throw make(path, "cannot read the \(kind) file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw make(name, "the \(kind) file is not UTF-8 text")
        }
        return (text, name)
    }

    /// The root table of `text`, or an error naming the line of the syntax error.
    static func table(_ text: String, file: String, error make: MakeError) throws -> TOMLTable {
        do {
            return try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            throw make(file, "not valid TOML (line \(e.source.begin.line)): \(e.description)")
        } catch {
            throw make(file, "not valid TOML: \(error)")
        }
    }
}
