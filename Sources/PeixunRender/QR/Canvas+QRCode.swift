extension Canvas {
    /// Draws `code` as vector squares filling `box` (the smaller side), with
    /// `quietZone` light modules around it (painted `background` if given).
    /// Dark modules are merged into rectangles (`QRCode.rectangles()`), so the
    /// symbol is one compact path.
    public func drawQRCode(_ code: QRCode, in box: BoxMM, color: Color = .black,
                           background: Color? = .white, quietZone: Int = 2) {
        let side = min(box.width, box.height)
        let total = Double(code.size + 2 * quietZone)
        let module = side / total
        let origin = PointMM(x: box.x + (box.width - side) / 2, y: box.y + (box.height - side) / 2)
        withSavedState {
            if let bg = background {
                setColor(bg)
                rectangle(BoxMM(x: origin.x, y: origin.y, width: side, height: side))
                fill()
            }
            setColor(color)
            newPath()
            for r in code.rectangles() {
                rectangle(BoxMM(x: origin.x + Double(r.column + quietZone) * module,
                                y: origin.y + Double(r.row + quietZone) * module,
                                width: Double(r.width) * module, height: Double(r.height) * module))
            }
            fill()
        }
    }
}
