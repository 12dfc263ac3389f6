/// Glob patterns on file names (CONTRACT §7 `files`): `*` any run of characters, `?` one
/// character, anything else itself. A pattern matches a file's full name or its base name, so
/// `学员信息表*` takes `学员信息表.csv` and `学员信息表_第2页.xlsx`.
enum FileGlob {
    static func matches(_ pattern: String, fileName: String) -> Bool {
        if match(Array(pattern), Array(fileName)) { return true }
        guard let dot = fileName.lastIndex(of: ".") else { return false }
        return match(Array(pattern), Array(fileName[..<dot]))
    }

    /// Iterative wildcard matching with one backtrack point (linear for `*` runs).
    static func match(_ p: [Character], _ s: [Character]) -> Bool {
        var i = 0, j = 0
        var star = -1, mark = 0
        while j < s.count {
            if i < p.count && (p[i] == "?" || (p[i] != "*" && p[i] == s[j])) {
                i += 1; j += 1
            } else if i < p.count && p[i] == "*" {
                star = i; mark = j; i += 1
            } else if star >= 0 {
                i = star + 1; mark += 1; j = mark
            } else {
                return false
            }
        }
        while i < p.count && p[i] == "*" { i += 1 }
        return i == p.count
    }
}
