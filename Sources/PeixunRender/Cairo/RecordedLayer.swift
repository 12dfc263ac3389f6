internal import CPangoCairo

/// Drawing recorded once and painted many times — the static parts of a
/// certificate (border, ornaments, labels, seal). In a PDF, Cairo writes a
/// recorded layer once per file as a form XObject and references it from
/// every page that paints it, so a merged print file carries the border once.
/// Belongs to one thread, like a `PDFDocument`.
public final class RecordedLayer {
    let surface: OpaquePointer
    /// Draw the layer's content here (same mm coordinates as a page).
    public let canvas: Canvas

    public init(size: SizeMM) throws {
        var extents = cairo_rectangle_t(x: 0, y: 0, width: Units.pt(mm: size.width), height: Units.pt(mm: size.height))
        guard let s = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents) else {
            throw RenderError.cairo(what: "create recording surface", status: "NULL")
        }
        do { try check(cairo_surface_status(s), "create recording surface") } catch {
            cairo_surface_destroy(s)
            throw error
        }
        surface = s
        canvas = try Canvas(surface: s, pageSize: size)
    }

    deinit { cairo_surface_destroy(surface) }
}

extension Canvas {
    /// Paints a recorded layer at the page origin (after the current transform).
    public func paint(_ layer: RecordedLayer) throws {
        try layer.canvas.checkStatus("recorded layer")
        withSavedState {
            cairo_set_source_surface(cr, layer.surface, 0, 0)
            cairo_paint(cr)
        }
    }
}
