import Foundation
import Testing
@testable import PeixunRender
import PeixunCore

/// The print order and the merged groups, checked against the plain ways of writing them
/// (sort the certificates, group them in dictionaries) on shuffled batches with ties.
@Suite struct PrintOrderTests {
    /// A batch with repeated 区县, 单位, numbers and names, in a seeded shuffle.
    func batch(_ count: Int, seed: UInt64) -> [CertificateData] {
        var rng = SplitMix(state: seed)
        let counties = ["魏都区", "建安区", "禹州市", "长葛市"], schools = ["第一中学", "实验小学", "第二中学", "希望小学", "一中"]
        let kinds = CertificateKind.allCases
        return (0..<count).map { i in
            sampleCertificate(kind: kinds[Int(rng.next() % UInt64(kinds.count))],
                              name: ["张三", "李四", "王五"][Int(rng.next() % 3)] + String(i % 7),
                              number: String(format: "XC-%03d", Int(rng.next() % 50)),
                              school: schools[Int(rng.next() % UInt64(schools.count))],
                              county: counties[Int(rng.next() % UInt64(counties.count))])
        }
    }

    @Test(arguments: [1, 2, 3, 4])
    func inPrintOrderIsTheStableSort(seed: UInt64) {
        let list = batch(600, seed: seed)
        let expected = list.sorted(by: CertificateOutputLayout.printOrder)
        #expect(CertificateOutputLayout.inPrintOrder(list) == expected)
        // Stable: of certificates equal in every sorted field, the first given comes first.
        let tied = [sampleCertificate(name: "甲", number: "1"), sampleCertificate(name: "甲", number: "1")]
            .enumerated().map { i, d in var d = d; d.maskedID = "id\(i)"; return d }
        #expect(CertificateOutputLayout.inPrintOrder(tied.reversed()).map(\.maskedID) == ["id1", "id0"])
    }

    /// What `mergedGroups` gave when it grouped with dictionaries: per kind, 区县 in order, the
    /// 区县's volumes, then its 单位 files.
    func reference(_ people: [CertificateData], layout: CertificateOutputLayout, options: CertificateOutputOptions) -> [MergedGroup] {
        var groups: [MergedGroup] = []
        let byKind = Dictionary(grouping: people, by: \.kind)
        for kind in CertificateKind.allCases {
            guard let list = byKind[kind] else { continue }
            let counties = Dictionary(grouping: list, by: \.county)
            for county in counties.keys.sorted() {
                let schools = Dictionary(grouping: counties[county] ?? [], by: \.school)
                let names = schools.keys.sorted()
                let files = names.map { layout.schoolFile(kind: kind, county: county, school: $0) }
                let volumes = CertificateRenderer.volumes(names.map { schools[$0]?.count ?? 0 }, maxPages: options.volumePages)
                for (n, range) in volumes.enumerated() {
                    let single = volumes.count == 1
                    groups.append(MergedGroup(file: single ? layout.countyFile(kind: kind, county: county)
                                                  : layout.countyVolumeFile(kind: kind, county: county, volume: n + 1),
                                              title: "\(kind.title) \(county)" + (single ? "" : " 第\(n + 1)册"),
                                              items: names[range].flatMap { schools[$0] ?? [] }, parts: Array(files[range])))
                }
                for (school, file) in zip(names, files) {
                    groups.append(MergedGroup(file: file, title: "\(kind.title) \(county) \(school)", items: schools[school] ?? []))
                }
            }
        }
        return groups
    }

    @Test(arguments: [(5, 7), (6, 40), (7, 2_000)])
    func mergedGroupsAreTheDictionaryGrouping(seed: UInt64, volumePages: Int) {
        let people = CertificateOutputLayout.inPrintOrder(batch(500, seed: seed))
        let layout = CertificateOutputLayout(outputDirectory: "/o")
        var options = CertificateOutputOptions()
        options.volumePages = volumePages
        let got = CertificateRenderer.mergedGroups(people, layout: layout, options: options)
        let want = reference(people, layout: layout, options: options)
        #expect(got.count == want.count)
        #expect(got.map(\.file) == want.map(\.file))
        #expect(got.map(\.title) == want.map(\.title))
        #expect(got.map(\.items) == want.map(\.items))
        #expect(got.map(\.parts) == want.map(\.parts))
        if volumePages == 7 { #expect(got.contains { $0.file.contains("-第2册") }) }  // volumes were made
    }
}

/// A small seeded generator (SplitMix64), so a failing case can be rerun.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
