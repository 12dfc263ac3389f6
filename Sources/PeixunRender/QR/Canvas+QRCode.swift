extension Canvas {
    /// Draws `code` as vector squares filling `box` (the smaller side), with
    /// `quietZone` light modules around it (painted `background` if given).
    /// Horizontal runs of dark modules become one rectangle each, so the
    /// symbol is a single compact path.
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
            for row in 0..<code.size {
                var col = 0
                while col < code.size {
                    guard code.isDark(row: row, column: col) else { col += 1; continue }
                    let start = col
                    while col < code.size && code.isDark(row: row, column: col) { col += 1 }
                    rectangle(BoxMM(x: origin.x + Double(start + quietZone) * module,
                                    y: origin.y + Double(row + quietZone) * module,
                                    width: Double(col - start) * module, height: module))
                }
            }
            fill()
        }
    }
}
