internal import CPangoCairo
import Foundation

/// A drawing context on one surface (a page of a `PDFDocument`). All lengths
/// are millimetres from the page's top-left corner; font sizes are points.
/// Not thread-safe: use one document (and so one canvas) per task.
public final class Canvas {
    let cr: OpaquePointer
    /// The Pango context used for every text layout on this canvas (zh-cn, 72 dpi).
    let pango: OpaquePointer
    /// The size of the current page.
    public internal(set) var pageSize: SizeMM

    init(surface: OpaquePointer, pageSize: SizeMM) throws {
        FontRegistry.ensureDefault()
        guard let cr = cairo_create(surface) else { throw RenderError.cairo(what: "cairo_create", status: "NULL") }
        do { try check(cairo_status(cr), "cairo_create") } catch { cairo_destroy(cr); throw error }
        guard let ctx = pango_cairo_create_context(cr) else {
            cairo_destroy(cr)
            throw RenderError.pango(what: "pango_cairo_create_context")
        }
        // 72 dpi: one Pango point is one PDF user unit. No hinting: metrics
        // are the font's own, so the layout is the same on every machine.
        pango_cairo_context_set_resolution(ctx, 72)
        if let options = cairo_font_options_create() {
            cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
            cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
            cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
            pango_cairo_context_set_font_options(ctx, options)
            cairo_font_options_destroy(options)
        }
        pango_context_set_language(ctx, pango_language_from_string("zh-cn"))
        pango_context_set_base_dir(ctx, PANGO_DIRECTION_LTR)
        self.cr = cr
        self.pango = ctx
        self.pageSize = pageSize
    }

    deinit {
        peixun_g_object_unref(UnsafeMutableRawPointer(pango))
        cairo_destroy(cr)
    }

    func checkStatus(_ what: String) throws { try check(cairo_status(cr), what) }

    func showPage() { cairo_show_page(cr) }

    // MARK: State

    /// Saves the graphics state (colour, line, transform, clip).
    public func save() { cairo_save(cr) }
    /// Restores the state saved by the matching `save()`.
    public func restore() { cairo_restore(cr) }
    /// Runs `body` between `save()` and `restore()`.
    public func withSavedState<T>(_ body: () throws -> T) rethrows -> T {
        cairo_save(cr)
        defer { cairo_restore(cr) }
        return try body()
    }

    /// Moves the origin by (dx, dy) mm — e.g. a printer offset in overlay mode.
    public func translate(dx: Double, dy: Double) {
        cairo_translate(cr, Units.pt(mm: dx), Units.pt(mm: dy))
    }
    /// Rotates the coordinate system by `radians` (clockwise on the page).
    public func rotate(radians: Double) { cairo_rotate(cr, radians) }

    // MARK: Paint settings

    public func setColor(_ c: Color) { cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha) }
    public func setLineWidth(mm: Double) { cairo_set_line_width(cr, Units.pt(mm: mm)) }
    /// Dash pattern in mm (on, off, on, …); empty for a solid line.
    public func setDash(_ pattern: [Double], offset: Double = 0) {
        let pt = pattern.map { Units.pt(mm: $0) }
        cairo_set_dash(cr, pt, Int32(pt.count), Units.pt(mm: offset))
    }
    public func setRoundCaps(_ round: Bool) {
        cairo_set_line_cap(cr, round ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
        cairo_set_line_join(cr, round ? CAIRO_LINE_JOIN_ROUND : CAIRO_LINE_JOIN_MITER)
    }
    /// Even-odd filling (a ring from two circles) instead of non-zero winding.
    public func setEvenOddFill(_ evenOdd: Bool) {
        cairo_set_fill_rule(cr, evenOdd ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING)
    }

    // MARK: Paths

    public func newPath() { cairo_new_path(cr) }
    public func move(to p: PointMM) { cairo_move_to(cr, Units.pt(mm: p.x), Units.pt(mm: p.y)) }
    public func line(to p: PointMM) { cairo_line_to(cr, Units.pt(mm: p.x), Units.pt(mm: p.y)) }
    public func curve(to p: PointMM, control1 c1: PointMM, control2 c2: PointMM) {
        cairo_curve_to(cr, Units.pt(mm: c1.x), Units.pt(mm: c1.y), Units.pt(mm: c2.x), Units.pt(mm: c2.y),
                       Units.pt(mm: p.x), Units.pt(mm: p.y))
    }
    /// An arc around `center`; angles in radians, clockwise from the +x axis.
    public func arc(center: PointMM, radius: Double, from start: Double, to end: Double) {
        cairo_arc(cr, Units.pt(mm: center.x), Units.pt(mm: center.y), Units.pt(mm: radius), start, end)
    }
    public func closePath() { cairo_close_path(cr) }
    public func rectangle(_ b: BoxMM) {
        cairo_rectangle(cr, Units.pt(mm: b.x), Units.pt(mm: b.y), Units.pt(mm: b.width), Units.pt(mm: b.height))
    }
    /// A rectangle with quarter-circle corners of `radius` mm.
    public func roundedRectangle(_ b: BoxMM, radius: Double) {
        let r = max(0, min(radius, b.width / 2, b.height / 2))
        guard r > 0 else { rectangle(b); return }
        cairo_new_sub_path(cr)
        arc(center: PointMM(x: b.maxX - r, y: b.y + r), radius: r, from: -.pi / 2, to: 0)
        arc(center: PointMM(x: b.maxX - r, y: b.maxY - r), radius: r, from: 0, to: .pi / 2)
        arc(center: PointMM(x: b.x + r, y: b.maxY - r), radius: r, from: .pi / 2, to: .pi)
        arc(center: PointMM(x: b.x + r, y: b.y + r), radius: r, from: .pi, to: 3 * .pi / 2)
        cairo_close_path(cr)
    }
    public func circle(center: PointMM, radius: Double) {
        cairo_new_sub_path(cr)
        arc(center: center, radius: radius, from: 0, to: 2 * .pi)
        cairo_close_path(cr)
    }
    /// A closed polygon through `points`.
    public func polygon(_ points: [PointMM]) {
        guard let first = points.first else { return }
        move(to: first)
        for p in points.dropFirst() { line(to: p) }
        closePath()
    }

    public func fill(preserve: Bool = false) { preserve ? cairo_fill_preserve(cr) : cairo_fill(cr) }
    public func stroke(preserve: Bool = false) { preserve ? cairo_stroke_preserve(cr) : cairo_stroke(cr) }
    /// Restricts drawing to the current path (until `restore()`).
    public func clip() { cairo_clip(cr) }

    // MARK: Conveniences

    /// Strokes a (rounded) rectangle outline.
    public func strokeRect(_ b: BoxMM, color: Color, width: Double, radius: Double = 0, dash: [Double] = []) {
        withSavedState {
            setColor(color); setLineWidth(mm: width); setDash(dash)
            radius > 0 ? roundedRectangle(b, radius: radius) : rectangle(b)
            stroke()
        }
    }
    /// Fills a (rounded) rectangle.
    public func fillRect(_ b: BoxMM, color: Color, radius: Double = 0) {
        withSavedState {
            setColor(color)
            radius > 0 ? roundedRectangle(b, radius: radius) : rectangle(b)
            fill()
        }
    }
    /// A straight line.
    public func strokeLine(from a: PointMM, to b: PointMM, color: Color, width: Double, dash: [Double] = []) {
        withSavedState {
            setColor(color); setLineWidth(mm: width); setDash(dash)
            move(to: a); line(to: b); stroke()
        }
    }

    /// Paints a PNG (with its alpha) scaled to fit `box`, keeping its aspect
    /// ratio, centred.
    public func drawImage(_ image: PNGImage, in box: BoxMM, opacity: Double = 1) {
        guard image.width > 0, image.height > 0 else { return }
        let bw = Units.pt(mm: box.width), bh = Units.pt(mm: box.height)
        let scale = min(bw / Double(image.width), bh / Double(image.height))
        let w = Double(image.width) * scale, h = Double(image.height) * scale
        withSavedState {
            cairo_translate(cr, Units.pt(mm: box.x) + (bw - w) / 2, Units.pt(mm: box.y) + (bh - h) / 2)
            cairo_scale(cr, scale, scale)
            cairo_set_source_surface(cr, image.surface, 0, 0)
            cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD)
            cairo_rectangle(cr, 0, 0, Double(image.width), Double(image.height))
            cairo_clip(cr)
            cairo_paint_with_alpha(cr, opacity)
        }
    }
}
