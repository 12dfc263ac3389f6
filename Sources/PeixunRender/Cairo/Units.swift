/// Millimetre ↔ point conversion. PDF user space is in points (1/72 inch);
/// templates and the drawing API speak millimetres, font sizes stay in points.
public enum Units {
    public static let pointsPerMillimetre = 72.0 / 25.4
    /// Millimetres to points.
    @inlinable public static func pt(mm: Double) -> Double { mm * pointsPerMillimetre }
    /// Points to millimetres.
    @inlinable public static func mm(pt: Double) -> Double { pt / pointsPerMillimetre }
}

/// A point on the page in millimetres from the top-left corner.
public struct PointMM: Sendable, Equatable, Hashable {
    public var x: Double, y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

/// A page or object size in millimetres.
public struct SizeMM: Sendable, Equatable, Hashable {
    public var width: Double, height: Double
    public init(width: Double, height: Double) { self.width = width; self.height = height }
    /// ISO A4 portrait, 210 × 297 mm.
    public static let a4Portrait = SizeMM(width: 210, height: 297)
    /// ISO A4 landscape, 297 × 210 mm.
    public static let a4Landscape = SizeMM(width: 297, height: 210)
}

/// A rectangle in millimetres: origin at its top-left corner.
public struct BoxMM: Sendable, Equatable, Hashable {
    public var x: Double, y: Double, width: Double, height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var center: PointMM { PointMM(x: x + width / 2, y: y + height / 2) }
    /// The box shrunk by `d` mm on every side (grown when negative).
    public func inset(by d: Double) -> BoxMM {
        BoxMM(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d)
    }
    /// The box moved by (dx, dy) mm.
    public func offset(dx: Double, dy: Double) -> BoxMM {
        BoxMM(x: x + dx, y: y + dy, width: width, height: height)
    }
    /// True when `other` lies entirely inside this box (with a tolerance of `slack` mm).
    public func contains(_ other: BoxMM, slack: Double = 0.01) -> Bool {
        other.x >= x - slack && other.y >= y - slack && other.maxX <= maxX + slack && other.maxY <= maxY + slack
    }
}
