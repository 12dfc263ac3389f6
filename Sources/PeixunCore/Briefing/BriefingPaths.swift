/// Where the briefings go: `briefings/<区县>/<坊>.pdf` (and `.md`), with
/// names made safe for any file system the centre may copy them to.
public enum BriefingPaths {
    /// A path component from a 区县 or 坊 name: `/ \ : * ? " < > |` and
    /// control characters become `_`, leading dots and spaces are dropped,
    /// and an empty result becomes `fallback`. At most 80 characters.
    public static func component(_ name: String, fallback: String) -> String {
        var out = String(name.map { ch -> Character in
            if "/\\:*?\"<>|".contains(ch) { return "_" }
            if ch.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return "_" }
            return ch
        })
        while let first = out.first, first == "." || first == " " { out.removeFirst() }
        while let last = out.last, last == " " || last == "." { out.removeLast() }
        if out.count > 80 { out = String(out.prefix(80)) }
        return out.isEmpty ? fallback : out
    }

    /// `魏都区/初中数学一坊` — relative to the `briefings` folder, without extension.
    /// `taken` holds the stems used so far (case-folded), so two 坊 whose
    /// names clean up alike get `-2`, `-3`.
    public static func stem(county: String, className: String, taken: inout Set<String>) -> String {
        let base = component(county, fallback: "未填区县") + "/" + component(className, fallback: "未命名坊")
        var candidate = base
        var n = 2
        while taken.contains(candidate.lowercased()) {
            candidate = base + "-\(n)"
            n += 1
        }
        taken.insert(candidate.lowercased())
        return candidate
    }
}
