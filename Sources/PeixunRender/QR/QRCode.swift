internal import CQRencode
import Foundation

/// A QR code symbol as a square grid of dark/light modules, encoded by
/// libqrencode. A value type: encode once, draw anywhere.
public struct QRCode: Sendable, Equatable {
    /// Error-correction level (L 7 %, M 15 %, Q 25 %, H 30 %).
    public enum Level: Sendable { case low, medium, quartile, high }

    /// Modules per side.
    public let size: Int
    /// Row-major, `true` = dark.
    public let modules: [Bool]

    /// Encodes `text` (UTF-8, byte mode, case-sensitive) at the smallest version that fits.
    public init(_ text: String, level: Level = .medium) throws {
        guard !text.isEmpty else { throw RenderError.qrCode(message: "empty text") }
        let l: QRecLevel
        switch level {
        case .low: l = QR_ECLEVEL_L
        case .medium: l = QR_ECLEVEL_M
        case .quartile: l = QR_ECLEVEL_Q
        case .high: l = QR_ECLEVEL_H
        }
        let bytes = Array(text.utf8)
        let result = bytes.withUnsafeBufferPointer { buf in
            QRcode_encodeData(Int32(buf.count), buf.baseAddress, 0, l)
        }
        guard let qr = result else {
            throw RenderError.qrCode(message: "cannot encode \(bytes.count) bytes: \(String(cString: strerror(errno)))")
        }
        defer { QRcode_free(qr) }
        let n = Int(qr.pointee.width)
        size = n
        modules = (0..<(n * n)).map { qr.pointee.data[$0] & 1 == 1 }
    }

    public func isDark(row: Int, column: Int) -> Bool { modules[row * size + column] }

    /// A rectangle of dark modules.
    public struct ModuleRect: Sendable, Equatable, Hashable {
        public var row: Int, column: Int, width: Int, height: Int
    }

    /// The dark modules as few rectangles: horizontal runs, stacked with the
    /// same run in the rows below. Together they cover exactly the dark modules.
    public func rectangles() -> [ModuleRect] {
        var done: [ModuleRect] = []
        var open: [Int: ModuleRect] = [:]   // keyed by column * size + width
        for row in 0..<size {
            var seen = Set<Int>()
            var col = 0
            while col < size {
                guard isDark(row: row, column: col) else { col += 1; continue }
                let start = col
                while col < size && isDark(row: row, column: col) { col += 1 }
                let key = start * (size + 1) + (col - start)
                seen.insert(key)
                if var r = open[key] { r.height += 1; open[key] = r } else {
                    open[key] = ModuleRect(row: row, column: start, width: col - start, height: 1)
                }
            }
            for (key, r) in open where !seen.contains(key) { done.append(r); open[key] = nil }
        }
        done.append(contentsOf: open.values)
        return done.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
    }
}
