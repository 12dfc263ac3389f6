internal import CXlsxWriter

/// A libxlsxwriter failure, as a Swift error. Every `lxw_error` the library
/// can return maps to one `Code`; `operation` names the call that failed.
public struct XlsxError: Error, Equatable, CustomStringConvertible {
    /// libxlsxwriter's error codes (`lxw_error`), one case each.
    public enum Code: Int, Sendable, Equatable, CaseIterable {
        case memoryMallocFailed = 1
        case creatingXlsxFile
        case creatingTmpfile
        case readingTmpfile
        case zipFileOperation
        case zipParameterError
        case zipBadZipFile
        case zipInternalError
        case zipFileAdd
        case zipClose
        case featureNotSupported
        case nullParameterIgnored
        case parameterValidation
        case sheetnameLengthExceeded
        case invalidSheetnameCharacter
        case sheetnameStartEndApostrophe
        case sheetnameAlreadyUsed
        case string32LengthExceeded
        case string128LengthExceeded
        case string255LengthExceeded
        case maxStringLengthExceeded
        case sharedStringIndexNotFound
        case worksheetIndexOutOfRange
        case worksheetMaxURLLengthExceeded
        case worksheetMaxNumberURLsExceeded
        case imageDimensions
        /// A code this wrapper does not know (a newer libxlsxwriter), or a
        /// failure signalled by a NULL result rather than a code.
        case unknown = 9999
    }

    public var code: Code
    /// The wrapper call that failed, e.g. `write(string:) at row 3, column 5`.
    public var operation: String
    /// libxlsxwriter's own message (`lxw_strerror`).
    public var message: String

    public init(code: Code, operation: String, message: String) {
        self.code = code; self.operation = operation; self.message = message
    }

    public var description: String { "xlsx: \(operation): \(message)" }
}

/// The one place a libxlsxwriter status becomes a thrown error.
@inline(__always)
func check(_ status: lxw_error, _ operation: @autoclosure () -> String) throws(XlsxError) {
    if status == LXW_NO_ERROR { return }
    throw makeError(status, operation())
}

@inline(never)
func makeError(_ status: lxw_error, _ operation: String) -> XlsxError {
    XlsxError(libraryCode: Int(status.rawValue), operation: operation)
}

extension XlsxError {
    /// The error for a raw `lxw_error` value, with libxlsxwriter's message.
    init(libraryCode raw: Int, operation: String) {
        let code = Code(rawValue: raw) ?? .unknown
        let message: String
        if raw > 0, raw < Int(LXW_MAX_ERRNO.rawValue), let text = lxw_strerror(lxw_error(rawValue: UInt32(raw))) {
            message = String(cString: text)
        } else {
            message = "libxlsxwriter error \(raw)"
        }
        self.init(code: code, operation: operation, message: message)
    }

    /// One past the last code this libxlsxwriter defines.
    static var libraryCodeLimit: Int { Int(LXW_MAX_ERRNO.rawValue) }
}
