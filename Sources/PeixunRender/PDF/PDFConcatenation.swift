internal import CQPDF
import Foundation
import PeixunCore

/// One PDF made of the pages of others, in order, with qpdf: a 区县's print file from its 单位's
/// print files, so a rerun that redrew a few 单位 files does not draw the whole 区县 again. The
/// pages are copied as they are (their content streams, fonts and images), so text stays
/// extractable and the drawing identical; each source keeps its own font subsets. With a
/// deterministic /ID, the same sources give the same bytes.
public final class PDFConcatenation {
    private var output: qpdf_data?
    private var sources: [qpdf_data?] = []
    private var buffers: [UnsafeMutableRawPointer] = []
    public private(set) var pageCount = 0

    public init() throws {
        output = qpdf_init()
        guard let output else { throw RenderError.output(path: "", message: "qpdf could not start") }
        qpdf_silence_errors(output)
        try check(output, qpdf_empty_pdf(output), "start an empty PDF")
    }

    deinit {
        for var s in sources { qpdf_cleanup(&s) }
        qpdf_cleanup(&output)
        for b in buffers { free(b) }
    }

    /// Appends every page of the PDF at `path`. The file is read into memory (it must stay
    /// readable only until this returns).
    public func append(fileAt path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RenderError.output(path: path, message: "cannot read it to merge")
        }
        let buffer = malloc(max(1, data.count))!
        data.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress!, byteCount: data.count) }
        buffers.append(buffer)
        guard let source = qpdf_init() else { throw RenderError.output(path: path, message: "qpdf could not start") }
        sources.append(source)
        qpdf_silence_errors(source)
        try check(source, qpdf_read_memory(source, path, buffer.assumingMemoryBound(to: CChar.self),
                                           UInt64(data.count), nil), "read \(path)")
        let pages = qpdf_get_num_pages(source)
        guard pages >= 0 else { try check(source, QPDF_ERRORS, "count the pages of \(path)"); return }
        for i in 0..<Int(pages) {
            try check(output!, qpdf_add_page(output, source, qpdf_get_page_n(source, i), QPDF_FALSE), "copy page \(i + 1) of \(path)")
        }
        pageCount += Int(pages)
    }

    /// Writes the merged PDF to `path` (through a temporary file) with `metadata` as its
    /// document information.
    public func write(to path: String, metadata: PDFMetadata) throws {
        guard let output else { return }
        let info = qpdf_oh_new_dictionary(output)
        func set(_ key: String, _ value: String) {
            if !value.isEmpty { qpdf_oh_replace_key(output, info, key, qpdf_oh_new_unicode_string(output, value)) }
        }
        set("/Title", metadata.title)
        set("/Author", metadata.author)
        set("/Creator", metadata.creator)
        set("/Subject", metadata.subject)
        set("/Producer", "qpdf \(String(cString: qpdf_get_qpdf_version())), pages drawn by cairo")
        if let d = metadata.created {
            let date = "D:" + "\(d)".replacingOccurrences(of: "-", with: "") + "000000"
            qpdf_oh_replace_key(output, info, "/CreationDate", qpdf_oh_new_string(output, date))
            qpdf_oh_replace_key(output, info, "/ModDate", qpdf_oh_new_string(output, date))
        }
        qpdf_oh_replace_key(output, qpdf_get_trailer(output), "/Info", qpdf_make_indirect_object(output, info))
        let tmp = path + ".part"
        do {
            try check(output, qpdf_init_write(output, tmp), "create \(tmp)")
            qpdf_set_deterministic_ID(output, QPDF_TRUE)
            qpdf_set_object_stream_mode(output, qpdf_o_preserve)
            try check(output, qpdf_write(output), "write \(tmp)")
            try CertificateRenderer.replace(path, with: tmp)
        } catch {
            unlink(tmp)
            throw error
        }
    }

    private func check(_ q: qpdf_data, _ code: QPDF_ERROR_CODE, _ what: String) throws {
        guard code & QPDF_ERRORS != 0 || qpdf_has_error(q) != QPDF_FALSE else { return }
        var message = "qpdf could not \(what)"
        if qpdf_has_error(q) != QPDF_FALSE, let e = qpdf_get_error(q), let text = qpdf_get_error_full_text(q, e) {
            message += ": " + String(cString: text)
        }
        throw RenderError.output(path: what, message: message)
    }
}
