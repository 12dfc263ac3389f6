import PeixunCore

/// Where certificates go under an output directory:
/// - `certificates/<kind>/<区县>/<单位>/<number>-<name>.pdf` — one per person;
/// - `certificates/print/<kind>/<区县>.pdf` — every certificate of a 区县, by 单位 then number;
/// - `certificates/print/<kind>/<区县>/<单位>.pdf` — every certificate of a 单位, by number.
/// Every component passes through `SafeFileName`.
public struct CertificateOutputLayout: Sendable {
    /// The `certificates` directory.
    public var root: String
    public init(outputDirectory: String) {
        root = (outputDirectory.hasSuffix("/") ? String(outputDirectory.dropLast()) : outputDirectory) + "/certificates"
    }

    static func component(_ s: String) -> String {
        SafeFileName.make(s.isEmpty ? "未填写" : s)
    }

    /// `<kind>/<区县>/<单位>/<number>-<name>.pdf`, relative to `root`.
    public func personFile(_ d: CertificateData) -> String {
        // Keep room for ".pdf" within the byte limit.
        let file = SafeFileName.make("\(d.number)-\(d.name)", maxBytes: SafeFileName.maxBytes - 4) + ".pdf"
        return unitFolder(kind: d.kind, county: d.county, school: d.school) + "/" + file
    }
    /// `<kind>/<区县>/<单位>`: the folder of a 单位's per-person files, relative to `root`.
    public func unitFolder(kind: CertificateKind, county: String, school: String) -> String {
        "\(kind.rawValue)/\(Self.component(county))/\(Self.component(school))"
    }
    /// `print/<kind>/<区县>.pdf`, relative to `root`.
    public func countyFile(kind: CertificateKind, county: String) -> String {
        "print/\(kind.rawValue)/\(SafeFileName.make(county.isEmpty ? "未填写" : county, maxBytes: SafeFileName.maxBytes - 4)).pdf"
    }
    /// `print/<kind>/<区县>-第<n>册.pdf`, relative to `root`: volume `n` (from 1) of a 区县 whose
    /// certificates are split into several print files (`CertificateOutputOptions.volumePages`).
    public func countyVolumeFile(kind: CertificateKind, county: String, volume: Int) -> String {
        let suffix = "-第\(volume)册"
        let name = SafeFileName.make(county.isEmpty ? "未填写" : county, maxBytes: SafeFileName.maxBytes - 4 - suffix.utf8.count)
        return "print/\(kind.rawValue)/\(name)\(suffix).pdf"
    }
    /// The volumes of a 区县 among `files` (merged files, relative to `root`), with their numbers,
    /// in order. Tried by number as many times as `files` has names like them: a volume none of
    /// whose certificates drew is missing, so numbers can have a gap.
    public func countyVolumes(kind: CertificateKind, county: String, among files: Set<String>) -> [(Int, String)] {
        let prefix = String(countyVolumeFile(kind: kind, county: county, volume: 1).dropLast("1册.pdf".count))
        let named = files.reduce(0) { $0 + ($1.hasPrefix(prefix) ? 1 : 0) }
        var volumes: [(Int, String)] = []
        var n = 1
        while volumes.count < named && n <= files.count {
            let volume = countyVolumeFile(kind: kind, county: county, volume: n)
            if files.contains(volume) { volumes.append((n, volume)) }
            n += 1
        }
        return volumes
    }
    /// `print/<kind>/<区县>/<单位>.pdf`, relative to `root`.
    public func schoolFile(kind: CertificateKind, county: String, school: String) -> String {
        "print/\(kind.rawValue)/\(Self.component(county))/\(SafeFileName.make(school.isEmpty ? "未填写" : school, maxBytes: SafeFileName.maxBytes - 4)).pdf"
    }
    /// The calibration page of a kind, relative to `root`.
    public func testSheetFile(kind: CertificateKind) -> String { "test-sheet-\(kind.rawValue).pdf" }

    /// `list` sorted by `printOrder` (stable). The indices are sorted, not the certificates:
    /// moving a certificate copies its dozen strings, which at 100,000 people cost seconds.
    /// Each distinct 区县 and 单位 is ranked once, in `String` order (canonical equivalence, as
    /// `printOrder` compares): most comparisons then end on two integers instead of two Chinese
    /// strings, each compared through Unicode normalisation.
    public static func inPrintOrder(_ list: [CertificateData]) -> [CertificateData] {
        guard list.count > 1 else { return list }
        return list.withUnsafeBufferPointer { items in
            // Compared in place, field by field: `items[i]` would copy the certificate first.
            let base = items.baseAddress!
            let counties = ranks(items) { $0.pointee.county }, schools = ranks(items) { $0.pointee.school }
            return items.indices.sorted { i, j in
                let a = base + i, b = base + j
                if a.pointee.kind != b.pointee.kind { return a.pointee.kind.rawValue < b.pointee.kind.rawValue }
                if counties[i] != counties[j] { return counties[i] < counties[j] }
                if schools[i] != schools[j] { return schools[i] < schools[j] }
                if a.pointee.number != b.pointee.number { return a.pointee.number < b.pointee.number }
                return a.pointee.name < b.pointee.name
            }.map { items[$0] }
        }
    }

    /// For each certificate of `items`, the rank of its `field` among the distinct values of
    /// `items` in `String` order (equal strings, by `==`, share a rank).
    static func ranks(_ items: UnsafeBufferPointer<CertificateData>,
                      _ field: (UnsafePointer<CertificateData>) -> String) -> [Int32] {
        var index: [String: Int32] = [:]
        var distinct: [String] = []
        var ids = [Int32](repeating: 0, count: items.count)
        var last: (value: String, id: Int32)?
        for i in items.indices {
            let value = field(items.baseAddress! + i)
            // Neighbours mostly share a 区县 and 单位 (the roster is in their order): no hashing then.
            if let last, last.value == value { ids[i] = last.id; continue }
            let id: Int32
            if let known = index[value] { id = known } else {
                id = Int32(distinct.count)
                index[value] = id
                distinct.append(value)
            }
            ids[i] = id
            last = (value, id)
        }
        var rankOf = [Int32](repeating: 0, count: distinct.count)
        for (rank, id) in distinct.indices.sorted(by: { distinct[$0] < distinct[$1] }).enumerated() {
            rankOf[id] = Int32(rank)
        }
        return ids.map { rankOf[Int($0)] }
    }

    /// The print order: kind, 区县, 单位, number, name (plain string order: stable).
    public static func printOrder(_ a: CertificateData, _ b: CertificateData) -> Bool {
        // Field by field, as `[kind, county, school, number, name].lexicographicallyPrecedes`
        // would, without building two arrays per comparison.
        if a.kind != b.kind { return a.kind.rawValue < b.kind.rawValue }
        if a.county != b.county { return a.county < b.county }
        if a.school != b.school { return a.school < b.school }
        if a.number != b.number { return a.number < b.number }
        return a.name < b.name
    }
}
