/// What a certificate page contains.
public enum RenderMode: Sendable, Equatable, Hashable {
    /// The whole certificate: background, border, ornaments, text, QR code, seal.
    case full
    /// Only the variable text and QR code, shifted by (dx, dy) mm, for
    /// pre-printed certificate paper (`--overlay --offset-mm X,Y`).
    case overlay(dx: Double, dy: Double)
}
