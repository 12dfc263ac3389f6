/// 区县 — Xuchang's nine counties and districts with the area codes their
/// residents' 身份证号 start with, and plausible schools per 学段.
///
/// 示范区, 开发区 and 东城区 have no area code of their own (their residents
/// hold 411002/411003 IDs in reality); the sample gives them the unassigned
/// codes 411071, 411072 and 411073 so that a county can be told from an ID.
struct SampleCounty {
    var name: String
    var areaCode: String
    /// Share of teachers, in parts per thousand of the whole city.
    var weight: Int
    /// Schools per 学段, by the stage's name.
    var schools: [String: [String]]
}

enum SampleCounties {
    static let all: [SampleCounty] = [
        county("魏都区", "411002", 150, town: "魏都", roads: ["健康路", "七一路", "东大街", "西大街", "南关"]),
        county("建安区", "411003", 120, town: "建安", roads: ["将官池", "小召", "椹涧", "灵井", "陈曹"]),
        county("鄢陵县", "411024", 110, town: "鄢陵", roads: ["花都", "马栏", "柏梁", "陶城", "只乐"]),
        county("襄城县", "411025", 120, town: "襄城", roads: ["紫云", "汾陈", "茨沟", "颍桥", "库庄"]),
        county("禹州市", "411081", 200, town: "禹州", roads: ["钧台", "夏都", "颍川", "韩城", "神垕"]),
        county("长葛市", "411082", 150, town: "长葛", roads: ["建设路", "葛天", "和尚桥", "坡胡", "后河"]),
        county("示范区", "411071", 50, town: "许昌市示范区", roads: ["祖师", "尚集", "邓庄"]),
        county("开发区", "411072", 50, town: "许昌市开发区", roads: ["长村张", "半截河", "魏文路"]),
        county("东城区", "411073", 50, town: "许昌市东城区", roads: ["永兴路", "宏腾", "学院路"]),
    ]

    static let cumulative = cumulativeWeights(all.map(\.weight))

    private static func county(_ name: String, _ code: String, _ weight: Int, town: String,
                               roads: [String]) -> SampleCounty {
        let prefix = name.hasSuffix("区") && town.hasPrefix("许昌市") ? town : name
        let numerals = ["第一", "第二", "第三", "第四", "第五", "第六"]
        var schools: [String: [String]] = [:]
        schools["高中"] = ["\(prefix)第一高级中学", "\(prefix)第二高级中学", "\(prefix)第三高级中学",
                          "\(prefix)实验高级中学", "\(town)育才高级中学"]
        schools["初中"] = numerals.prefix(4).map { "\(prefix)\($0)初级中学" }
            + ["\(prefix)实验中学"] + roads.prefix(3).map { "\(prefix)\($0)初级中学" }
        schools["小学"] = ["\(prefix)实验小学", "\(prefix)第一实验小学", "\(prefix)第二实验小学"]
            + roads.map { "\(prefix)\($0)小学" } + ["\(prefix)育英小学", "\(prefix)希望小学"]
        schools["幼儿园"] = ["\(prefix)第一幼儿园", "\(prefix)第二幼儿园", "\(prefix)实验幼儿园",
                            "\(prefix)机关幼儿园"]
        schools["特殊教育"] = ["\(prefix)特殊教育学校"]
        return SampleCounty(name: name, areaCode: code, weight: weight, schools: schools)
    }
}

/// 学段 and its 学科, as the plan lists them (三、培训对象), with weights for
/// how many teachers each has.
struct SampleStage {
    var name: String
    var weight: Int
    var subjects: [(name: String, weight: Int)]
}

enum SampleStages {
    static let all: [SampleStage] = [
        SampleStage(name: "小学", weight: 420, subjects: [
            ("语文", 30), ("数学", 26), ("英语", 10), ("音乐", 4), ("体育与健康", 5), ("美术", 4),
            ("道德与法治", 5), ("科学", 5), ("信息技术", 3), ("劳动技术", 2), ("综合实践活动", 2)]),
        SampleStage(name: "初中", weight: 280, subjects: [
            ("语文", 16), ("数学", 16), ("英语", 14), ("物理", 8), ("化学", 6), ("生物", 6),
            ("历史", 6), ("地理", 5), ("道德与法治", 6), ("音乐", 2), ("美术", 2), ("体育与健康", 4),
            ("劳动技术", 1), ("信息技术", 2)]),
        SampleStage(name: "高中", weight: 200, subjects: [
            ("语文", 14), ("数学", 14), ("英语", 13), ("物理", 9), ("化学", 8), ("生物", 7),
            ("历史", 6), ("地理", 5), ("思想政治", 6), ("信息技术", 3), ("通用技术", 2), ("音乐", 2),
            ("体育与健康", 4), ("美术", 2), ("心理健康", 2), ("综合实践活动", 1)]),
        SampleStage(name: "幼儿园", weight: 80, subjects: [("学前教育", 1)]),
        SampleStage(name: "特殊教育", weight: 20, subjects: [("特殊教育", 1)]),
    ]

    /// Every (学段, 学科) pair with its share of teachers.
    static let pairs: [(stage: Int, subject: Int, weight: Int)] = {
        var out: [(Int, Int, Int)] = []
        for (s, stage) in all.enumerated() {
            let total = stage.subjects.reduce(0) { $0 + $1.weight }
            for (j, subject) in stage.subjects.enumerated() {
                out.append((s, j, max(1, stage.weight * 100 * subject.weight / total)))
            }
        }
        return out
    }()

    /// `初中语文3坊`; 幼儿园 and 特殊教育 are named by their one subject (`学前教育2坊`).
    static func className(stage: Int, subject: Int, number: Int) -> String {
        let st = all[stage]
        let sub = st.subjects[subject].name
        return (st.subjects.count == 1 ? sub : st.name + sub) + "\(number)坊"
    }
}
