/// How a text block looks: font family list, size, weight, colour, alignment.
public struct TextStyle: Sendable, Equatable, Hashable {
    public enum Weight: String, Sendable, Equatable, Hashable, Codable {
        case light, regular, medium, bold
        var pangoValue: Int32 {
            switch self { case .light: 300; case .regular: 400; case .medium: 500; case .bold: 700 }
        }
    }
    public enum Alignment: String, Sendable, Equatable, Hashable, Codable {
        case left, center, right, justify
    }
    public enum VerticalAlignment: String, Sendable, Equatable, Hashable, Codable {
        case top, middle, bottom
    }

    /// Families in order of preference, e.g. `["LXGW WenKai", "Noto Serif CJK SC"]`.
    /// Pango takes the first that has a character and falls back along the list.
    public var families: [String]
    /// Font size in points.
    public var size: Double
    public var weight: Weight
    public var color: Color
    public var alignment: Alignment
    public var verticalAlignment: VerticalAlignment
    /// Extra space between characters in points (e.g. a spaced-out title 结　业　证　书).
    public var letterSpacing: Double
    /// Line height as a multiple of the font's (1 = the font's own).
    public var lineSpacing: Double
    /// When false (the default), a glyph drawn from a family not in `families`
    /// is an error: a certificate must not mix faces by accident.
    public var allowUnlistedFallback: Bool

    public init(families: [String], size: Double, weight: Weight = .regular, color: Color = .black,
                alignment: Alignment = .left, verticalAlignment: VerticalAlignment = .top,
                letterSpacing: Double = 0, lineSpacing: Double = 1, allowUnlistedFallback: Bool = false) {
        self.families = families; self.size = size; self.weight = weight; self.color = color
        self.alignment = alignment; self.verticalAlignment = verticalAlignment
        self.letterSpacing = letterSpacing; self.lineSpacing = lineSpacing
        self.allowUnlistedFallback = allowUnlistedFallback
    }

    /// The default certificate families: LXGW WenKai (TrueType — cheap to
    /// subset per file), then Noto Serif CJK SC for characters WenKai lacks.
    public static let defaultFamilies = ["LXGW WenKai", "Noto Serif CJK SC"]
}

/// A text with its box and fitting rules — one block of a certificate.
public struct TextBlock: Sendable, Equatable {
    public var text: String
    public var box: BoxMM
    public var style: TextStyle
    /// Shrink (down to `minSize`) before wrapping.
    public var shrinkToFit: Bool
    /// The smallest size shrinking may reach, points (nil: `style.size`).
    public var minSize: Double?
    public init(text: String, box: BoxMM, style: TextStyle, shrinkToFit: Bool = true, minSize: Double? = nil) {
        self.text = text; self.box = box; self.style = style; self.shrinkToFit = shrinkToFit; self.minSize = minSize
    }
}

/// What `Canvas.drawText` did.
public struct TextFit: Sendable, Equatable {
    /// The size used, points.
    public var size: Double
    /// Number of lines after wrapping.
    public var lineCount: Int
    /// The area the text's logical extents cover on the page, mm.
    public var extents: BoxMM
    /// Font family each non-space character was drawn from, in text order
    /// (runs of the same family merged): `[("LXGW WenKai", "王"), ("Noto Serif CJK SC", "𱁬")]`.
    public var faces: [FaceRun]
}

/// A run of characters drawn from one font family.
public struct FaceRun: Sendable, Equatable, Hashable {
    public var family: String
    public var text: String
    public init(family: String, text: String) { self.family = family; self.text = text }
}
