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
    /// The registry has recorded another key than the one at `keyPath`.
    case keyMismatch(registry: String, pinned: PinnedKey, keyPath: String, origin: String, found: String, retired: Bool)
    /// No key file at `keyPath`, but the registry holds certificates (made with
    /// `pinned`, when it has recorded one): a new key would void them all.
    case keyMissingForRegistry(registry: String, pinned: PinnedKey?, keyPath: String, origin: String, certificates: Int)
    /// `key rotate` to a key the registry already knows.
    case keyAlreadyRecorded(registry: String, key: PinnedKey, isCurrent: Bool)
    /// `key rotate` while some certificates have no stored code.
    case codesNotStored(registry: String, certificates: Int)

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
        case let .keyMismatch(registry, pinned, keyPath, origin, found, retired):
            return "校验密钥与登记库不符 wrong verification key for \(registry): nothing was written.\n"
                + "  the registry's key:  \(pinned.summary)\n"
                + "  this run's key:      \(found) at \(keyPath)\(origin.isEmpty ? "" : " (\(origin))")"
                + (retired ? " — a key this registry has retired by key rotate" : "") + "\n"
                + "  Run with the registry's key (--key FILE or PEIXUN_KEY_FILE=FILE); to change keys on purpose, "
                + "run 'peixun key rotate --registry \(registry) --key NEWFILE' first (certificates already printed stay valid)."
        case let .keyMissingForRegistry(registry, pinned, keyPath, origin, certificates):
            return "找不到校验密钥 no verification key at \(keyPath)\(origin.isEmpty ? "" : " (\(origin))"), "
                + "but \(registry) holds \(certificates) certificates: nothing was written, and no new key was made "
                + "(it would turn every printed code into 伪造 FORGED).\n"
                + (pinned.map { "  the registry's key:  \($0.summary)\n" } ?? "")
                + "  Run with that key (--key FILE or PEIXUN_KEY_FILE=FILE); if it is lost for good, make a new one with "
                + "'peixun key rotate --registry \(registry) --key NEWFILE'."
        case let .keyAlreadyRecorded(registry, key, isCurrent):
            return "该密钥已登记 \(registry) already has key \(key.summary)"
                + (isCurrent ? "; it is the current key, nothing to rotate" : "; a retired key cannot become current again: make a new key file")
        case let .codesNotStored(registry, certificates):
            return "登记库尚未保存校验码 \(certificates) certificates in \(registry) have no stored code yet "
                + "(a registry from before key pinning): run 'peixun run' once with the current key, then rotate"
        }
    }
}
