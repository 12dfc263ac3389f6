/// A scheme file that cannot be used, naming the key path and the reason
/// (`modules[2].points: must be > 0`).
public struct SchemeError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var keyPath: String
    public var reason: String
    public init(file: String, keyPath: String, reason: String) {
        self.file = file; self.keyPath = keyPath; self.reason = reason
    }
    public var description: String {
        keyPath.isEmpty ? "\(file): \(reason)" : "\(file): \(keyPath): \(reason)"
    }
}
