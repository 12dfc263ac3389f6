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
            key.add(RenderEnvironment.filesKey(t.sourceFiles).hex)
            base[kind] = key
        }
        self.base = base
    }

    /// One person's file.
    func person(_ d: CertificateData) -> String? {
        guard var key = base[d.kind].map(ContentKey.init) else { return nil }
        key.add("person")
        key.add(d)
        return key.hex
    }

    /// A 区县 print file made of its 单位 files, which hold `items` in this order.
    func concatenated(_ items: [CertificateData], title: String) -> String? {
        guard let key = merged(items, title: title) else { return nil }
        var k = ContentKey()
        k.add("concatenated v1")
        k.add(key)
        return k.hex
    }

    /// A merged print file of `items` (one kind) in this order.
    func merged(_ items: [CertificateData], title: String) -> String? {
        guard let first = items.first, var key = base[first.kind].map(ContentKey.init) else { return nil }
        key.add("merged")
        key.add(title)
        items.withUnsafeBufferPointer { items in
            for i in items.indices { key.add(items[i]) }  // read in place, not copied
        }
        return key.hex
    }
}

extension CertificateTemplate {
    /// The files a template is drawn from: its TOML file and the images it names.
    var sourceFiles: [String] {
        [file] + [backgroundImagePath, seal?.imagePath].compactMap { $0 }
    }
}

extension CertificateRenderer {
    /// A digest of every loaded template's bytes and images, with the render mode: the parts of
    /// a run (`peixun part`) check they draw with what the run planned.
    public func templatesDigest(mode: RenderMode) -> String {
        var key = ContentKey()
        key.add(reflecting: mode)
        for kind in CertificateKind.allCases {
            guard let t = templates[kind] else { continue }
            key.add(kind.rawValue)
            key.add(RenderEnvironment.filesKey(t.sourceFiles).hex)
        }
        return key.hex
    }
}

extension ContentKey {
    /// Every field of a certificate, in declaration order (`CertificateData.fieldCount` of them:
    /// a test compares it with the struct's stored properties, so a field added later is not
    /// forgotten here).
    mutating func add(_ d: CertificateData) {
        add(d.kind.rawValue); add(d.name); add(d.maskedID); add(d.school); add(d.county); add(d.stageSubject)
        add(d.programme); add(d.hours); add(d.result); add(d.number); add(d.verificationCode); add(d.issuer)
        add("\(d.issueDate)"); add(d.verifyURL.map { "url " + $0 } ?? "no url")
    }
}

extension CertificateData {
    /// The fields `ContentKey.add(_: CertificateData)` covers.
    static let fieldCount = 14
}
