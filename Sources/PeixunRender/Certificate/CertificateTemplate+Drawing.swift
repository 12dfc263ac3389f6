import Foundation

extension CertificateTemplate {
    /// Draws one certificate for `data` on the current page of `canvas`.
    /// Throws `RenderError` (missing glyph, overflow …) before the page is
    /// finished; the caller drops the page or the file.
    public func draw(_ data: CertificateData, on canvas: Canvas, assets: TemplateAssets, mode: RenderMode = .full) throws {
        let values = data.values
        try canvas.withSavedState {
            switch mode {
            case .full:
                try canvas.paint(try assets.baseLayer(self))
                for block in blocks where block.isVariable { try drawBlock(block, values: values, on: canvas) }
                try drawQR(values: values, on: canvas)
                if seal != nil { try canvas.paint(try assets.sealLayer(self, values: values)) }
            case let .overlay(dx, dy):
                canvas.translate(dx: dx, dy: dy)
                for block in blocks where block.isVariable { try drawBlock(block, values: values, on: canvas) }
                try drawQR(values: values, on: canvas)
            }
        }
    }

    /// The text of a block for `data` (Mustache-filled).
    public func text(of block: Block, for data: CertificateData) -> String {
        block.text.render(data.values)
    }

    func drawBlock(_ block: Block, values: [String: String], on canvas: Canvas) throws {
        let text = block.text.render(values)
        guard !text.isEmpty else { return }
        try canvas.drawText(text, in: block.box, style: block.style, shrinkToFit: block.shrinkToFit, minSize: block.minSize)
    }

    func drawQR(values: [String: String], on canvas: Canvas) throws {
        guard let qr else { return }
        let payload = qr.text.render(values)
        canvas.drawQRCode(try QRCode(payload), in: qr.box, color: qr.color, background: nil, quietZone: 0)
    }

    // MARK: Decorations

    func drawDecorations(on canvas: Canvas, assets: TemplateAssets) {
        let page = BoxMM(x: 0, y: 0, width: pageSize.width, height: pageSize.height)
        if let bg = backgroundColor { canvas.fillRect(page, color: bg) }
        if let image = assets.background { canvas.drawImage(image, in: page, opacity: backgroundOpacity) }
        for frame in [outerFrame, innerFrame].compactMap({ $0 }) {
            let b = page.inset(by: frame.inset)
            canvas.strokeRect(b, color: frame.color, width: frame.width, radius: frame.radius)
            if let gap = frame.doubleGap {
                canvas.strokeRect(b.inset(by: gap), color: frame.color, width: max(0.2, frame.width / 3), radius: max(0, frame.radius - gap))
            }
        }
        if let c = corners { drawCorners(c, on: canvas) }
        for shape in shapes { draw(shape, on: canvas) }
    }

    func draw(_ shape: Shape, on canvas: Canvas) {
        switch shape {
        case let .line(a, b, w, c, dash):
            canvas.strokeLine(from: a, to: b, color: c, width: w, dash: dash)
        case let .rect(b, w, c, fill, r):
            fill ? canvas.fillRect(b, color: c, radius: r) : canvas.strokeRect(b, color: c, width: w, radius: r)
        case let .circle(center, r, w, c, fill):
            canvas.withSavedState {
                canvas.setColor(c); canvas.setLineWidth(mm: w)
                canvas.circle(center: center, radius: r)
                fill ? canvas.fill() : canvas.stroke()
            }
        case let .diamond(center, r, c):
            canvas.withSavedState {
                canvas.setColor(c)
                canvas.polygon([PointMM(x: center.x, y: center.y - r), PointMM(x: center.x + r * 1.6, y: center.y),
                                PointMM(x: center.x, y: center.y + r), PointMM(x: center.x - r * 1.6, y: center.y)])
                canvas.fill()
            }
        }
    }

    /// 回纹 corners: two nested L strokes and a square spiral, mirrored into
    /// each corner of the page.
    func drawCorners(_ c: Corners, on canvas: Canvas) {
        let s = c.size, g = s * 0.16
        let corners: [(Double, Double, Double, Double)] = [
            (c.inset, c.inset, 1, 1), (pageSize.width - c.inset, c.inset, -1, 1),
            (c.inset, pageSize.height - c.inset, 1, -1), (pageSize.width - c.inset, pageSize.height - c.inset, -1, -1),
        ]
        canvas.withSavedState {
            canvas.setColor(c.color)
            canvas.setLineWidth(mm: c.width)
            canvas.setRoundCaps(false)
            for (cx, cy, sx, sy) in corners {
                func p(_ x: Double, _ y: Double) -> PointMM { PointMM(x: cx + sx * x, y: cy + sy * y) }
                // Outer L.
                canvas.move(to: p(0, s)); canvas.line(to: p(0, 0)); canvas.line(to: p(s, 0))
                // Inner L with hooked ends.
                canvas.move(to: p(g * 2, s * 0.78)); canvas.line(to: p(g, s * 0.78)); canvas.line(to: p(g, g))
                canvas.line(to: p(s * 0.78, g)); canvas.line(to: p(s * 0.78, g * 2))
                // Square spiral (回).
                let a = 2 * g, b = s * 0.56
                canvas.move(to: p(a, a + g)); canvas.line(to: p(a, b)); canvas.line(to: p(b, b)); canvas.line(to: p(b, a))
                canvas.line(to: p(a + g, a)); canvas.line(to: p(a + g, b - g)); canvas.line(to: p(b - g, b - g))
                canvas.line(to: p(b - g, a + g))
                canvas.stroke()
            }
        }
    }

    // MARK: Seal

    func drawSeal(values: [String: String], on canvas: Canvas, assets: TemplateAssets) throws {
        guard let seal else { return }
        let r = seal.diameter / 2
        if let image = assets.seal {
            let box = BoxMM(x: seal.center.x - r, y: seal.center.y - r, width: seal.diameter, height: seal.diameter)
            canvas.drawImage(image, in: box, opacity: seal.opacity)
            return
        }
        var ink = seal.color
        ink.alpha *= seal.opacity
        let ring = seal.diameter * 0.032
        try canvas.withSavedState {
            canvas.setColor(ink)
            canvas.setLineWidth(mm: ring)
            canvas.circle(center: seal.center, radius: r - ring / 2)
            canvas.stroke()
            // Five-pointed star.
            let outer = r * 0.30, inner = outer * 0.382
            var points: [PointMM] = []
            for k in 0..<10 {
                let angle = -Double.pi / 2 + Double(k) * .pi / 5
                let rad = k % 2 == 0 ? outer : inner
                points.append(PointMM(x: seal.center.x + rad * cos(angle), y: seal.center.y + rad * sin(angle)))
            }
            canvas.polygon(points)
            canvas.fill()

            let charSize = r * 0.30   // mm
            let style = TextStyle(families: families, size: Units.pt(mm: charSize), weight: .bold, color: ink,
                                  alignment: .center, verticalAlignment: .middle)
            // Issuer around the upper rim, clockwise, centred on the top.
            let chars = (sealText?.render(values) ?? "").map { String($0) }.filter { $0 != " " }
            if !chars.isEmpty {
                let step = min(0.40, (Double.pi * 1.35) / Double(max(chars.count - 1, 1)))
                let span = step * Double(chars.count - 1)
                let textRadius = r - ring * 1.6 - charSize * 0.6
                for (i, ch) in chars.enumerated() {
                    let theta = -Double.pi / 2 - span / 2 + Double(i) * step
                    try canvas.withSavedState {
                        canvas.translate(dx: seal.center.x, dy: seal.center.y)
                        canvas.rotate(radians: theta + .pi / 2)
                        let box = BoxMM(x: -charSize, y: -textRadius - charSize * 0.6, width: 2 * charSize, height: charSize * 1.2)
                        try canvas.drawText(ch, in: box, style: style, shrinkToFit: true, minSize: style.size * 0.5)
                    }
                }
            }
            if !seal.caption.isEmpty {
                var cap = style
                cap.size = Units.pt(mm: charSize * 0.8)
                let w = r * 1.2
                try canvas.drawText(seal.caption, in: BoxMM(x: seal.center.x - w / 2, y: seal.center.y + outer * 1.05, width: w, height: charSize),
                                    style: cap, shrinkToFit: true, minSize: cap.size * 0.5)
            }
        }
    }
}
