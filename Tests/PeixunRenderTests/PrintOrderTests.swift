import Foundation
import Testing
@testable import PeixunRender
import PeixunCore

/// The print order and the merged groups, checked against the plain ways of writing them
/// (sort the certificates, group them in dictionaries) on mixed batches with ties.
@Suite struct PrintOrderTests {
    /// A batch with repeated 区县, 单位, numbers and names, in an order mixed by `seed` (each field
    /// cycles with its own prime step, so the ties fall differently for every seed).
    func batch(_ count: Int, seed: Int) -> [CertificateData] {
        let counties = ["魏都区", "建安区", "禹州市", "长葛市"], schools = ["第一中学", "实验小学", "第二中学", "希望小学", "一中"]
        let kinds = CertificateKind.allCases
        return (0..<count).map { n in
            let i = (n * 7_919 + seed * 104_729) % 1_000_003
            return sampleCertificate(kind: kinds[(i / 3 + seed) % kinds.count], name: ["张三", "李四", "王五"][(i / 7) % 3] + String(i % 7),
                                     number: String(format: "XC-%03d", (i * 31) % 50), school: schools[(i / 11 + seed) % schools.count],
                                     county: counties[(i / 13) % counties.count])
        }
    }

    @Test(arguments: [1, 2, 3, 4])
    func inPrintOrderIsTheStableSort(seed: Int) {
        let list = batch(600, seed: seed)
        let expected = list.sorted(by: CertificateOutputLayout.printOrder)
        #expect(CertificateOutputLayout.inPrintOrder(list) == expected)
        // Stable: of certificates equal in every sorted field, the first given comes first.
        let tied = [sampleCertificate(name: "甲", number: "1"), sampleCertificate(name: "甲", number: "1")]
            .enumerated().map { i, d in var d = d; d.maskedID = "id\(i)"; return d }
        #expect(CertificateOutputLayout.inPrintOrder(tied.reversed()).map(\.maskedID) == ["id1", "id0"])
    }

    /// 区县 and 单位 spelled in two normalisations (`é` precomposed, `e` + U+0301) are one place to
    /// `String`, as `printOrder` compares: the ranks the sort uses must say so too.
    @Test func canonicallyEqualPlacesSortAsOne() {
        let composed = "Caf\u{E9}", decomposed = "Cafe\u{301}"
        let schools: [String] = [composed, decomposed, "Cafa"]
        let counties: [String] = [composed + "区", decomposed + "区"]
        let list: [CertificateData] = (0..<40).map { (i: Int) -> CertificateData in
            sampleCertificate(kind: .completion, name: "张" + String(i % 5), number: String(format: "N-%02d", 39 - i),
                              school: schools[i % 3], county: counties[i % 2])
        }
        #expect(CertificateOutputLayout.inPrintOrder(list) == list.sorted(by: CertificateOutputLayout.printOrder))
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
    func mergedGroupsAreTheDictionaryGrouping(seed: Int, volumePages: Int) {
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

    @Test func aCountysVolumesAreFoundWithAGapAndNothingElse() {
        let layout = CertificateOutputLayout(outputDirectory: "")
        let files: Set<String> = ["print/completion/东城区-第1册.pdf", "print/completion/东城区-第2册.pdf",
                                  "print/completion/东城区-第4册.pdf", "print/completion/东城区/第一中学.pdf",
                                  "print/completion/东城区-第二.pdf", "print/excellent_trainee/东城区-第3册.pdf",
                                  "print/completion/西城区-第1册.pdf", "print/completion/魏都区.pdf"]
        #expect(layout.countyVolumes(kind: .completion, county: "东城区", among: files).map(\.0) == [1, 2, 4])
        #expect(layout.countyVolumes(kind: .completion, county: "东城区", among: files).map(\.1).first == "print/completion/东城区-第1册.pdf")
        #expect(layout.countyVolumes(kind: .excellentTrainee, county: "东城区", among: files).map(\.0) == [3])
        #expect(layout.countyVolumes(kind: .completion, county: "魏都区", among: files).isEmpty)
    }
}
