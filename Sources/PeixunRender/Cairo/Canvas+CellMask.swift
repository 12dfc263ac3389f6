internal import CPangoCairo

extension Canvas {
    /// Fills the set cells of a `columns` × `rows` grid (row-major `cells`,
    /// `true` = filled) scaled to `box`, in `color`.
    ///
    /// The grid goes into the PDF as one 1-bit image used as a mask, sampled
    /// nearest-neighbour: with an opaque colour Cairo writes it as a stencil
    /// (`/ImageMask true /Interpolate false`), so every cell stays a sharp
    /// square at any print resolution. A few hundred bytes instead of a path
    /// of hundreds of rectangles, whose numbers Cairo prints one by one
    /// (that was two thirds of the time of a page with a QR code).
    public func fillCells(_ cells: [Bool], columns: Int, rows: Int, in box: BoxMM, color: Color) {
        precondition(cells.count == columns * rows, "fillCells: \(cells.count) cells for \(columns) × \(rows)")
        guard columns > 0, rows > 0, box.width > 0, box.height > 0, cells.contains(true) else { return }
        guard let image = cairo_image_surface_create(CAIRO_FORMAT_A1, Int32(columns), Int32(rows)) else { return }
        defer { cairo_surface_destroy(image) }
        guard cairo_surface_status(image) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(image) else { return }
        // A1: 32-bit words of pixels, bit order that of the platform (pixel 0
        // is the least significant bit on a little-endian machine). Cairo
        // zero-fills a new surface: only the set bits need writing.
        let stride = Int(cairo_image_surface_get_stride(image))
        cairo_surface_flush(image)
        for row in 0..<rows {
            let words = UnsafeMutableRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
            for column in 0..<columns where cells[row * columns + column] {
                #if _endian(little)
                words[column >> 5] |= UInt32(1) << UInt32(column & 31)
                #else
                words[column >> 5] |= UInt32(0x8000_0000) >> UInt32(column & 31)
                #endif
            }
        }
        cairo_surface_mark_dirty(image)
        withSavedState {
            cairo_translate(cr, Units.pt(mm: box.x), Units.pt(mm: box.y))
            cairo_scale(cr, Units.pt(mm: box.width) / Double(columns), Units.pt(mm: box.height) / Double(rows))
            setColor(color)
            guard let pattern = cairo_pattern_create_for_surface(image) else { return }
            cairo_pattern_set_filter(pattern, CAIRO_FILTER_NEAREST)
            cairo_mask(cr, pattern)
            cairo_pattern_destroy(pattern)
        }
    }
}
