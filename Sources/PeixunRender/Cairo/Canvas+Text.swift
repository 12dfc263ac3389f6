internal import CPangoCairo

extension Canvas {
    /// Smallest size wrapped text may shrink to below `minSize` before the
    /// block is declared an overflow, as a fraction of `minSize`.
    static let overflowFloorFraction = 0.6
    /// Size steps used while fitting, points.
    static let sizeStep = 0.25

    /// Lays `text` out in `box` and draws it.
    ///
    /// - `shrinkToFit: true` (names, schools): keep one line, shrinking from
    ///   `style.size` down to `minSize`; if that is not enough, wrap at
    ///   `minSize` within the box width.
    /// - `shrinkToFit: false` (paragraphs): wrap at `style.size`; if the
    ///   wrapped text is too tall, shrink down to `minSize` (if given).
    ///
    /// Either way, wrapped text still too tall keeps shrinking down to 60 % of
    /// `minSize`; beyond that the block throws `textOverflow` — the text never
    /// leaves its box. A character no font has throws `missingGlyphs`; one
    /// drawn from a family the style does not list throws `unlistedFont`.
    @discardableResult
    public func drawText(_ text: String, in box: BoxMM, style: TextStyle,
                         shrinkToFit: Bool = false, minSize: Double? = nil) throws -> TextFit {
        let (layout, fit) = try fitText(text, in: box, style: style, shrinkToFit: shrinkToFit, minSize: minSize)
        withSavedState {
            setColor(style.color)
            let e = fit.extents
            let ext = layout.logicalExtents
            cairo_move_to(cr, Units.pt(mm: e.x) - ext.x, Units.pt(mm: e.y) - ext.y)
            pango_cairo_update_layout(cr, layout.layout)
            pango_cairo_show_layout(cr, layout.layout)
        }
        return fit
    }

    /// Draws a `TextBlock`.
    @discardableResult
    public func draw(_ block: TextBlock) throws -> TextFit {
        try drawText(block.text, in: block.box, style: block.style, shrinkToFit: block.shrinkToFit, minSize: block.minSize)
    }

    /// Fits `text` exactly as `drawText` would, without drawing: the size,
    /// line count and extents it would get, and the faces used.
    public func measureText(_ text: String, in box: BoxMM, style: TextStyle,
                            shrinkToFit: Bool = false, minSize: Double? = nil) throws -> TextFit {
        try fitText(text, in: box, style: style, shrinkToFit: shrinkToFit, minSize: minSize).1
    }

    private func fitText(_ text: String, in box: BoxMM, style: TextStyle, shrinkToFit: Bool,
                         minSize: Double?) throws -> (TextLayout, TextFit) {
        let layout = try TextLayout(context: pango, text: text, style: style)
        let missing = layout.unknownCharacters()
        if !missing.isEmpty { throw RenderError.missingGlyphs(text: layout.text, characters: missing) }

        let W = Units.pt(mm: box.width), H = Units.pt(mm: box.height)
        let floor = min(style.size, minSize ?? style.size)
        var size = style.size
        var wrapped = false

        func fits() -> Bool {
            let e = layout.logicalExtents
            return e.width <= W + 0.01 && e.height <= H + 0.01
        }
        func shrink(to target: Double) throws -> Bool {
            // Jump close to the size that fits, then step down.
            while true {
                if fits() { return true }
                if size <= target { return false }
                let e = layout.logicalExtents
                let ratio = min(wrapped ? 1 : W / max(e.width, 0.001), H / max(e.height, 0.001))
                var next = (size * min(ratio, 1) / Self.sizeStep).rounded(.down) * Self.sizeStep
                if next >= size { next = size - Self.sizeStep }
                size = max(target, next)
                try layout.setSize(size)
            }
        }

        var ok: Bool
        if shrinkToFit {
            layout.setWrapWidth(nil)
            ok = try shrink(to: floor)
            if !ok {
                wrapped = true
                layout.setWrapWidth(W)
                ok = fits()
            }
        } else {
            wrapped = true
            layout.setWrapWidth(W)
            ok = try shrink(to: floor)
        }
        if !ok {
            wrapped = true
            layout.setWrapWidth(W)
            ok = try shrink(to: floor * Self.overflowFloorFraction)
        }
        guard ok else { throw RenderError.textOverflow(text: layout.text, widthMM: box.width, heightMM: box.height) }

        let faces = layout.faces()
        if let (c, family) = faces.unlisted {
            throw RenderError.unlistedFont(text: layout.text, character: c, family: family)
        }

        // Place the logical rectangle inside the box.
        let e = layout.logicalExtents
        var x = Units.pt(mm: box.x)
        if wrapped {
            x += e.x   // Pango aligned each line within W
        } else {
            switch style.alignment {
            case .left, .justify: break
            case .center: x += (W - e.width) / 2
            case .right: x += W - e.width
            }
        }
        var y = Units.pt(mm: box.y)
        switch style.verticalAlignment {
        case .top: break
        case .middle: y += (H - e.height) / 2
        case .bottom: y += H - e.height
        }
        let extents = BoxMM(x: Units.mm(pt: x), y: Units.mm(pt: y), width: Units.mm(pt: e.width), height: Units.mm(pt: e.height))
        return (layout, TextFit(size: size, lineCount: layout.lineCount, extents: extents, faces: faces.runs))
    }
}
