import Foundation
import Mustache
import TOMLKit

/// A certificate layout read from a template file under `Templates/` — page,
/// border and ornaments, optional background and seal images, QR code and
/// text blocks with Mustache placeholders. Checked when loaded: colours parse,
/// blocks lie inside the margins and do not overlap, placeholders are known.
public struct CertificateTemplate: Sendable {
    /// A straight or boxed vector ornament.
    public enum Shape: Sendable, Equatable {
        case line(from: PointMM, to: PointMM, width: Double, color: Color, dash: [Double])
        case rect(BoxMM, width: Double, color: Color, fill: Bool, radius: Double)
        case circle(center: PointMM, radius: Double, width: Double, color: Color, fill: Bool)
        case diamond(center: PointMM, radius: Double, color: Color)
    }
    /// A rectangular frame `inset` mm inside the page edge.
    public struct Frame: Sendable, Equatable {
        public var inset: Double, width: Double, color: Color, radius: Double
        /// When set, a second thin line this far inside the first.
        public var doubleGap: Double?
    }
    /// 回纹 fret ornaments in the four corners.
    public struct Corners: Sendable, Equatable {
        public var size: Double, inset: Double, width: Double, color: Color
    }
    /// The 公章: a PNG with transparency, or (no image) a vector seal.
    public struct Seal: Sendable, Equatable {
        public var imagePath: String?
        public var center: PointMM
        public var diameter: Double
        /// Text around the upper rim (a Mustache template, e.g. `{{issuer}}`).
        public var text: String
        /// Text under the star (e.g. `证书专用章`).
        public var caption: String
        public var color: Color
        public var opacity: Double
    }
    public struct QR: Sendable {
        public var box: BoxMM
        var text: MustacheTemplate
        public var color: Color
    }
    /// One text block.
    public struct Block: Sendable {
        public var name: String
        public var source: String
        var text: MustacheTemplate
        public var box: BoxMM
        public var style: TextStyle
        public var minSize: Double?
        public var shrinkToFit: Bool
        /// Printed in overlay mode (variable text on pre-printed paper).
        public var isVariable: Bool
    }

    public var file: String
    public var name: String
    public var pageSize: SizeMM
    /// The page minus margins: every block must lie inside it.
    public var contentBox: BoxMM
    public var families: [String]
    public var backgroundImagePath: String?
    public var backgroundColor: Color?
    public var backgroundOpacity: Double
    public var outerFrame: Frame?
    public var innerFrame: Frame?
    public var corners: Corners?
    public var shapes: [Shape]
    public var seal: Seal?
    var sealText: MustacheTemplate?
    public var qr: QR?
    public var blocks: [Block]

    /// Reads and checks a template file. Image paths are relative to the file.
    public static func load(path: String) throws -> CertificateTemplate {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw RenderError.template(file: path, path: "", message: "cannot read: \(error.localizedDescription)")
        }
        let raw: TemplateFile
        do { raw = try TOMLDecoder().decode(TemplateFile.self, from: text) } catch let e as DecodingError {
            throw RenderError.template(file: path, path: Self.keyPath(of: e), message: Self.reason(of: e))
        } catch {
            throw RenderError.template(file: path, path: "", message: "\(error)")
        }
        return try TemplateResolver(file: path, raw: raw).resolve()
    }

    static func keyPath(of e: DecodingError) -> String {
        let ctx: DecodingError.Context
        switch e {
        case let .keyNotFound(key, c):
            // TOMLKit already appends the key to the context's path.
            let path = c.codingPath.last?.stringValue == key.stringValue ? c.codingPath : c.codingPath + [key]
            return Self.join(path)
        case let .typeMismatch(_, c), let .valueNotFound(_, c), let .dataCorrupted(c): ctx = c
        @unknown default: return ""
        }
        return Self.join(ctx.codingPath)
    }

    static func join(_ path: [CodingKey]) -> String {
        var s = ""
        for k in path {
            if let i = k.intValue { s += "[\(i)]" } else { s += (s.isEmpty ? "" : ".") + k.stringValue }
        }
        return s
    }

    static func reason(of e: DecodingError) -> String {
        switch e {
        case .keyNotFound: return "missing"
        case let .typeMismatch(t, _): return "must be \(t)"
        case .valueNotFound: return "missing value"
        case let .dataCorrupted(c): return c.debugDescription
        @unknown default: return "invalid"
        }
    }
}

extension CertificateTemplate {
    /// The same template with every text block (and the seal) using `families`
    /// — e.g. to measure what a centre's own font costs.
    public func withFamilies(_ families: [String]) -> CertificateTemplate {
        var t = self
        t.families = families
        for i in t.blocks.indices { t.blocks[i].style.families = families }
        return t
    }
}

extension CertificateRenderer {
    /// The same renderer with every template using `families`.
    public func withFamilies(_ families: [String]) -> CertificateRenderer {
        var r = self
        r.templates = r.templates.mapValues { $0.withFamilies(families) }
        return r
    }
}
