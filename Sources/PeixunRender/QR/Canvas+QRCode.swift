extension Canvas {
    /// Draws `code` filling `box` (the smaller side, centred), with
    /// `quietZone` light modules around it (painted `background` if given).
    /// The dark modules are one 1-bit image mask (`fillCells`): square-edged
    /// at any resolution, and cheap to write (a path of merged rectangles,
    /// `QRCode.rectangles()`, cost Cairo two thirds of a certificate page).
    public func drawQRCode(_ code: QRCode, in box: BoxMM, color: Color = .black,
                           background: Color? = .white, quietZone: Int = 2) {
        let side = min(box.width, box.height)
        let module = side / Double(code.size + 2 * quietZone)
        let origin = PointMM(x: box.x + (box.width - side) / 2, y: box.y + (box.height - side) / 2)
        if let bg = background { fillRect(BoxMM(x: origin.x, y: origin.y, width: side, height: side), color: bg) }
        let inset = Double(quietZone) * module
        fillCells(code.modules, columns: code.size, rows: code.size,
                  in: BoxMM(x: origin.x + inset, y: origin.y + inset, width: side - 2 * inset, height: side - 2 * inset),
                  color: color)
    }
}
