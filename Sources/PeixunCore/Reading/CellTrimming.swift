/// Trimming of cell text (CONTRACT §6): ASCII white space, U+3000 (full-width space), U+00A0
/// (NBSP), U+FEFF (BOM) and U+200B (zero-width space) at both ends; inner spaces are kept.
enum CellTrimming {
    @inline(__always)
    static func isASCIISpace(_ b: UInt8) -> Bool {
        b == 0x20 || (b >= 0x09 && b <= 0x0D)
    }

    /// The trimmed slice of a UTF-8 cell.
    @inline(__always)
    static func trim(_ cell: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard let base = cell.baseAddress, cell.count > 0 else { return cell }
        var start = 0
        var end = cell.count
        // Fast exit for the common case: no space at either end.
        if base[0] < 0x80, !isASCIISpace(base[0]), base[end - 1] < 0x80, !isASCIISpace(base[end - 1]) {
            return cell
        }
        while start < end {
            let b = base[start]
            if isASCIISpace(b) { start += 1; continue }
            let left = end - start
            if b == 0xC2, left >= 2, base[start + 1] == 0xA0 { start += 2; continue }
            if left >= 3 {
                let b1 = base[start + 1], b2 = base[start + 2]
                if (b == 0xE3 && b1 == 0x80 && b2 == 0x80)
                    || (b == 0xEF && b1 == 0xBB && b2 == 0xBF)
                    || (b == 0xE2 && b1 == 0x80 && b2 == 0x8B) {
                    start += 3; continue
                }
            }
            break
        }
        while end > start {
            let b = base[end - 1]
            if isASCIISpace(b) { end -= 1; continue }
            let left = end - start
            if b == 0xA0, left >= 2, base[end - 2] == 0xC2 { end -= 2; continue }
            if left >= 3 {
                let b0 = base[end - 3], b1 = base[end - 2]
                if (b0 == 0xE3 && b1 == 0x80 && b == 0x80)
                    || (b0 == 0xEF && b1 == 0xBB && b == 0xBF)
                    || (b0 == 0xE2 && b1 == 0x80 && b == 0x8B) {
                    end -= 3; continue
                }
            }
            break
        }
        return UnsafeBufferPointer(start: base + start, count: end - start)
    }

    static func trimmedString(_ cell: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: trim(cell), as: UTF8.self)
    }
}
