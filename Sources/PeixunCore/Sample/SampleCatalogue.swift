/// 课程 — the platform's course list per module: realistic titles with fixed
/// 学时 (0.5–3 h in half-hour steps). 专业知识 courses are per 学段 and 学科;
/// a module the seed does not know (another scheme) gets numbered lectures.
/// Every module offers at least twice its required hours, as the plan's
/// "不少于90学时课程内容" asks.
struct SampleCourse {
    /// The 课程名称 field, CSV-ready.
    var name: [UInt8]
    /// 学时 in half hours.
    var halves: Int
}

enum SampleCatalogue {
    static let titles: [String: [String]] = [
        "专业理念与师德": [
            "学习贯彻党的十九届六中全会精神", "习近平总书记关于教育的重要论述", "党史学习教育专题",
            "新时代中小学教师职业行为十项准则解读", "师德师风建设的案例与反思", "教师职业道德修养",
            "《中华人民共和国教师法》解读", "《未成年人保护法》与学校保护", "依法执教：教师的权利与义务",
            "校园欺凌的预防与处置", "新冠肺炎疫情防控常识", "校园疫情防控工作指南", "生命教育与安全教育",
            "学校安全事故的预防与处理", "班级文化建设的策略", "班主任工作的艺术", "班集体建设与学生自主管理",
            "家校共育的有效途径", "中小学生心理健康教育", "教师心理健康与压力调适",
            "中华优秀传统文化与立德树人", "学校劳动教育的实施", "“双减”政策解读与课后服务",
            "教师礼仪与职业形象", "课程思政的理念与实践",
        ],
        "专业知识": [
            "{s}学科核心素养解读", "{p}课程标准解读", "{p}教学设计案例分析", "{s}大单元教学设计",
            "{s}课堂教学策略", "{s}作业设计与评价", "{p}优秀课例赏析", "{s}学科知识拓展",
            "{s}教学中的情境创设", "{s}教学中的问题链设计", "{p}复习课的设计", "{s}跨学科主题学习",
            "{s}项目式学习案例", "{p}学业质量评价", "{s}教学难点突破", "{s}课堂教学案例分析",
            "{s}新课程改革的理念与实践", "{p}教材分析与使用", "{p}学情分析与教学", "{s}课堂评价与反馈",
        ],
        "专业能力": [
            "教学目标的设计与表述", "课堂提问的策略与技巧", "课堂观察的方法与工具", "有效课堂管理",
            "说课、听课与评课", "教学反思与专业成长", "分层教学与差异化指导", "合作学习的组织策略",
            "学习评价的设计", "作业设计的原则与方法", "教学语言艺术", "板书设计的技巧",
            "课堂教学中的生成与应对", "单元整体教学设计", "教师专业发展规划", "校本教研的组织与实施",
        ],
        "信息技术": [
            "信息技术应用能力提升工程2.0解读", "多媒体课件的设计与制作", "微课设计与制作",
            "希沃白板的课堂应用", "在线教学平台的使用", "混合式教学的设计与实施", "智慧课堂的构建",
            "思维导图在教学中的应用", "数字教育资源的获取与评价", "信息技术支持的学情分析",
            "信息技术环境下的学习评价", "网络研修与校本研修", "教育科研方法概述", "教育课题的选题与申报",
            "行动研究的设计与实施", "教育科研论文的撰写", "问卷调查与数据分析", "人工智能与教育",
            "短视频在教学中的应用", "网络安全与信息素养", "屏幕录制与视频剪辑", "交互式课件的制作",
            "信息技术与学科教学融合案例",
        ],
    ]

    /// 学时 weights for 0.5, 1, 1.5, 2, 2.5, 3 h.
    static let hourWeights = cumulativeWeights([3, 12, 18, 27, 20, 20])

    /// The courses of one module for one (学段, 学科) pair.
    /// - Parameters:
    ///   - prefix: `初中语文` (学段 and 学科, or the subject alone for single-subject stages).
    ///   - requiredHalves: the module's required hours in half hours.
    static func courses(module: String, subject: String, prefix: String, requiredHalves: Int) -> [SampleCourse] {
        var out: [SampleCourse] = []
        var total = 0
        func add(_ title: String) {
            // Fixed per title, whatever the seed: a course's 学时 is part of the catalogue.
            var random = SampleRandom(seed: 0x5EED, stream: 7, item: fnv(title))
            let halves = 1 + random.pick(cumulative: hourWeights)
            out.append(SampleCourse(name: CSVBytes.field(title), halves: halves))
            total += halves
        }
        for t in titles[module] ?? [] {
            add(t.replacingOccurrences(of: "{p}", with: prefix).replacingOccurrences(of: "{s}", with: subject))
        }
        var n = 1
        while out.count < 8 || total < 2 * requiredHalves + 6 {
            add("\(module)专题拓展第\(n)讲")
            n += 1
        }
        return out
    }

    /// FNV-1a of the UTF-8 bytes: a stable hash (Swift's `Hasher` is seeded per process).
    static func fnv(_ text: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h
    }
}
