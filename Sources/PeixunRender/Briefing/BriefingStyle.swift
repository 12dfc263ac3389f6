/// Fonts, colours and sizes of the briefings: one place, so the 坊 briefings
/// and the programme summary look like one series.
enum BriefingStyle {
    /// LXGW WenKai first (TrueType, cheap to subset per file), Noto Serif CJK
    /// SC for what it lacks. Briefings accept any other installed face for a
    /// rare character rather than fail the run.
    static let families = TextStyle.defaultFamilies

    static let ink = Color(red: 0.13, green: 0.13, blue: 0.15)
    static let muted = Color(red: 0.42, green: 0.42, blue: 0.46)
    static let rule = Color(red: 0.78, green: 0.79, blue: 0.82)
    static let accent = Color(red: 0.11, green: 0.33, blue: 0.58)
    static let accentLight = Color(red: 0.86, green: 0.91, blue: 0.97)
    static let pass = Color(red: 0.16, green: 0.52, blue: 0.31)
    static let warn = Color(red: 0.85, green: 0.55, blue: 0.10)
    static let alert = Color(red: 0.78, green: 0.16, blue: 0.14)
    static let stripe = Color(red: 0.96, green: 0.965, blue: 0.975)
    static let headerFill = Color(red: 0.90, green: 0.92, blue: 0.95)

    static func text(_ size: Double, weight: TextStyle.Weight = .regular, color: Color = ink,
                     alignment: TextStyle.Alignment = .left,
                     vertical: TextStyle.VerticalAlignment = .top) -> TextStyle {
        TextStyle(families: families, size: size, weight: weight, color: color, alignment: alignment,
                  verticalAlignment: vertical, lineSpacing: 1.0, allowUnlistedFallback: true)
    }

    static let body = text(9.5)
    static let small = text(8, color: muted)
    static let cell = text(8.5)
    static let cellHeader = text(8.5, weight: .bold)
    static let section = text(12, weight: .bold, color: accent)
    static let title = text(18, weight: .bold)
}
