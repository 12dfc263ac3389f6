import Foundation
import Mustache

/// Checks a decoded `TemplateFile` and turns it into a `CertificateTemplate`.
struct TemplateResolver {
    let file: String
    let raw: TemplateFile

    func fail(_ path: String, _ message: String) -> RenderError {
        RenderError.template(file: file, path: path, message: message)
    }

    func color(_ s: String?, _ path: String, default d: Color) throws -> Color {
        guard let s else { return d }
        guard let c = Color(hex: s) else { throw fail(path, "“\(s)” is not a colour #RRGGBB[AA]") }
        return c
    }

    func box(_ b: TemplateFile.Box, _ path: String) throws -> BoxMM {
        guard b.width.v > 0, b.height.v > 0 else { throw fail(path, "width and height must be > 0") }
        return BoxMM(x: b.x.v, y: b.y.v, width: b.width.v, height: b.height.v)
    }

    func mustache(_ text: String, _ path: String) throws -> MustacheTemplate {
        for name in Self.placeholders(in: text) where !CertificateData.placeholders.contains(name) {
            throw fail(path, "unknown placeholder {{\(name)}} (known: \(CertificateData.placeholders.sorted().joined(separator: ", ")))")
        }
        do { return try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text) } catch {
            throw fail(path, "bad Mustache: \(error)")
        }
    }

    /// Names inside `{{…}}` / `{{{…}}}`, ignoring sections and comments.
    static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            var inner = rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            if inner.hasPrefix("{") { inner.removeFirst(); inner = inner.trimmingCharacters(in: .whitespaces) }
            if inner.hasPrefix("&") { inner.removeFirst(); inner = inner.trimmingCharacters(in: .whitespaces) }
            guard let first = inner.first, first.isLetter || first == "_" else { continue }
            names.append(inner)
        }
        return names
    }

    func path(_ relative: String?) -> String? {
        guard let r = relative, !r.isEmpty else { return nil }
        if r.hasPrefix("/") { return r }
        return URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(r).path
    }

    func resolve() throws -> CertificateTemplate {
        guard raw.version == 1 else { throw fail("version", "unsupported version \(raw.version) (this peixun reads 1)") }
        guard raw.page.width.v > 0, raw.page.height.v > 0 else { throw fail("page", "width and height must be > 0") }
        guard !raw.fonts.isEmpty else { throw fail("fonts", "name at least one font family") }
        let page = SizeMM(width: raw.page.width.v, height: raw.page.height.v)
        let m = raw.margins
        let content = BoxMM(x: m.left.v, y: m.top.v, width: page.width - m.left.v - m.right.v, height: page.height - m.top.v - m.bottom.v)
        guard content.width > 0, content.height > 0 else { throw fail("margins", "leave no room on the page") }
        let textColor = try color(raw.color, "color", default: .black)

        func frame(_ f: TemplateFile.Frame?, _ p: String) throws -> CertificateTemplate.Frame? {
            guard let f else { return nil }
            return CertificateTemplate.Frame(inset: f.inset.v, width: f.width.v, color: try color(f.color, p + ".color", default: .black),
                                             radius: f.radius?.v ?? 0, doubleGap: f.double_gap?.v)
        }
        let corners = try raw.border?.corners.map {
            CertificateTemplate.Corners(size: $0.size.v, inset: $0.inset.v, width: $0.width?.v ?? 0.6,
                                        color: try color($0.color, "border.corners.color", default: .black))
        }

        var shapes: [CertificateTemplate.Shape] = []
        for (i, s) in (raw.shapes ?? []).enumerated() {
            let p = "shapes[\(i)]"
            let c = try color(s.color, p + ".color", default: .black)
            switch s.type {
            case "line":
                guard let a = s.from, let b = s.to else { throw fail(p, "a line needs from and to") }
                shapes.append(.line(from: PointMM(x: a.x.v, y: a.y.v), to: PointMM(x: b.x.v, y: b.y.v), width: s.width?.v ?? 0.3, color: c, dash: (s.dash ?? []).map(\.v)))
            case "rect":
                guard let b = s.box else { throw fail(p, "a rect needs box") }
                shapes.append(.rect(try box(b, p + ".box"), width: s.width?.v ?? 0.3, color: c, fill: s.fill ?? false, radius: s.radius?.v ?? 0))
            case "circle", "diamond":
                guard let ctr = s.center, let r = s.radius?.v, r > 0 else { throw fail(p, "a \(s.type) needs center and radius > 0") }
                let pt = PointMM(x: ctr.x.v, y: ctr.y.v)
                shapes.append(s.type == "circle" ? .circle(center: pt, radius: r, width: s.width?.v ?? 0.3, color: c, fill: s.fill ?? false)
                                                 : .diamond(center: pt, radius: r, color: c))
            default:
                throw fail(p + ".type", "“\(s.type)” is not one of line, rect, circle, diamond")
            }
        }

        var blocks: [CertificateTemplate.Block] = []
        for (i, b) in raw.blocks.enumerated() {
            let p = "blocks[\(i)]"
            let bx = try box(b.box, p + ".box")
            guard content.contains(bx) else { throw fail(p + ".box", "block “\(b.name)” leaves the page margins") }
            guard b.size.v > 0 else { throw fail(p + ".size", "must be > 0") }
            if let mn = b.min_size?.v, mn <= 0 || mn > b.size.v { throw fail(p + ".min_size", "must be > 0 and ≤ size") }
            let weight = try b.weight.map { w -> TextStyle.Weight in
                guard let v = TextStyle.Weight(rawValue: w) else { throw fail(p + ".weight", "“\(w)”: light, regular, medium or bold") }
                return v
            } ?? .regular
            let align = try b.align.map { a -> TextStyle.Alignment in
                guard let v = TextStyle.Alignment(rawValue: a) else { throw fail(p + ".align", "“\(a)”: left, center, right or justify") }
                return v
            } ?? .left
            let valign = try b.valign.map { a -> TextStyle.VerticalAlignment in
                guard let v = TextStyle.VerticalAlignment(rawValue: a) else { throw fail(p + ".valign", "“\(a)”: top, middle or bottom") }
                return v
            } ?? .middle
            let style = TextStyle(families: b.fonts ?? raw.fonts, size: b.size.v, weight: weight,
                                  color: try color(b.color, p + ".color", default: textColor),
                                  alignment: align, verticalAlignment: valign,
                                  letterSpacing: b.letter_spacing?.v ?? 0, lineSpacing: b.line_spacing?.v ?? 1)
            for (j, other) in blocks.enumerated() where Self.overlaps(bx, other.box) {
                throw fail(p + ".box", "block “\(b.name)” overlaps blocks[\(j)] “\(other.name)”")
            }
            blocks.append(CertificateTemplate.Block(
                name: b.name, source: b.text, text: try mustache(b.text, p + ".text"), box: bx, style: style,
                minSize: b.min_size?.v, shrinkToFit: b.shrink ?? true,
                isVariable: b.overlay ?? !Self.placeholders(in: b.text).isEmpty))
        }

        var seal: CertificateTemplate.Seal?
        var sealText: MustacheTemplate?
        if let s = raw.seal {
            guard s.diameter.v > 0 else { throw fail("seal.diameter", "must be > 0") }
            let sealPath = path(s.image)
            // A centre must never print a made-up seal of a real body: the
            // seal is the centre's own image, or drawn only when asked for.
            if sealPath == nil && s.drawn != true {
                throw fail("seal", "give image = \"seal.png\" (a scan of the centre's own seal), or drawn = true "
                    + "for a drawn seal (only for a body that uses one); without [seal] the stamp area stays clear")
            }
            if sealPath != nil && s.drawn == true { throw fail("seal.drawn", "a seal is either an image or drawn, not both") }
            if let sp = sealPath, !FileManager.default.fileExists(atPath: sp) { throw fail("seal.image", "\(sp) does not exist") }
            seal = CertificateTemplate.Seal(imagePath: sealPath, center: PointMM(x: s.center.x.v, y: s.center.y.v),
                                            diameter: s.diameter.v, text: s.text ?? "{{issuer}}", caption: s.caption ?? "",
                                            color: try color(s.color, "seal.color", default: .sealRed), opacity: s.opacity?.v ?? 0.9)
            sealText = try mustache(s.text ?? "{{issuer}}", "seal.text")
        }
        let qr = try raw.qr.map { q -> CertificateTemplate.QR in
            let b = try box(q.box, "qr.box")
            guard content.contains(b) else { throw fail("qr.box", "leaves the page margins") }
            return CertificateTemplate.QR(box: b, text: try mustache(q.text, "qr.text"), color: try color(q.color, "qr.color", default: .black))
        }
        let bgPath = path(raw.background?.image)
        if let bp = bgPath, !FileManager.default.fileExists(atPath: bp) { throw fail("background.image", "\(bp) does not exist") }

        return CertificateTemplate(
            file: file, name: raw.name ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent,
            pageSize: page, contentBox: content, families: raw.fonts,
            backgroundImagePath: bgPath,
            backgroundColor: try raw.background?.color.map { try color($0, "background.color", default: .white) },
            backgroundOpacity: raw.background?.opacity?.v ?? 1,
            outerFrame: try frame(raw.border?.outer, "border.outer"), innerFrame: try frame(raw.border?.inner, "border.inner"),
            corners: corners, shapes: shapes, seal: seal, sealText: sealText, qr: qr, blocks: blocks)
    }

    static func overlaps(_ a: BoxMM, _ b: BoxMM) -> Bool {
        a.x < b.maxX - 0.01 && b.x < a.maxX - 0.01 && a.y < b.maxY - 0.01 && b.y < a.maxY - 0.01
    }
}
