import Foundation
import PeixunCore

/// The content keys of certificate files (`OutputReuse`): the environment
/// (`RenderEnvironment`), the render mode, each kind's template file and the
/// images it names, and the data of every page in order, with the file's title.
struct ContentKeys: Sendable {
    private let base: [CertificateKind: ContentKey]

    init(_ renderer: CertificateRenderer, mode: RenderMode) throws {
        var base: [CertificateKind: ContentKey] = [:]
        for (kind, t) in renderer.templates {
            var key = ContentKey(RenderEnvironment.key)
            key.add("certificate v1")
            key.add(reflecting: mode)
            key.add(renderer.creator)
            key.add(kind.rawValue)
            var files = [t.file]
            if let image = t.backgroundImagePath { files.append(image) }
            if let image = t.seal?.imagePath { files.append(image) }
            key.add(RenderEnvironment.filesKey(files).hex)
            base[kind] = key
        }
        self.base = base
    }

    /// One person's file.
    func person(_ d: CertificateData) -> String? {
        guard var key = base[d.kind].map(ContentKey.init) else { return nil }
        key.add("person")
        key.add(reflecting: d)
        return key.hex
    }

    /// A merged print file of `items` (one kind) in this order.
    func merged(_ items: [CertificateData], title: String) -> String? {
        guard let first = items.first, var key = base[first.kind].map(ContentKey.init) else { return nil }
        key.add("merged")
        key.add(title)
        for d in items {
            key.add(d.kind.rawValue)
            key.add(reflecting: d)
        }
        return key.hex
    }
}
