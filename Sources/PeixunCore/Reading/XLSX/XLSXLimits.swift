/// What an .xlsx file may hold before it is refused as hostile (a zip bomb, an XML bomb, a sheet
/// beyond Excel's grid). Generous enough for the largest sheet Excel itself can save:
/// 1,048,576 rows × 16,384 columns, 32,767 characters in a cell.
struct XLSXLimits {
    /// Inflated bytes of any one part (the sheet included): 4 GiB, what a zip without zip64
    /// can declare. Counted while inflating; inflation stops once past it.
    var maxPartBytes: Int64 = 4 << 30
    /// Inflated bytes of a part that is not a sheet or the shared strings (workbook, relationships).
    var maxSmallPartBytes: Int64 = 64 << 20
    /// Inflated ÷ compressed size of a part, checked on the declared sizes and while inflating.
    /// Real sheets compress 5–40×, deflate's ceiling is about 1,032×.
    var maxCompressionRatio: Int64 = 250
    /// Parts that inflate to less than this are not held to the ratio.
    var ratioGraceBytes: Int64 = 16 << 20
    /// Inflated bytes of the shared-strings part (kept in memory as one byte arena).
    var maxSharedStringsBytes: Int64 = 1 << 30
    /// Strings in the shared-strings part.
    var maxSharedStrings = 16 << 20
    /// UTF-8 bytes of one cell's text: at least 32,767 characters in any script.
    var maxCellBytes = 128 << 10
    /// UTF-8 bytes of one row's cell texts together.
    var maxRowBytes = 64 << 20
    /// Excel's last row.
    var maxRows = 1_048_576
    /// Excel's last column, XFD; also the most cells a row may hold.
    var maxColumns = 16_384
    /// Bytes of one tag, comment, processing instruction or CDATA section.
    var maxMarkupBytes = 1 << 20
    /// Depth of nested elements (a sheet needs about 8).
    var maxDepth = 256

    static let standard = XLSXLimits()
}
