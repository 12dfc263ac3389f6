internal import CPangoCairo
import PeixunCore

/// Document information written into the PDF. `created` fixes both the
/// creation and modification dates, so identical input gives identical bytes.
public struct PDFMetadata: Sendable, Equatable {
    public var title: String
    public var author: String
    public var creator: String
    public var subject: String
    /// The creation date (midnight, no time zone) — usually the issue date.
    public var created: CivilDate?
    public init(title: String = "", author: String = "", creator: String = "peixun",
                subject: String = "", created: CivilDate? = nil) {
        self.title = title; self.author = author; self.creator = creator
        self.subject = subject; self.created = created
    }
}

/// A PDF file being written by Cairo. Draw on `canvas`, call `endPage()`
/// after each page and `finish()` once at the end; the file is complete only
/// after `finish()` returned without throwing.
public final class PDFDocument {
    private let surface: OpaquePointer
    /// The drawing context of the current page.
    public let canvas: Canvas
    public let path: String
    public private(set) var pageSize: SizeMM
    public private(set) var pageCount = 0
    private var finished = false

    /// Creates (or truncates) the PDF file at `path` with the first page's size in mm.
    public init(path: String, pageSize: SizeMM, metadata: PDFMetadata = PDFMetadata()) throws {
        guard let s = cairo_pdf_surface_create(path, Units.pt(mm: pageSize.width), Units.pt(mm: pageSize.height)) else {
            throw RenderError.cairo(what: "create PDF surface \(path)", status: "NULL")
        }
        do {
            try check(cairo_surface_status(s), "create PDF surface \(path)")
        } catch {
            cairo_surface_destroy(s)
            throw error
        }
        surface = s
        self.path = path
        self.pageSize = pageSize
        cairo_pdf_surface_restrict_to_version(s, CAIRO_PDF_VERSION_1_5)
        func set(_ key: cairo_pdf_metadata_t, _ value: String) {
            if !value.isEmpty { cairo_pdf_surface_set_metadata(s, key, value) }
        }
        set(CAIRO_PDF_METADATA_TITLE, metadata.title)
        set(CAIRO_PDF_METADATA_AUTHOR, metadata.author)
        set(CAIRO_PDF_METADATA_CREATOR, metadata.creator)
        set(CAIRO_PDF_METADATA_SUBJECT, metadata.subject)
        if let d = metadata.created {
            let iso = "\(d)T00:00:00"
            set(CAIRO_PDF_METADATA_CREATE_DATE, iso)
            set(CAIRO_PDF_METADATA_MOD_DATE, iso)
        }
        canvas = try Canvas(surface: s, pageSize: pageSize)
    }

    /// Ends the current page; the next drawing starts a new page of `nextSize`
    /// (default: the same size).
    public func endPage(nextSize: SizeMM? = nil) throws {
        canvas.showPage()
        pageCount += 1
        if let size = nextSize, size != pageSize {
            cairo_pdf_surface_set_size(surface, Units.pt(mm: size.width), Units.pt(mm: size.height))
            pageSize = size
            canvas.pageSize = size
        }
        try check(cairo_surface_status(surface), "end page \(pageCount) of \(path)")
    }

    /// Writes the rest of the file and closes it. Throws if anything failed
    /// while drawing or writing (e.g. a full disk).
    public func finish() throws {
        guard !finished else { return }
        finished = true
        try canvas.checkStatus("draw \(path)")
        cairo_surface_finish(surface)
        try check(cairo_surface_status(surface), "finish \(path)")
    }

    deinit {
        // The canvas (cairo_t) holds its own reference to the surface.
        cairo_surface_destroy(surface)
    }
}
