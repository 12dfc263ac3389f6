import PeixunCore

/// The static part of `index.html`: everything a clerk needs first, readable without its script;
/// the script adds each 区县's 单位 and 坊 and the anomaly table from the data files on demand.
struct OverviewPage {
    let overview: RunOverview
    /// Number of anomaly data files (`index-files/data/anomalies-<k>.js`).
    let anomalyChunks: Int

    typealias Link = RunOverview.Link

    func html() -> String {
        let o = overview
        var h = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(o.programme)) — 运行概览</title>
            <link rel="stylesheet" href="index-files/style.css">
            </head>
            <body>
            <header>
            <h1>\(e(o.programme))</h1>
            <p class="meta"><span>项目代码 \(e(o.code))</span><span>\(e(o.issuer))</span><span id="data-date">数据截止 \(e(o.dataDate))</span>\(o.isMidTerm ? "<span class=\"midterm\">期中数据：未发证书</span>" : "")</p>
            <nav><a href="#figures">概览</a><a href="#counties">区县</a><a href="#files">名册与汇总</a><a href="#changes">变更</a><a href="#anomalies">异常记录</a></nav>
            </header>
            <main>

            """
        h += figures()
        h += counties()
        h += files()
        h += changes()
        h += anomalies()
        h += """
            </main>
            <footer>由 Peixun 生成 · 身份证号均已隐去中间数字 · 完整身份证号只在 results.json、名册和证书登记库中</footer>
            <script src="index-files/page.js"></script>
            </body>
            </html>

            """
        return h
    }

    private func e(_ s: String) -> String { HTMLText.escape(s) }

    private func link(_ l: Link) -> String {
        "<a href=\"\(HTMLText.href(l.path))\">\(e(l.label))</a>"
    }

    private func figures() -> String {
        let f = overview.figures
        func card(_ key: String, _ label: String, _ value: Int, _ note: String = "") -> String {
            "<div class=\"card\"><div class=\"label\">\(label)</div><div class=\"value\" data-figure=\"\(key)\">\(value)</div>"
                + (note.isEmpty ? "" : "<div class=\"note\">\(e(note))</div>") + "</div>\n"
        }
        var h = "<section id=\"figures\"><h2>概览</h2><div class=\"cards\">\n"
        h += card("trainees", "学员", f.trainees)
        h += card("passed", "合格", f.passed, "合格率 " + HTMLText.percent(f.passed, of: f.trainees))
        h += card("excellent", "优秀学员", f.excellent)
        h += card("tutors", "坊主", f.tutors, "合格 \(f.tutorsPassed) · 优秀 \(f.excellentTutors)")
        let byKind = CertificateKind.allCases.compactMap { k in f.certificates[k].map { "\(k.title) \($0)" } }
        h += card("certificates", "证书", f.certificateTotal, byKind.joined(separator: " · "))
        h += card("anomalies", "异常记录", f.anomalies, "另有提示 \(f.notices) 条")
        h += "</div></section>\n"
        return h
    }

    private func counties() -> String {
        var h = """
            <section id="counties"><h2>区县</h2>
            <p class="hint">每个区县的打印文件（按单位排序的合并 PDF）；点“单位与坊”查看各单位的证书文件夹和各坊简报。</p>
            <div class="scroll"><table class="counties">
            <thead><tr><th>区县</th><th>学员</th><th>合格</th><th>合格率</th><th>优秀学员</th><th>证书</th><th>打印文件</th></tr></thead>
            <tbody>

            """
        for (i, c) in overview.counties.enumerated() {
            h += "<tr data-county=\"\(i)\"><th scope=\"row\">\(e(c.name.isEmpty ? "未填区县" : c.name))"
                + "<button type=\"button\" class=\"expand\" data-county=\"\(i)\" aria-expanded=\"false\">单位与坊 ▸</button></th>"
                + "<td data-k=\"trainees\">\(c.trainees)</td><td data-k=\"passed\">\(c.passed)</td>"
                + "<td>\(HTMLText.percent(c.passed, of: c.trainees))</td><td data-k=\"excellent\">\(c.excellent)</td>"
                + "<td data-k=\"certificates\">\(c.certificates)</td>"
                + "<td class=\"links\">\(c.printFiles.map(link).joined(separator: " "))</td></tr>\n"
        }
        h += "</tbody></table></div></section>\n"
        return h
    }

    private func files() -> String {
        var h = "<section id=\"files\"><h2>名册与汇总</h2><ul class=\"files\">\n"
        for l in overview.files { h += "<li>\(link(l))</li>\n" }
        h += "</ul></section>\n"
        return h
    }

    private func changes() -> String {
        var h = "<section id=\"changes\"><h2>本次变更</h2>\n"
        guard let c = overview.changes else {
            return h + "<p>期中运行不发证书，没有证书变更。</p></section>\n"
        }
        h += c.firstRun
            ? "<p>第 \(c.run) 次运行：首次运行，无可比较的上次运行。</p>\n"
            : "<p>第 \(c.run) 次运行，与上次运行（\(e(c.previousRunAt ?? ""))）相比：</p>\n"
        h += "<ul class=\"counts\">"
        for g in c.groups { h += "<li>\(e(g.title))：<b data-change=\"\(e(g.title))\">\(g.count)</b></li>" }
        h += "</ul>\n"
        for g in c.groups where !g.rows.isEmpty {
            h += "<details\(g.count <= 20 ? " open" : "")><summary>\(e(g.title))（\(g.count)）</summary>"
            h += "<div class=\"scroll\"><table><thead><tr><th>类别</th><th>编号</th><th>姓名</th><th>身份证号</th><th>区县</th><th>单位</th></tr></thead><tbody>\n"
            for r in g.rows {
                h += "<tr><td>\(e(r.what))</td><td>\(e(r.number))</td><td>\(e(r.name))</td><td>\(e(r.maskedID))</td><td>\(e(r.county))</td><td>\(e(r.school))</td></tr>\n"
            }
            h += "</tbody></table></div>"
            if g.rows.count < g.count { h += "<p class=\"hint\">只列出前 \(g.rows.count) 条，全部见 changes.txt。</p>" }
            h += "</details>\n"
        }
        h += "</section>\n"
        return h
    }

    private func anomalies() -> String {
        let rows = overview.anomalies
        let files = Array(Set(rows.map(\.file))).sorted()
        var kinds: [String: String] = [:]
        for r in rows { kinds[r.kind] = r.label }
        var h = """
            <section id="anomalies"><h2>异常记录</h2>
            <p class="hint">导出文件中不能使用的行（异常）和已使用但值得一看的行（提示）。可按文件、类型筛选，按姓名或内容搜索；全部见 anomalies.csv。</p>
            <form class="filters" onsubmit="return false">
            <label>文件 <select id="filter-file"><option value="">全部</option>
            """
        for f in files { h += "<option value=\"\(e(f))\">\(e(f))</option>" }
        h += "</select></label>\n<label>类型 <select id=\"filter-kind\"><option value=\"\">全部</option>"
        for (k, label) in kinds.sorted(by: { $0.key < $1.key }) { h += "<option value=\"\(e(k))\">\(e(label))</option>" }
        h += """
            </select></label>
            <label>搜索 <input id="filter-q" type="search" placeholder="姓名或内容"></label>
            </form>
            <p id="anomaly-count" data-total="\(rows.count)" data-chunks="\(anomalyChunks)">共 \(rows.count) 条</p>
            <div class="scroll"><table id="anomaly-table"><thead><tr><th>级别</th><th>文件</th><th>行号</th><th>类型</th><th>说明</th></tr></thead><tbody></tbody></table></div>
            <div id="anomaly-pager" class="pager"></div>
            <noscript><p>表格需要浏览器脚本；全部异常见 anomalies.csv。</p></noscript>
            </section>

            """
        return h
    }
}
