internal import CPangoCairo

/// The one place a `cairo_status_t` becomes a Swift error.
func check(_ status: cairo_status_t, _ what: @autoclosure () -> String) throws {
    guard status != CAIRO_STATUS_SUCCESS else { return }
    let message = cairo_status_to_string(status).map { String(cString: $0) } ?? "status \(status.rawValue)"
    throw RenderError.cairo(what: what(), status: message)
}
