/// Why a sample export could not be written.
public enum SampleError: Error, Equatable, CustomStringConvertible {
    /// `--people` outside 1...SampleGenerator.maximumPeople.
    case peopleOutOfRange(Int, maximum: Int)
    /// The output folder holds files and overwriting was not asked for.
    case directoryNotEmpty(String)
    /// The output path exists and is not a folder.
    case notADirectory(String)
    /// Creating, writing or renaming a file failed.
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case let .peopleOutOfRange(n, maximum):
            return "the number of people must be between 1 and \(maximum) (got \(n))"
        case let .directoryNotEmpty(path):
            return "\(path) is not empty; choose an empty folder or pass --force to overwrite"
        case let .notADirectory(path):
            return "\(path) exists and is not a folder"
        case let .writeFailed(path, reason):
            return "cannot write \(path): \(reason)"
        }
    }
}
