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
}
