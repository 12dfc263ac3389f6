internal import CPangoCairo

/// A decoded PNG (RGBA, alpha kept) ready to paint on a `Canvas`. Load once
/// and reuse it for every page of one task; do not share it between threads.
public final class PNGImage {
    let surface: OpaquePointer
    /// Pixel size.
    public let width: Int, height: Int

    public init(path: String) throws {
        guard let s = cairo_image_surface_create_from_png(path) else {
            throw RenderError.image(path: path, message: "could not be read")
        }
        let status = cairo_surface_status(s)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(s)
            let msg = cairo_status_to_string(status).map { String(cString: $0) } ?? "unreadable"
            throw RenderError.image(path: path, message: msg)
        }
        surface = s
        width = Int(cairo_image_surface_get_width(s))
        height = Int(cairo_image_surface_get_height(s))
    }

    deinit { cairo_surface_destroy(surface) }
}
