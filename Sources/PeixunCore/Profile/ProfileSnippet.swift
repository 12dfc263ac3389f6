/// The profile text `inspect` proposes for what it could not place or recognise (CONTRACT §7):
/// one section per table that needs one, with the guesses it could make and a `?` where a
/// clerk must fill in a name.
struct ProfileSnippet {
    let inspection: ExportInspection
    let profile: ExportProfile

    var text: String {
        let sections = ExportTable.allCases.compactMap(section)
        guard !sections.isEmpty else { return "" }
        return sections.joined(separator: "\n\n") + "\n"
    }

    static func quote(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    func section(_ table: ExportTable) -> String? {
        let layout = profile.layout(table)
        let claimed = inspection.files.filter { $0.table == table }
        let guessed = inspection.files.filter { $0.table == nil && $0.guessedTable == table }
        var lines: [String] = []
        // Files: the guessed ones when the table has none of its own.
        let files = claimed.isEmpty ? guessed : claimed
        if claimed.isEmpty {
            if guessed.isEmpty {
                lines.append("files = [\"?\"]  # no file looks like \(table.englishName) (\(table.chineseName)): name its files")
            } else {
                lines.append("files = [\(Self.quote(ColumnGuess.pattern(for: guessed.map(\.fileName))))]  # "
                             + guessed.map(\.fileName).joined(separator: ", "))
            }
        }
        // Columns: those the files lack under the names they are looked for by.
        var pairs: [String] = []
        var seen = Set<String>()
        for file in files {
            for c in file.columns where !seen.contains(c.column) {
                if c.header == nil, c.required || (claimed.isEmpty && c.guess != nil) {
                    seen.insert(c.column)
                    pairs.append("\(Self.quote(c.column)) = \(Self.quote(c.guess ?? "?"))")
                } else if claimed.isEmpty, let h = c.header, h != c.column {
                    seen.insert(c.column)
                    pairs.append("\(Self.quote(c.column)) = \(Self.quote(h))")
                }
            }
        }
        if !pairs.isEmpty {
            lines.append("columns = { " + pairs.joined(separator: ", ") + " }")
            let unused = Array(Set(files.flatMap(\.unusedHeaders)).subtracting(files.flatMap { $0.columns.compactMap(\.guess) })).sorted()
            if !unused.isEmpty { lines.append("# headers left unused: " + unused.joined(separator: ", ")) }
        }
        lines += valueLines(table, files, layout)
        guard lines.contains(where: { !$0.hasPrefix("#") }) else { return nil }
        return "[\(table.rawValue)]\n" + lines.joined(separator: "\n")
    }

    /// Spellings, units and time formats for the values nothing recognised.
    func valueLines(_ table: ExportTable, _ files: [ExportInspection.File], _ layout: TableLayout) -> [String] {
        var lines: [String] = []
        var formats: [String] = []
        var unreadTimes: [String] = []
        for column in table.columns {
            let found = files.flatMap { $0.columns.filter { $0.column == column } }
            var counts: [String: Int] = [:]
            var order: [String] = []
            for c in found {
                for (v, n) in c.unrecognised {
                    if counts[v] == nil { order.append(v) }
                    counts[v, default: 0] += n
                }
            }
            let listed = order.map { "\($0.isEmpty ? "(empty)" : $0) (\(counts[$0] ?? 0))" }.joined(separator: ", ")
            switch ValueCheck.kind(table, column) {
            case .closed(let values, _) where !order.isEmpty:
                lines.append("values.\(Self.quote(column)) = { " + values.map { "\(Self.quote($0)) = [\"?\"]" }.joined(separator: ", ") + " }")
                lines.append("# \(column) values not recognised: \(listed)")
            case .time where !order.isEmpty:
                for v in order { for f in ColumnGuess.timeFormats(reading: v) where !formats.contains(f) { formats.append(f) } }
                unreadTimes += order.filter { ColumnGuess.timeFormats(reading: $0).isEmpty }
            case .hours:
                let header = found.compactMap(\.header).first ?? found.compactMap(\.guess).first ?? ""
                if layout.minutesPerHour == nil, header.contains("分钟") || header.lowercased().contains("min") {
                    lines.append("minutes_per_hour = 45  # '\(header)' holds minutes: how many make one 学时 on this platform?")
                }
                if !order.isEmpty { lines.append("# 学时 values not read as numbers: \(listed)") }
            case .id where !order.isEmpty:
                lines.append("# invalid 身份证号 (left out as anomalies, no mapping helps): \(listed)")
            default:
                break
            }
        }
        if !formats.isEmpty {
            lines.append("time_formats = [" + (layout.timeFormats.map(\.pattern) + formats).map(Self.quote).joined(separator: ", ") + "]")
        }
        if !unreadTimes.isEmpty {
            lines.append("# times no known format reads (write a time_formats entry, e.g. \"%Y年%m月%d日 %H:%M\"): "
                         + unreadTimes.prefix(5).joined(separator: ", "))
        }
        return lines
    }
}
