internal import CXlsxWriter

/// A cell format described as a value: font, fill, number format, alignment,
/// borders. Register it once with `Workbook.style(_:)` and write cells with
/// the returned `CellStyle`.
public struct Format: Sendable, Hashable {
    public enum HorizontalAlignment: Sendable, Hashable { case general, left, center, right }
    public enum VerticalAlignment: Sendable, Hashable { case bottom, center, top }

    public var bold = false
    public var fontName: String?
    public var fontSize: Double?
    /// 0xRRGGBB.
    public var fontColor: UInt32?
    /// Solid fill, 0xRRGGBB.
    public var fillColor: UInt32?
    /// An Excel number format such as `0.00`, `0.00%`, `yyyy-mm-dd` or `@`.
    public var numberFormat: String?
    public var horizontal: HorizontalAlignment = .general
    public var vertical: VerticalAlignment = .bottom
    public var wrapText = false
    /// A thin border on all four sides.
    public var thinBorder = false

    public init(bold: Bool = false, fontName: String? = nil, fontSize: Double? = nil, fontColor: UInt32? = nil,
                fillColor: UInt32? = nil, numberFormat: String? = nil, horizontal: HorizontalAlignment = .general,
                vertical: VerticalAlignment = .bottom, wrapText: Bool = false, thinBorder: Bool = false) {
        self.bold = bold; self.fontName = fontName; self.fontSize = fontSize; self.fontColor = fontColor
        self.fillColor = fillColor; self.numberFormat = numberFormat; self.horizontal = horizontal
        self.vertical = vertical; self.wrapText = wrapText; self.thinBorder = thinBorder
    }

    /// libxlsxwriter reads 0x000000 as "unset"; black has its own value.
    static func lxwColor(_ rgb: UInt32) -> lxw_color_t { rgb & 0xFFFFFF == 0 ? 0x1000000 : rgb & 0xFFFFFF }

    /// Copies this description onto a format owned by the workbook.
    func apply(to format: UnsafeMutablePointer<lxw_format>) {
        if bold { format_set_bold(format) }
        if let fontName { format_set_font_name(format, fontName) }
        if let fontSize { format_set_font_size(format, fontSize) }
        if let fontColor { format_set_font_color(format, Format.lxwColor(fontColor)) }
        if let fillColor {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, Format.lxwColor(fillColor))
        }
        if let numberFormat { format_set_num_format(format, numberFormat) }
        switch horizontal {
        case .general: break
        case .left: format_set_align(format, UInt8(LXW_ALIGN_LEFT.rawValue))
        case .center: format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
        case .right: format_set_align(format, UInt8(LXW_ALIGN_RIGHT.rawValue))
        }
        switch vertical {
        case .bottom: break
        case .center: format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        case .top: format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }
        if wrapText { format_set_text_wrap(format) }
        if thinBorder { format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue)) }
    }
}

/// A format registered with one workbook; only valid for that workbook's
/// sheets (the workbook owns and frees it).
public struct CellStyle {
    /// nil for a style of a `WorkbookDigest` (nothing is written there).
    let pointer: UnsafeMutablePointer<lxw_format>?
    /// The workbook that owns the format, to catch cross-workbook use.
    let owner: ObjectIdentifier
    /// Registration order in its workbook (what a `WorkbookDigest` records per cell).
    let number: Int
}
