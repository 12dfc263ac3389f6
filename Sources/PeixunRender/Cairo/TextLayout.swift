internal import CPangoCairo

/// One Pango layout on a canvas's Pango context (owned; unref'd in deinit).
/// Internal: the public face is `Canvas.drawText` / `Canvas.measureText`.
final class TextLayout {
    let layout: OpaquePointer
    let text: String
    private let bytes: [UInt8]
    private let style: TextStyle
    private var description: OpaquePointer?

    init(context: OpaquePointer, text: String, style: TextStyle) throws {
        guard let l = pango_layout_new(context) else { throw RenderError.pango(what: "pango_layout_new") }
        layout = l
        // Pango takes a NUL-terminated string: a NUL inside would cut the text short.
        let clean = text.replacingOccurrences(of: "\u{0}", with: "")
        self.text = clean
        bytes = Array(clean.utf8)
        self.style = style
        pango_layout_set_text(l, clean, Int32(bytes.count))
        pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR)
        if style.lineSpacing != 1, style.lineSpacing > 0 {
            pango_layout_set_line_spacing(l, Float(style.lineSpacing))
        }
        switch style.alignment {
        case .left: pango_layout_set_alignment(l, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(l, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT)
        case .justify:
            pango_layout_set_alignment(l, PANGO_ALIGN_LEFT)
            pango_layout_set_justify(l, 1)
        }
        if style.letterSpacing != 0, let attrs = pango_attr_list_new() {
            if let a = pango_attr_letter_spacing_new(Int32((style.letterSpacing * Double(PANGO_SCALE)).rounded())) {
                pango_attr_list_insert(attrs, a)
            }
            pango_layout_set_attributes(l, attrs)
            pango_attr_list_unref(attrs)
        }
        try setSize(style.size)
    }

    deinit {
        if let d = description { pango_font_description_free(d) }
        peixun_g_object_unref(UnsafeMutableRawPointer(layout))
    }

    /// Sets the font size (points) of the whole layout.
    func setSize(_ size: Double) throws {
        if description == nil {
            guard let d = pango_font_description_new() else { throw RenderError.pango(what: "pango_font_description_new") }
            pango_font_description_set_family(d, style.families.joined(separator: ","))
            pango_font_description_set_weight(d, PangoWeight(rawValue: numericCast(style.weight.pangoValue)))
            pango_font_description_set_style(d, PANGO_STYLE_NORMAL)
            description = d
        }
        guard let d = description else { return }
        pango_font_description_set_size(d, Int32((size * Double(PANGO_SCALE)).rounded()))
        pango_layout_set_font_description(layout, d)
    }

    /// Wrap width in points, or nil for one unbroken line (explicit newlines still break).
    func setWrapWidth(_ width: Double?) {
        pango_layout_set_width(layout, width.map { Int32(($0 * Double(PANGO_SCALE)).rounded(.down)) } ?? -1)
    }

    /// Logical extents in points, relative to the layout's origin.
    var logicalExtents: (x: Double, y: Double, width: Double, height: Double) {
        var ink = PangoRectangle(), logical = PangoRectangle()
        pango_layout_get_extents(layout, &ink, &logical)
        let s = Double(PANGO_SCALE)
        return (Double(logical.x) / s, Double(logical.y) / s, Double(logical.width) / s, Double(logical.height) / s)
    }

    var lineCount: Int { Int(pango_layout_get_line_count(layout)) }

    /// Characters Pango could not find in any font, in text order, no repeats.
    func unknownCharacters() -> [Unicode.Scalar] {
        guard pango_layout_get_unknown_glyphs_count(layout) > 0 else { return [] }
        var found: [Unicode.Scalar] = []
        let flag = peixun_pango_glyph_unknown_flag()
        forEachGlyph { glyph, _, _ in
            guard glyph & flag != 0, let c = Unicode.Scalar(glyph & ~flag) else { return }
            if !found.contains(c) { found.append(c) }
        }
        return found
    }

    /// The family each visible character was drawn from, and the first glyph
    /// whose family is not in the style's list (unless allowed).
    func faces() -> (runs: [FaceRun], unlisted: (Unicode.Scalar, String)?) {
        var runs: [FaceRun] = []
        var unlisted: (Unicode.Scalar, String)?
        let wanted = Set(style.families.map { $0.lowercased() })
        guard let iter = pango_layout_get_iter(layout) else { return ([], nil) }
        defer { pango_layout_iter_free(iter) }
        repeat {
            guard let run = pango_layout_iter_get_run_readonly(iter), let item = run.pointee.item else { continue }
            let names = familyNames(of: item.pointee.analysis.font)
            let family = names.first ?? "?"
            let start = Int(item.pointee.offset), end = start + Int(item.pointee.length)
            guard start >= 0, end <= bytes.count, start < end else { continue }
            let piece = String(decoding: bytes[start..<end], as: UTF8.self)
            let visible = piece.unicodeScalars.filter { !$0.properties.isWhitespace }
            guard !visible.isEmpty else { continue }
            if unlisted == nil, !style.allowUnlistedFallback, !names.contains(where: { wanted.contains($0.lowercased()) }),
               let first = visible.first {
                unlisted = (first, family)
            }
            if let last = runs.last, last.family == family {
                runs[runs.count - 1].text += piece
            } else {
                runs.append(FaceRun(family: family, text: piece))
            }
        } while pango_layout_iter_next_run(iter) != 0
        return (runs, unlisted)
    }

    private func familyNames(of font: UnsafeMutablePointer<PangoFont>?) -> [String] {
        guard let font, let pattern = peixun_pango_font_pattern(font) else { return [] }
        var names: [String] = []
        var n: Int32 = 0
        while let name = peixun_fc_pattern_family(pattern, n) {
            names.append(String(cString: name)); n += 1
        }
        return names
    }

    private func forEachGlyph(_ body: (UInt32, Int, Int) -> Void) {
        guard let iter = pango_layout_get_iter(layout) else { return }
        defer { pango_layout_iter_free(iter) }
        repeat {
            guard let run = pango_layout_iter_get_run_readonly(iter), let item = run.pointee.item,
                  let glyphs = run.pointee.glyphs else { continue }
            let n = Int(glyphs.pointee.num_glyphs)
            for i in 0..<n {
                let g = glyphs.pointee.glyphs[i].glyph
                body(UInt32(g), Int(item.pointee.offset), Int(glyphs.pointee.log_clusters[i]))
            }
        } while pango_layout_iter_next_run(iter) != 0
    }
}
