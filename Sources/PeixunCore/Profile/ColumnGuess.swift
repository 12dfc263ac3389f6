/// Guesses for `inspect` on a platform nobody has mapped yet: which table a file looks like,
/// which header a §3 column probably is. Only suggestions for a profile snippet — never used to
/// read an export (a profile says it, or the contract's names hold).
enum ColumnGuess {
    /// Headers other platforms are known to use for a §3 column.
    static let synonyms: [String: [String]] = [
        "身份证号": ["证件号码", "身份证号码", "身份证", "证件号", "公民身份号码"],
        "姓名": ["真实姓名", "学员姓名", "教师姓名", "名字"],
        "性别": ["性別"],
        "区县": ["所在县区", "所在区县", "县区", "县（区）", "区县名称"],
        "单位": ["学校名称", "学校", "工作单位", "所在单位", "所在学校"],
        "学段": ["任教学段", "学段名称"],
        "学科": ["任教学科", "学科名称"],
        "坊": ["所属工作坊", "工作坊", "工作坊名称", "坊名称"],
        "角色": ["身份", "用户角色", "角色类型", "用户类型"],
        "课程名称": ["课程", "课程名", "课程标题"],
        "模块": ["所属模块", "模块名称", "课程模块"],
        "学时": ["有效学习时长（分钟）", "有效学习时长(分钟)", "学习时长（分钟）", "学习时长", "学时数", "获得学时"],
        "完成时间": ["完成日期", "完成于"],
        "活动名称": ["活动主题", "活动标题", "活动"],
        "状态": ["完成情况", "完成状态", "参与状态"],
        "作业名称": ["作业标题", "作业题目", "作业"],
        "提交时间": ["提交日期", "提交于"],
        "批阅等级": ["评分等级", "等级", "批阅结果", "成绩等级"],
        "推优": ["是否推荐", "推荐", "是否推优", "优秀作业"],
        "类型": ["栏目", "文章类型", "发布类型"],
        "标题": ["文章标题", "名称"],
        "发布时间": ["发布日期", "发布于"],
    ]

    /// Words in a file name that suggest a table.
    static let nameWords: [ExportTable: [String]] = [
        .roster: ["名单", "学员", "人员", "信息表", "花名册"],
        .courses: ["课程", "学习明细", "学时"],
        .activities: ["活动"],
        .homework: ["作业"],
        .tutorPosts: ["坊主", "公告", "简报", "工作记录"],
    ]

    static func nameSuggests(_ fileName: String, _ table: ExportTable) -> Bool {
        (nameWords[table] ?? []).contains { fileName.contains($0) }
    }

    /// Columns of `table` found in `cells` by the layout's headers.
    static func exactMatches(table: ExportTable, cells: [String], layout: TableLayout) -> Int {
        table.columns.filter { TableReader.fieldIndex(of: $0, in: cells, layout: layout) != nil }.count
    }

    /// Columns of `table` found in `cells` by the layout's headers or a guess.
    static func matches(table: ExportTable, cells: [String], layout: TableLayout) -> Int {
        table.requiredColumns.filter {
            TableReader.fieldIndex(of: $0, in: cells, layout: layout) != nil || header(for: $0, among: cells) != nil
        }.count
    }

    /// The header among `free` that looks most like `column`: a known synonym, then a header
    /// that contains the column's name, then 时间 written as 日期.
    static func header(for column: String, among free: [String]) -> String? {
        for s in synonyms[column] ?? [] where free.contains(s) { return s }
        if column.count >= 2, let h = free.first(where: { $0.contains(column) }) { return h }
        if column.hasSuffix("时间") {
            let date = column.dropLast(2) + "日期"
            if let h = free.first(where: { $0.contains(date) }) { return h }
        }
        return nil
    }

    /// A files pattern for a group of file names: their common beginning, without a trailing
    /// page mark, then `*` (`课程学习明细_第1页.csv`, `…_第2页.csv` → `课程学习明细*`).
    static func pattern(for names: [String]) -> String {
        let bases = names.map { name -> String in
            guard let dot = name.lastIndex(of: ".") else { return name }
            return String(name[..<dot])
        }
        guard var prefix = bases.first.map(Array.init) else { return "*" }
        for b in bases.dropFirst() {
            let c = Array(b)
            var k = 0
            while k < prefix.count, k < c.count, prefix[k] == c[k] { k += 1 }
            prefix = Array(prefix.prefix(k))
        }
        let trailing = Set("_-－—（(第 0123456789页")
        while let last = prefix.last, trailing.contains(last) { prefix.removeLast() }
        return prefix.isEmpty ? "*" : String(prefix) + "*"
    }

    /// Time formats other platforms write, tried on a value §3 does not read.
    static let timeFormats = ["%Y年%m月%d日 %H:%M:%S", "%Y年%m月%d日 %H:%M", "%Y年%m月%d日", "%Y.%m.%d %H:%M:%S",
                              "%Y.%m.%d %H:%M", "%Y-%m-%d", "%Y/%m/%d", "%Y-%m-%dT%H:%M:%S", "%Y%m%d %H:%M:%S"]

    /// The formats, from `timeFormats`, that read `value`.
    static func timeFormats(reading value: String) -> [String] {
        timeFormats.filter { (try? TimeFormat($0))?.parse(value) != nil }
    }
}
