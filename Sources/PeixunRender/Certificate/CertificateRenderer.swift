import Foundation
import PeixunCore

/// Renders certificates from templates: one page into an open document, a
/// single or merged PDF, or a whole batch into the output layout on all cores.
public struct CertificateRenderer: Sendable {
    public var templates: [CertificateKind: CertificateTemplate]
    /// PDF metadata author (the issuing body); the creator is `peixun`.
    public var creator: String = "peixun"

    public init(templates: [CertificateKind: CertificateTemplate]) { self.templates = templates }

    /// Loads `<directory>/<kind>.toml` for every kind (`completion.toml`,
    /// `excellent_trainee.toml`, `excellent_tutor.toml`).
    public static func load(templatesDirectory directory: String) throws -> CertificateRenderer {
        var t: [CertificateKind: CertificateTemplate] = [:]
        for kind in CertificateKind.allCases {
            t[kind] = try CertificateTemplate.load(path: directory + "/" + kind.rawValue + ".toml")
        }
        return CertificateRenderer(templates: t)
    }

    public func template(for kind: CertificateKind) throws -> CertificateTemplate {
        guard let t = templates[kind] else {
            throw RenderError.template(file: kind.rawValue + ".toml", path: "", message: "no template loaded for \(kind.rawValue)")
        }
        return t
    }

    func metadata(_ d: CertificateData, title: String) -> PDFMetadata {
        PDFMetadata(title: title, author: d.issuer, creator: creator, subject: d.programme, created: d.issueDate)
    }

    /// Draws `data` as the next page of `document` (and ends the page).
    public func render(_ data: CertificateData, into document: PDFDocument, assets: TemplateAssets,
                       mode: RenderMode = .full) throws {
        let t = try template(for: data.kind)
        do {
            try t.draw(data, on: document.canvas, assets: assets, mode: mode)
        } catch let e as RenderError {
            throw CertificateFailure(data, e)
        }
        try document.endPage(nextSize: t.pageSize)
    }

    /// Writes one person's certificate to `path` (via a temporary file, so a
    /// failed certificate leaves no file behind).
    public func writePDF(_ data: CertificateData, to path: String, mode: RenderMode = .full,
                         assets: TemplateAssets? = nil) throws {
        let t = try template(for: data.kind)
        let tmp = path + ".part"
        do {
            let doc = try PDFDocument(path: tmp, pageSize: t.pageSize, metadata: metadata(data, title: "\(data.kind.title) \(data.number) \(data.name)"))
            try render(data, into: doc, assets: try assets ?? TemplateAssets(t), mode: mode)
            try doc.finish()
            try Self.replace(path, with: tmp)
        } catch {
            try? FileManager.default.removeItem(atPath: tmp)
            throw error
        }
    }

    /// Writes `items` in the given order as one PDF. A certificate that fails
    /// is left out (the file is rewritten without it) and returned.
    @discardableResult
    public func writeMergedPDF(_ items: [CertificateData], to path: String, title: String,
                               mode: RenderMode = .full, assets: [CertificateKind: TemplateAssets] = [:]) throws -> [CertificateFailure] {
        var failures: [CertificateFailure] = []
        var excluded = Set<Int>()
        var assets = assets
        let tmp = path + ".part"
        while true {
            let included = items.indices.filter { !excluded.contains($0) }
            guard let first = included.first else {
                try? FileManager.default.removeItem(atPath: tmp)
                return failures
            }
            do {
                let doc = try PDFDocument(path: tmp, pageSize: try template(for: items[first].kind).pageSize,
                                          metadata: metadata(items[first], title: title))
                for i in included {
                    let d = items[i]
                    let a = try assets[d.kind] ?? TemplateAssets(try template(for: d.kind))
                    assets[d.kind] = a
                    do {
                        try render(d, into: doc, assets: a, mode: mode)
                    } catch let f as CertificateFailure {
                        // The page is half drawn: start the file again without it.
                        failures.append(f)
                        excluded.insert(i)
                        throw f
                    }
                }
                try doc.finish()
                try Self.replace(path, with: tmp)
                return failures
            } catch is CertificateFailure {
                continue
            } catch {
                try? FileManager.default.removeItem(atPath: tmp)
                throw error
            }
        }
    }

    static func replace(_ path: String, with tmp: String) throws {
        if rename(tmp, path) != 0 {
            let message = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: tmp)
            throw RenderError.output(path: path, message: message)
        }
    }
}
