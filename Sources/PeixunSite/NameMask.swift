/// 姓名脱敏 — a name as the public verification site shows it: the first and
/// the last character kept, every one between them a `*` (马*敏, 欧**敏); a
/// two-character name keeps its first (马*); one character is shown as `*`.
public enum NameMask {
    public static func mask(_ name: String) -> String {
        let chars = Array(name.trimmingCharacters(in: .whitespaces))
        switch chars.count {
        case 0: return ""
        case 1: return "*"
        case 2: return String(chars[0]) + "*"
        default: return String(chars[0]) + String(repeating: "*", count: chars.count - 2) + String(chars[chars.count - 1])
        }
    }
}
