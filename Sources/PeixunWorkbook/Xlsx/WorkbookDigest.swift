import Crypto
import Foundation
internal import CXlsxWriter
import PeixunCore

/// A `WorkbookSink` that writes nothing: every call, with every argument, is
/// fed into a SHA-256 digest instead, after libxlsxwriter's version. Two
/// workbooks written by the same calls (and the same Peixun binary, which
/// the caller adds) have the same bytes, so the digest is their content key.
final class WorkbookDigest: WorkbookSink {
    private var hasher = SHA256()
    /// Fields are gathered here and hashed in large blocks (one update per cell would cost more).
    private var buffer: [UInt8] = []
    private var formats = 0

    init() {
        buffer.reserveCapacity(1 << 16)
        add(tag: 0)
        add(String(cString: lxw_version()))
    }

    // MARK: Fields (each tagged or framed by its length, so no two call sequences run together)

    @inline(__always) func add(tag: UInt8) { buffer.append(tag); flushIfFull() }

    @inline(__always) func add(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { buffer.append(contentsOf: $0) }
    }

    @inline(__always) func add(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { buffer.append(contentsOf: $0) }
    }

    @inline(__always) func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            add(bytes.count)
            buffer.append(contentsOf: bytes)
        }
    }

    @inline(__always) func add(_ range: ClosedRange<Int>) { add(range.lowerBound); add(range.upperBound) }

    @inline(__always) func add(_ style: CellStyle?) { add(style.map(\.number) ?? -1) }

    private func flushIfFull() {
        if buffer.count >= 1 << 16 { flush() }
    }

    private func flush() {
        hasher.update(data: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// The 32 bytes of the SHA-256; the digest is finished.
    func finish() -> [UInt8] {
        flush()
        return Array(hasher.finalize())
    }

    // MARK: WorkbookSink

    func addSheet(named name: String) throws(XlsxError) -> any SheetSink {
        add(tag: 1); add(name)
        return SheetDigest(self)
    }

    func style(_ format: Format) throws(XlsxError) -> CellStyle {
        add(tag: 2); add(String(reflecting: format))  // every stored field, a field added later too
        formats += 1
        return CellStyle(pointer: nil, owner: ObjectIdentifier(self), number: formats - 1)
    }

    func setProperties(_ properties: DocumentProperties) throws(XlsxError) {
        add(tag: 3); add(String(reflecting: properties))
    }
}

/// One sheet's calls, into its workbook's digest.
final class SheetDigest: SheetSink {
    private let digest: WorkbookDigest
    init(_ digest: WorkbookDigest) { self.digest = digest }

    func write(_ text: String, row: Int, column: Int, style: CellStyle?) throws(XlsxError) {
        digest.add(tag: 10); digest.add(row); digest.add(column); digest.add(style); digest.add(text)
    }
    func write(_ number: Double, row: Int, column: Int, style: CellStyle?) throws(XlsxError) {
        digest.add(tag: 11); digest.add(row); digest.add(column); digest.add(style); digest.add(number)
    }
    func write(_ number: Int, row: Int, column: Int, style: CellStyle?) throws(XlsxError) {
        digest.add(tag: 12); digest.add(row); digest.add(column); digest.add(style); digest.add(number)
    }
    func write(_ date: CivilDate, row: Int, column: Int, style: CellStyle?) throws(XlsxError) {
        digest.add(tag: 13); digest.add(row); digest.add(column); digest.add(style); digest.add(String(reflecting: date))
    }
    func writeBlank(row: Int, column: Int, style: CellStyle?) throws(XlsxError) {
        digest.add(tag: 14); digest.add(row); digest.add(column); digest.add(style)
    }
    func merge(rows: ClosedRange<Int>, columns: ClosedRange<Int>, text: String, style: CellStyle?) throws(XlsxError) {
        digest.add(tag: 15); digest.add(rows); digest.add(columns); digest.add(style); digest.add(text)
    }
    func setColumn(_ column: Int, width: Double, style: CellStyle?) throws(XlsxError) {
        digest.add(tag: 16); digest.add(column); digest.add(width); digest.add(style)
    }
    func setRow(_ row: Int, height: Double, style: CellStyle?) throws(XlsxError) {
        digest.add(tag: 17); digest.add(row); digest.add(height); digest.add(style)
    }
    func freezePanes(row: Int, column: Int) throws(XlsxError) {
        digest.add(tag: 18); digest.add(row); digest.add(column)
    }
    func autofilter(rows: ClosedRange<Int>, columns: ClosedRange<Int>) throws(XlsxError) {
        digest.add(tag: 19); digest.add(rows); digest.add(columns)
    }
    func conditionalFormat(rows: ClosedRange<Int>, columns: ClosedRange<Int>, formula: String,
                           style: CellStyle) throws(XlsxError) {
        digest.add(tag: 20); digest.add(rows); digest.add(columns); digest.add(style); digest.add(formula)
    }
    func setLandscape() throws(XlsxError) { digest.add(tag: 21) }
    func setPaper(_ paper: Worksheet.Paper) throws(XlsxError) { digest.add(tag: 22); digest.add(Int(paper.rawValue)) }
    func fitToPages(wide: Int, tall: Int) throws(XlsxError) { digest.add(tag: 23); digest.add(wide); digest.add(tall) }
    func repeatRows(_ rows: ClosedRange<Int>) throws(XlsxError) { digest.add(tag: 24); digest.add(rows) }
    func setFooter(_ text: String) throws(XlsxError) { digest.add(tag: 25); digest.add(text) }
    func setMargins(left: Double, right: Double, top: Double, bottom: Double) throws(XlsxError) {
        digest.add(tag: 26); digest.add(left); digest.add(right); digest.add(top); digest.add(bottom)
    }
    func centerHorizontally() throws(XlsxError) { digest.add(tag: 27) }
}
