import Foundation

extension CertificateTemplate {
    /// A calibration page: a millimetre grid (labelled every 10 mm), the
    /// margins, every text block, the QR box and the seal outlined and named.
    /// Print it on the pre-printed paper and read the offset off the grid.
    public func drawTestSheet(on canvas: Canvas) throws {
        let w = pageSize.width, h = pageSize.height
        let fine = Color(rgb: 0xD6E2EE), mid = Color(rgb: 0xA9BFD6), major = Color(rgb: 0x5E7FA3)
        for i in 0...Int(w) {
            let x = Double(i)
            let (c, lw) = i % 10 == 0 ? (major, 0.2) : i % 5 == 0 ? (mid, 0.12) : (fine, 0.05)
            canvas.strokeLine(from: PointMM(x: x, y: 0), to: PointMM(x: x, y: h), color: c, width: lw)
        }
        for j in 0...Int(h) {
            let y = Double(j)
            let (c, lw) = j % 10 == 0 ? (major, 0.2) : j % 5 == 0 ? (mid, 0.12) : (fine, 0.05)
            canvas.strokeLine(from: PointMM(x: 0, y: y), to: PointMM(x: w, y: y), color: c, width: lw)
        }
        let label = TextStyle(families: families, size: 6, color: major)
        for i in stride(from: 10, to: Int(w), by: 10) {
            try canvas.drawText("\(i)", in: BoxMM(x: Double(i) + 0.5, y: 0.5, width: 8, height: 3), style: label)
        }
        for j in stride(from: 10, to: Int(h), by: 10) {
            try canvas.drawText("\(j)", in: BoxMM(x: 0.5, y: Double(j) + 0.5, width: 8, height: 3), style: label)
        }
        canvas.strokeRect(contentBox, color: Color(rgb: 0x2E8B57), width: 0.3, dash: [2, 1])
        let boxColor = Color(rgb: 0xC0392B)
        let name = TextStyle(families: families, size: 6, color: boxColor)
        for block in blocks {
            canvas.strokeRect(block.box, color: boxColor, width: 0.25, dash: block.isVariable ? [] : [1, 0.7])
            try canvas.drawText(block.name, in: BoxMM(x: block.box.x + 0.5, y: block.box.y + 0.3,
                                                      width: max(1, block.box.width - 1), height: min(3, block.box.height)),
                                style: name, shrinkToFit: true, minSize: 3)
        }
        if let qr {
            canvas.strokeRect(qr.box, color: .black, width: 0.3)
            try canvas.drawText("QR", in: qr.box, style: TextStyle(families: families, size: 10, alignment: .center, verticalAlignment: .middle))
        }
        if let seal {
            canvas.withSavedState {
                canvas.setColor(boxColor); canvas.setLineWidth(mm: 0.25); canvas.setDash([1, 0.7])
                canvas.circle(center: seal.center, radius: seal.diameter / 2)
                canvas.stroke()
            }
        }
        let title = TextStyle(families: families, size: 12, color: .black, alignment: .center, verticalAlignment: .middle)
        try canvas.drawText("校准页 · \(self.name) · \(URL(fileURLWithPath: file).lastPathComponent) · 实线框 = 套打内容，虚线框 = 预印内容；细格 1 mm",
                            in: BoxMM(x: 20, y: h - 11, width: w - 40, height: 7), style: title, shrinkToFit: true, minSize: 7)
    }
}
