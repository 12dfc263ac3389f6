/// An sRGB colour with alpha, components 0…1.
public struct Color: Sendable, Equatable, Hashable {
    public var red: Double, green: Double, blue: Double, alpha: Double
    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red; self.green = green; self.blue = blue; self.alpha = alpha
    }
    /// `#RRGGBB` or `#RRGGBBAA` (the `#` is optional); nil if malformed.
    public init?(hex: String) {
        var s = Substring(hex)
        if s.hasPrefix("#") { s = s.dropFirst() }
        guard s.count == 6 || s.count == 8, let v = UInt32(s, radix: 16) else { return nil }
        let hasAlpha = s.count == 8
        let r = hasAlpha ? (v >> 24) & 0xFF : (v >> 16) & 0xFF
        let g = hasAlpha ? (v >> 16) & 0xFF : (v >> 8) & 0xFF
        let b = hasAlpha ? (v >> 8) & 0xFF : v & 0xFF
        let a = hasAlpha ? v & 0xFF : 0xFF
        self.init(red: Double(r) / 255, green: Double(g) / 255, blue: Double(b) / 255, alpha: Double(a) / 255)
    }
    public static let black = Color(red: 0, green: 0, blue: 0)
    public static let white = Color(red: 1, green: 1, blue: 1)
    /// 中国红-like dark red used for borders and seals.
    public static let sealRed = Color(red: 0.80, green: 0.07, blue: 0.07)
}
