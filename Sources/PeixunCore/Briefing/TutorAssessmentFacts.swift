/// 坊主考核 as a tutor reads it: each item, what they have, and what is
/// still missing for full points; the total's distance to 合格.
public struct TutorAssessmentFacts: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        /// 参训率, 合格率, 研修公告, 研修简报, 点评作业, 作业推优.
        public var label: String
        public var points: Points
        public var maximum: Points
        /// What the tutor has: `19/20 人（95%）`, `2 期`.
        public var have: String
        /// What full points still need (`还需 1 期`); nil at full points.
        public var missing: String?
    }

    public var name: String
    public var classes: [String]
    public var items: [Item]
    public var total: Points
    public var passScore: Fraction
    public var passed: Bool
    public var rank: Int
    public var tutorCount: Int
    public var excellent: Bool

    /// Points still needed for 合格 (zero when passed).
    public var gap: Fraction {
        let g = passScore - total.fraction
        return g > .zero ? g : .zero
    }

    public init(tutor: TutorResult, scheme: Scheme, tutorCount: Int) {
        name = tutor.person.name
        classes = tutor.classes
        total = tutor.total
        passScore = scheme.tutor.passScore
        passed = tutor.passed
        rank = tutor.rank
        self.tutorCount = tutorCount
        excellent = tutor.excellent
        let rules = scheme.tutor
        let c = tutor.counts
        let p = tutor.points
        func full(_ f: Fraction) -> Points { Points(rounding: f) }
        func bandItem(_ label: String, _ points: Points, _ bands: [RateBand], _ count: Int, _ what: String) -> Item {
            let maximum = full(bands.first?.points ?? .zero)
            let have = c.trainees == 0 ? "坊内无学员"
                : "\(count)/\(c.trainees) 人（\(BriefingFormat.percent(Fraction(count) / Fraction(c.trainees)))）"
            var missing: String?
            if points < maximum, let top = bands.first {
                if c.trainees == 0 {
                    missing = "坊内无学员"
                } else {
                    let need = max(0, Int((top.minimumRate * Fraction(c.trainees)).ceiling) - count)
                    missing = "还需 \(need) 人\(what)（达 \(BriefingFormat.percent(top.minimumRate))）"
                }
            }
            return Item(label: label, points: points, maximum: maximum, have: have, missing: missing)
        }
        func countItem(_ label: String, _ points: Points, _ rule: CountRule, _ count: Int) -> Item {
            let maximum = full(rule.maximumPoints)
            let need = max(0, rule.maximumCount - count)
            return Item(label: label, points: points, maximum: maximum, have: "\(count) 期",
                        missing: points < maximum && need > 0 ? "还需 \(need) 期" : nil)
        }
        var items: [Item] = []
        items.append(bandItem("参训率", p.participation, rules.participationBands, c.participated, "参训"))
        items.append(bandItem("合格率", p.pass, rules.passRateBands, c.passed, "合格"))
        items.append(countItem("研修公告", p.announcement, rules.announcement, tutor.announcements))
        items.append(countItem("研修简报", p.briefing, rules.briefing, tutor.briefings))
        // 点评作业: graded / submitted.
        let reviewMax = full(rules.review.points)
        var reviewMissing: String?
        if p.review < reviewMax {
            if c.submitted == 0 {
                reviewMissing = "尚无作业提交"
            } else {
                let need = max(0, Int((rules.review.minimumRate * Fraction(c.submitted)).ceiling) - c.graded)
                reviewMissing = "还需批阅 \(need) 份"
            }
        }
        items.append(Item(label: "点评作业", points: p.review, maximum: reviewMax,
                          have: "已批阅 \(c.graded)/\(c.submitted) 份", missing: reviewMissing))
        // 作业推优: recommended / submitted.
        let recMax = full(rules.recommendation.points)
        var recMissing: String?
        if p.recommendation < recMax {
            if c.submitted == 0 {
                recMissing = "尚无作业提交"
            } else {
                let need = max(0, Int((rules.recommendation.minimumRate * Fraction(c.submitted)).ceiling)
                                   - c.recommended)
                recMissing = "还需推优 \(need) 份（达 \(BriefingFormat.percent(rules.recommendation.minimumRate))）"
            }
        }
        items.append(Item(label: "作业推优", points: p.recommendation, maximum: recMax,
                          have: "推优 \(c.recommended)/\(c.submitted) 份", missing: recMissing))
        self.items = items
    }
}
