/// A profile that cannot be used: the file, the key path (`courses.minutes_per_hour`) and why.
public struct ProfileError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var keyPath: String
    public var reason: String
    public init(file: String, keyPath: String, reason: String) {
        self.file = file; self.keyPath = keyPath; self.reason = reason
    }
    public var description: String {
        keyPath.isEmpty ? "profile \(file): \(reason)" : "profile \(file): \(keyPath): \(reason)"
    }
}
