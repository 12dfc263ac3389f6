import Foundation
import PeixunCore

/// What `CertificateRenderer.writeAll` produces.
public struct CertificateOutputOptions: Sendable {
    public var mode: RenderMode
    /// One PDF per person under `certificates/<kind>/<区县>/<单位>/`.
    public var perPerson: Bool
    /// One print PDF per 区县 (`certificates/print/<kind>/<区县>.pdf`).
    public var mergedByCounty: Bool
    /// One print PDF per 单位 (`certificates/print/<kind>/<区县>/<单位>.pdf`).
    public var mergedBySchool: Bool
    /// A 区县's print file holds at most this many pages, in whole 单位 (one 单位 larger than that
    /// is a volume of its own): more make `<区县>-第1册.pdf`, `-第2册.pdf` … in print order. A box
    /// of paper per volume at the printer's, and a correction redoes only its volume.
    public var volumePages = CertificateOutputOptions.defaultVolumePages
    public static let defaultVolumePages = 2_000
    /// Parallel workers (default: the active processor count).
    public var workers: Int
    /// Called (from any thread, serialised) with pages done and pages in total.
    public var progress: (@Sendable (Int, Int) -> Void)?
    /// Files of the previous run to take over instead of drawing (reruns).
    public var reuse: OutputReuse?
    /// Called after each phase ("per-person certificates", "merged print files") with its wall time.
    public var phaseDone: (@Sendable (String, TimeInterval) -> Void)?

    public init(mode: RenderMode = .full, perPerson: Bool = true, mergedByCounty: Bool = true,
                mergedBySchool: Bool = true, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                progress: (@Sendable (Int, Int) -> Void)? = nil) {
        self.mode = mode; self.perPerson = perPerson; self.mergedByCounty = mergedByCounty
        self.mergedBySchool = mergedBySchool; self.workers = max(1, workers); self.progress = progress
    }

    public init(mode: RenderMode = .full, reuse: OutputReuse?, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                progress: (@Sendable (Int, Int) -> Void)? = nil, phaseDone: (@Sendable (String, TimeInterval) -> Void)? = nil) {
        self.init(mode: mode, workers: workers, progress: progress)
        self.reuse = reuse; self.phaseDone = phaseDone
    }
}

/// The outcome of a batch.
public struct CertificateOutputSummary: Sendable, Equatable {
    /// Per-person files written, relative to the `certificates` directory, sorted.
    public var personFiles: [String]
    /// Merged print files written, relative to the `certificates` directory, sorted.
    public var mergedFiles: [String]
    /// Certificates that could not be drawn (no file; left out of merged files), in print order.
    public var failures: [CertificateFailure]
    /// Files taken over from the previous run instead of drawn (`CertificateOutputOptions.reuse`).
    public var reused: Int = 0

    public init(personFiles: [String], mergedFiles: [String], failures: [CertificateFailure], reused: Int = 0) {
        self.personFiles = personFiles; self.mergedFiles = mergedFiles; self.failures = failures; self.reused = reused
    }
}

/// A merged print file: its path (relative to `certificates/`), title and pages; a 区县's file
/// made of its 单位 files lists them as `parts`.
struct MergedGroup {
    var file: String
    var title: String
    var items: [CertificateData]
    var parts: [String] = []
}

extension CertificateRenderer {
    private enum Job {
        case people(ArraySlice<CertificateData>)
        case merged(path: String, title: String, items: [CertificateData])
        /// A 区县's print file made of its 单位's print files (paths), after those are drawn.
        case concatenated(path: String, title: String, items: [CertificateData], parts: [String])
    }

    /// Renders `certificates` into `outputDirectory/certificates/…` on
    /// `options.workers` threads, each with its own surfaces. Failures of single
    /// certificates are collected, not thrown; an I/O error throws.
    public func writeAll(_ certificates: [CertificateData], outputDirectory: String,
                         options: CertificateOutputOptions = CertificateOutputOptions()) throws -> CertificateOutputSummary {
        let layout = CertificateOutputLayout(outputDirectory: outputDirectory)
        let sorted = CertificateOutputLayout.inPrintOrder(certificates)
        // A template whose fixed parts cannot be drawn (a label with a missing
        // glyph, an unreadable image) is the run's error, not every person's.
        for kind in CertificateKind.allCases where sorted.contains(where: { $0.kind == kind }) {
            let t = try template(for: kind)
            _ = try TemplateAssets(t).baseLayer(t)
        }

        // Unique per-person paths: a duplicate (same number and name) is a failure, not an overwrite.
        let (people, paths, duplicates) = Self.unique(sorted, layout: layout)
        let failures = duplicates.map { d, p in
            CertificateFailure(d, .output(path: p, message: "a second certificate with the same number and name"))
        }

        var jobs: [Job] = []
        // Folders as the file system names them: two spellings of one 单位 that `String` takes for
        // one (`é` precomposed and decomposed) are two folders, since each file keeps its bytes.
        var directories = Set<PathKey>()
        var total = 0
        if options.perPerson {
            // In print order a 单位's certificates of a kind are neighbours: one folder per run.
            people.withUnsafeBufferPointer { items in
                for i in items.indices {
                    let d = items.baseAddress! + i
                    if i > 0 {
                        let p = d - 1
                        if p.pointee.kind == d.pointee.kind && p.pointee.county.hasSameBytes(as: d.pointee.county)
                            && p.pointee.school.hasSameBytes(as: d.pointee.school) { continue }
                    }
                    directories.insert(PathKey(layout.root + "/" + layout.unitFolder(kind: d.pointee.kind, county: d.pointee.county,
                                                                                      school: d.pointee.school)))
                }
            }
            let chunk = max(8, min(64, people.count / (options.workers * 8) + 1))
            var start = 0
            while start < people.count {
                jobs.append(.people(people[start..<min(start + chunk, people.count)]))
                start += chunk
            }
            total += people.count
        }
        var mergedFiles: [String] = []
        for group in Self.mergedGroups(people, layout: layout, options: options) {
            let path = layout.root + "/" + group.file
            directories.insert(PathKey((path as NSString).deletingLastPathComponent))
            jobs.append(group.parts.isEmpty ? .merged(path: path, title: group.title, items: group.items)
                : .concatenated(path: path, title: group.title, items: group.items,
                                parts: group.parts.map { layout.root + "/" + $0 }))
            mergedFiles.append(group.file)
            if group.parts.isEmpty { total += group.items.count }
        }
        for dir in directories.map(\.path).sorted() { try Folders.make(dir) }
        let state = BatchState(total: total, progress: options.progress)
        let keys = try options.reuse.map { _ in try ContentKeys(self, mode: options.mode) }
        // Per-person files first, then the merged files, big ones first so no worker is left
        // with one at the end; each phase timed on its own.
        let phases: [(String, [Job])] = [
            ("per-person certificates", jobs.filter { if case .people = $0 { return true } else { return false } }),
            ("merged print files", jobs.filter { if case .merged = $0 { return true } else { return false } }.sorted { a, b in
                guard case let .merged(_, _, x) = a, case let .merged(_, _, y) = b else { return false }
                return x.count > y.count
            }),
            ("区县 print files from 单位 files", jobs.filter { if case .concatenated = $0 { return true } else { return false } }.sorted { a, b in
                guard case let .concatenated(_, _, x, _) = a, case let .concatenated(_, _, y, _) = b else { return false }
                return x.count > y.count
            }),
        ]
        for (name, phaseJobs) in phases where !phaseJobs.isEmpty {
            let started = Date()
            draw(phaseJobs, layout: layout, options: options, keys: keys, state: state)
            if let error = state.error { throw error }
            options.phaseDone?(name, Date().timeIntervalSince(started))
        }

        var personFiles: [String] = []
        if options.perPerson {
            if state.failures.isEmpty {
                personFiles = paths
            } else {
                // By bytes, as `unique` kept them: two names differing only in normalisation are two files.
                let failed = Set(state.failures.map { PathKey("\($0.kind.rawValue)|\($0.number)|\($0.name)") })
                personFiles = zip(people, paths).filter {
                    !failed.contains(PathKey("\($0.0.kind.rawValue)|\($0.0.number)|\($0.0.name)"))
                }.map(\.1)
            }
            personFiles.sort()
        }
        let merged = mergedFiles.filter { FileManager.default.fileExists(atPath: layout.root + "/" + $0) }.sorted()
        let allFailures = (failures + state.failures).sorted { a, b in
            [a.kind.rawValue, a.number, a.name].lexicographicallyPrecedes([b.kind.rawValue, b.number, b.name])
        }
        return CertificateOutputSummary(personFiles: personFiles, mergedFiles: merged, failures: allFailures,
                                        reused: state.reused)
    }

    /// The merged print files of `people` (unique, in print order): per kind, each 区县's file
    /// and its 单位's files, with their titles and pages.
    /// With both levels, a 区县's file lists its 单位 files as `parts`: it is made of them, not drawn.
    static func mergedGroups(_ people: [CertificateData], layout: CertificateOutputLayout,
                             options: CertificateOutputOptions) -> [MergedGroup] {
        // `people` is in print order, so within a kind each 区县 and each of its 单位 is one run
        // of neighbours, already in the order their files are listed.
        var groups: [MergedGroup] = []
        for kind in CertificateKind.allCases {
            let list = people.filter { $0.kind == kind }
            var countyStart = 0
            while countyStart < list.count {
                let county = list[countyStart].county
                var countyEnd = countyStart
                while countyEnd < list.count && list[countyEnd].county == county { countyEnd += 1 }
                var schoolNames: [String] = [], schoolRanges: [Range<Int>] = []
                var schoolStart = countyStart
                while schoolStart < countyEnd {
                    let school = list[schoolStart].school
                    var schoolEnd = schoolStart
                    while schoolEnd < countyEnd && list[schoolEnd].school == school { schoolEnd += 1 }
                    schoolNames.append(school); schoolRanges.append(schoolStart..<schoolEnd)
                    schoolStart = schoolEnd
                }
                let schoolFiles = schoolNames.map { layout.schoolFile(kind: kind, county: county, school: $0) }
                if options.mergedByCounty {
                    let volumes = Self.volumes(schoolRanges.map(\.count), maxPages: options.volumePages)
                    for (n, range) in volumes.enumerated() {
                        let single = volumes.count == 1
                        let pages = schoolRanges[range.lowerBound].lowerBound..<schoolRanges[range.upperBound - 1].upperBound
                        groups.append(MergedGroup(file: single ? layout.countyFile(kind: kind, county: county)
                                                      : layout.countyVolumeFile(kind: kind, county: county, volume: n + 1),
                                                  title: "\(kind.title) \(county)" + (single ? "" : " 第\(n + 1)册"),
                                                  items: Array(list[pages]), parts: options.mergedBySchool ? Array(schoolFiles[range]) : []))
                    }
                }
                if options.mergedBySchool {
                    for (i, school) in schoolNames.enumerated() {
                        groups.append(MergedGroup(file: schoolFiles[i], title: "\(kind.title) \(county) \(school)",
                                                  items: Array(list[schoolRanges[i]])))
                    }
                }
                countyStart = countyEnd
            }
        }
        return groups
    }

    /// A 区县's 单位 (their page counts, in print order) cut into volumes of whole 单位 of at most
    /// `maxPages` pages each (a bigger 单位 alone); one volume when they all fit.
    static func volumes(_ pages: [Int], maxPages: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0, filled = 0
        for (i, n) in pages.enumerated() {
            if i > start, filled + n > maxPages {
                out.append(start..<i)
                start = i; filled = 0
            }
            filled += n
        }
        if start < pages.count || out.isEmpty { out.append(start..<pages.count) }
        return out
    }

    /// The files `writeAll` writes for `certificates` when every certificate draws: per-person
    /// files (a second certificate with the same number and name left out) and merged files.
    public static func plannedFiles(_ certificates: [CertificateData],
                                    options: CertificateOutputOptions = CertificateOutputOptions()) -> CertificateOutputSummary {
        let layout = CertificateOutputLayout(outputDirectory: "")
        let (people, paths, _) = unique(CertificateOutputLayout.inPrintOrder(certificates), layout: layout)
        let merged = mergedGroups(people, layout: layout, options: options).map(\.file)
        return CertificateOutputSummary(personFiles: options.perPerson ? paths.sorted() : [],
                                        mergedFiles: merged.sorted(), failures: [])
    }

    /// `sorted` without a second certificate of the same per-person file (same number and name),
    /// with each one's file; the ones left out, with theirs.
    static func unique(_ sorted: [CertificateData], layout: CertificateOutputLayout)
        -> (people: [CertificateData], paths: [String], duplicates: [(CertificateData, String)]) {
        // The file system's notion of one file: the same bytes (`PathKey`).
        var seen = Set<PathKey>()
        seen.reserveCapacity(sorted.count)
        var people: [CertificateData] = [], paths: [String] = [], duplicates: [(CertificateData, String)] = []
        people.reserveCapacity(sorted.count); paths.reserveCapacity(sorted.count)
        for d in sorted {
            let p = layout.personFile(d)
            if seen.insert(PathKey(p)).inserted { people.append(d); paths.append(p) } else { duplicates.append((d, p)) }
        }
        return (people, paths, duplicates)
    }

    /// Draws `jobs` on `options.workers` threads, each with its own template assets;
    /// a file whose content key the previous run recorded is taken over instead.
    private func draw(_ jobs: [Job], layout: CertificateOutputLayout, options: CertificateOutputOptions,
                      keys: ContentKeys?, state: BatchState) {
        let mode = options.mode
        let reuse = options.reuse
        let workers = min(options.workers, max(1, jobs.count))
        state.rewind()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var assets: [CertificateKind: TemplateAssets] = [:]
            while let index = state.next(of: jobs.count), !state.stopped {
                do {
                    switch jobs[index] {
                    case let .people(slice):
                        // Read in place: `for d in slice` would copy every certificate (13 strings
                        // retained and released), most of which a rerun only links.
                        try slice.withUnsafeBufferPointer { people in
                            for i in people.indices {
                                let d = people.baseAddress! + i
                                let rel = layout.personFile(d.pointee)
                                let key = keys?.person(d.pointee)
                                if let reuse, let key, reuse.takeOver("certificates/" + rel, key: key) {
                                    state.advance(1, reused: 1)
                                    continue
                                }
                                let kind = d.pointee.kind
                                let t = try template(for: kind)
                                let a = try assets[kind] ?? TemplateAssets(t)
                                assets[kind] = a
                                do {
                                    try writePDF(d.pointee, to: layout.root + "/" + rel, mode: mode, assets: a)
                                    if let key { reuse?.record("certificates/" + rel, key: key) }
                                } catch let f as CertificateFailure {
                                    state.fail(f)
                                }
                                state.advance(1)
                            }
                        }
                    case let .concatenated(path, title, items, parts):
                        let rel = "certificates/" + String(path.dropFirst(layout.root.count + 1))
                        let key = keys?.concatenated(items, title: title)
                        if let reuse, let key, reuse.takeOver(rel, key: key) {
                            state.advance(0, reused: 1)
                            continue
                        }
                        // 单位 files with no certificate drawn do not exist: nothing of theirs to add.
                        let existing = parts.filter { FileManager.default.fileExists(atPath: $0) }
                        guard let first = items.first, !existing.isEmpty else { continue }
                        let merged = try PDFConcatenation()
                        for part in existing { try merged.append(fileAt: part) }
                        try merged.write(to: path, metadata: metadata(first, title: title))
                        if let key, existing.count == parts.count { reuse?.record(rel, key: key) }
                    case let .merged(path, title, items):
                        let rel = "certificates/" + String(path.dropFirst(layout.root.count + 1))
                        let key = keys?.merged(items, title: title)
                        if let reuse, let key, reuse.takeOver(rel, key: key) {
                            state.advance(items.count, reused: 1)
                            continue
                        }
                        let f = try writeMergedPDF(items, to: path, title: title, mode: mode, assets: assets)
                        // A file that left a certificate out is drawn again next time (it may draw then).
                        if f.isEmpty, let key { reuse?.record(rel, key: key) }
                        // Failures already counted by the per-person pass.
                        if !options.perPerson { f.forEach { state.fail($0) } }
                        state.advance(items.count)
                    }
                } catch {
                    state.stop(error)
                }
            }
        }
    }

    /// Writes the calibration page of `kind` to `path`.
    public func writeTestSheet(kind: CertificateKind, to path: String) throws {
        let t = try template(for: kind)
        let doc = try PDFDocument(path: path, pageSize: t.pageSize,
                                  metadata: PDFMetadata(title: "校准页 \(kind.title)", creator: creator))
        try t.drawTestSheet(on: doc.canvas)
        try doc.endPage()
        try doc.finish()
    }
}

/// Shared, locked state of one batch.
private final class BatchState: @unchecked Sendable {
    private let lock = NSLock()
    private var cursor = 0
    private var done = 0
    private(set) var reused = 0
    private let total: Int
    private let progress: (@Sendable (Int, Int) -> Void)?
    private(set) var failures: [CertificateFailure] = []
    private(set) var error: Error?

    init(total: Int, progress: (@Sendable (Int, Int) -> Void)?) { self.total = total; self.progress = progress }

    var stopped: Bool { lock.withLock { error != nil } }

    func next(of count: Int) -> Int? {
        lock.withLock {
            guard cursor < count else { return nil }
            defer { cursor += 1 }
            return cursor
        }
    }
    /// Starts handing out jobs from the first again (the next phase).
    func rewind() { lock.withLock { cursor = 0 } }
    func advance(_ n: Int, reused files: Int = 0) {
        lock.withLock {
            done += n
            reused += files
            progress?(done, total)
        }
    }
    func fail(_ f: CertificateFailure) { lock.withLock { failures.append(f) } }
    func stop(_ e: Error) { lock.withLock { if error == nil { error = e } } }
}
