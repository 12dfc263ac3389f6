import Foundation
import PeixunCore
import PeixunOverview
import PeixunRegistry
import PeixunRender

extension RunOverview.Files {
    /// The files a run wrote, as the overview page links them: merged print files per 区县, the
    /// per-person folders and print files per 单位 (only those that exist), briefings per 坊.
    init(certificates: CertificateOutputSummary?, briefings: BriefingWriter.Output?, rosters: [String]) {
        let layout = CertificateOutputLayout(outputDirectory: "")
        let merged = Set(certificates?.mergedFiles ?? [])
        let folders = Set((certificates?.personFiles ?? []).map { file in
            file.lastIndex(of: "/").map { String(file[..<$0]) } ?? ""
        })
        typealias Link = RunOverview.Link
        let countyPrintFiles: (String) -> [Link] = { county in
            CertificateKind.allCases.flatMap { kind -> [Link] in
                let path = layout.countyFile(kind: kind, county: county)
                if merged.contains(path) { return [Link(label: kind.title, path: "certificates/" + path)] }
                // A big 区县 in volumes (第1册, 第2册 …).
                return layout.countyVolumes(kind: kind, county: county, among: merged).map { n, volume in
                    Link(label: "\(kind.title) 第\(n)册", path: "certificates/" + volume)
                }
            }
        }
        let unitLinks: (String, String) -> [Link] = { county, school in
            CertificateKind.allCases.flatMap { kind -> [Link] in
                var links: [Link] = []
                let folder = layout.unitFolder(kind: kind, county: county, school: school)
                if folders.contains(folder) { links.append(Link(label: kind.title + "（逐人）", path: "certificates/" + folder + "/")) }
                let print = layout.schoolFile(kind: kind, county: county, school: school)
                if merged.contains(print) { links.append(Link(label: kind.title + "（打印）", path: "certificates/" + print)) }
                return links
            }
        }
        let classLinks = (briefings?.classFiles ?? []).map { files in
            files.map { Link(label: $0.hasSuffix(".pdf") ? "简报 PDF" : "群发文字", path: $0) }
        }
        var files = rosters.map { Link(label: "名册 " + ($0 as NSString).lastPathComponent, path: $0) }
        if briefings != nil {
            files += [Link(label: "培训总结 summary.pdf", path: "summary.pdf"), Link(label: "培训总结 summary.md", path: "summary.md")]
        }
        files += [Link(label: "异常记录 anomalies.csv", path: "anomalies.csv"),
                  Link(label: "结果数据 results.json（含完整身份证号）", path: "results.json")]
        if certificates != nil || !merged.isEmpty {
            files += [Link(label: "证书变更 changes.txt", path: "changes.txt")]
        }
        self.init(countyPrintFiles: countyPrintFiles, unitLinks: unitLinks, classLinks: classLinks, files: files)
    }
}

extension RunOverview.Changes {
    /// Rows listed per group on the page; the rest is in changes.txt.
    static let rowsPerGroup = 200

    init(_ c: RegistryChanges) {
        typealias Row = RunOverview.Changes.Row
        func certificates(_ title: String, _ list: [RegistryChanges.Certificate]) -> Group {
            Group(title: title, count: list.count, rows: list.prefix(Self.rowsPerGroup).map {
                Row(what: $0.kind.title, number: $0.number, name: $0.name, maskedID: $0.maskedID, county: $0.county, school: $0.school)
            })
        }
        func people(_ title: String, _ list: [RegistryChanges.Person]) -> Group {
            Group(title: title, count: list.count, rows: list.prefix(Self.rowsPerGroup).map {
                Row(what: ($0.role == "tutor" ? "坊主 " : "学员 ") + "\($0.previousTotal ?? "—") → \($0.total ?? "—")",
                    number: "", name: $0.name, maskedID: $0.maskedID, county: $0.county, school: $0.school)
            })
        }
        var groups = [certificates("新发证书", c.issued), certificates("撤销证书", c.revoked),
                      certificates("恢复证书", c.reinstated), certificates("持证人信息更新（需重印）", c.holderUpdated)]
        if !c.isFirstRun {
            groups += [people("新达合格线", c.nowPassed), people("跌破合格线", c.noLongerPassed),
                       people("新入优秀", c.nowExcellent), people("退出优秀", c.noLongerExcellent)]
        }
        self.init(firstRun: c.isFirstRun, run: c.run,
                  previousRunAt: c.previousRunAt.map(RegistryChanges.timeText), groups: groups)
    }
}
