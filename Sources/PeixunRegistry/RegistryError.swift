import PeixunCore

/// What can go wrong with the registry or the verification key.
public enum RegistryError: Error, Equatable, CustomStringConvertible {
    /// The scheme's `certificates.number_format` cannot be used.
    case badNumberFormat(pattern: String, reason: String)
    /// The scheme's `kind_codes` has no code for a kind that is issued.
    case missingKindCode(CertificateKind)
    /// The programme code is empty.
    case missingProgrammeCode
    /// The number format or the kind codes differ from those the programme's
    /// existing certificates were numbered with.
    case numberFormatChanged(programme: String, registered: String, scheme: String)
    /// A freshly formatted number is already held by another certificate.
    case numberCollision(number: String)
    /// The registry file is locked by another process for longer than the timeout.
    case busy(path: String)
    /// SQLite or the file system failed.
    case database(path: String, message: String)
    /// The key file exists but cannot be used.
    case badKeyFile(path: String, reason: String)
    /// `verify` needs the key that signed the certificates; none is at `path`.
    case keyFileMissing(path: String)
    /// The key file would land inside the output folder.
    case keyInsideOutput(keyPath: String, outputFolder: String)

    public var description: String {
        switch self {
        case let .badNumberFormat(pattern, reason):
            return "证书编号格式无效 bad certificate number format \"\(pattern)\": \(reason)"
        case let .missingKindCode(kind):
            return "方案缺少证书类别代码 the scheme's certificates.kind_codes has no code for \(kind.rawValue) (\(kind.title))"
        case .missingProgrammeCode:
            return "方案缺少项目代码 the scheme's programme code is empty"
        case let .numberFormatChanged(programme, registered, scheme):
            return "证书编号格式与已发证书不一致 programme \(programme): certificates were numbered with \(registered), "
                + "the scheme now says \(scheme); numbers never change once issued — restore the format or use a new programme code"
        case let .numberCollision(number):
            return "证书编号冲突 certificate number \(number) is already taken by another certificate"
        case let .busy(path):
            return "证书登记库正被另一进程使用 the certificate registry \(path) is locked by another peixun process; try again when it has finished"
        case let .database(path, message):
            return "证书登记库错误 certificate registry \(path): \(message)"
        case let .badKeyFile(path, reason):
            return "校验密钥文件不可用 verification key file \(path): \(reason)"
        case let .keyFileMissing(path):
            return "找不到校验密钥 no verification key at \(path) (it is created by the run that issues certificates; pass --key or set PEIXUN_KEY_FILE)"
        case let .keyInsideOutput(keyPath, outputFolder):
            return "校验密钥不得放在输出目录中 the verification key \(keyPath) must not be inside the output folder \(outputFolder)"
        }
    }
}
