/// CSV writing that a spreadsheet cannot turn into a formula.
public enum CSVText {
    /// Quotes a field when needed and defuses formula injection: a field
    /// starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`.
    public static func field(_ s: String) -> String {
        var v = s
        if let f = v.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(f) { v = "'" + v }
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }

    /// A numeric field written by the program itself (not user text).
    public static func number(_ s: String) -> String { s }

    public static func row(_ fields: [String]) -> String { fields.joined(separator: ",") + "\r\n" }
}
