/// 坊主工作 — announcements (公告) and briefings (简报), mostly on time and complete.
extension SampleBlockWriter {
    func tutorPosts(id: [UInt8], cls: SampleClass, random: inout SampleRandom, block: inout SampleBlock) {
        let className = String(decoding: cls.name, as: UTF8.self)
        let days = context.periodDays
        var p = CSVBytes(); swap(&p, &block.posts)
        func post(_ kind: [UInt8], _ title: String, day: Int) {
            let d = min(max(day, 0), days - 1)
            let time = context.periodStart + Int64(d) * 86_400 + Int64(random.int(in: 8 * 3600...22 * 3600))
            p.append(id); p.comma(); p.append(kind); p.comma(); p.append(CSVBytes.field(title)); p.comma()
            p.time(time, days: context.dayTexts); p.comma(); p.append(cls.name); p.newline()
            block.counts.postRows += 1
        }
        let announcements = random.pick(cumulative: cumulativeWeights([60, 750, 190]))
        for k in 0..<announcements {
            if k == 0 {
                post(SampleBlockWriter.announcement, "关于加入\(className)QQ群的通知", day: random.int(in: 0...10))
            } else {
                post(SampleBlockWriter.announcement, "\(className)研修学习安排", day: random.int(in: 20...60))
            }
        }
        let briefings = random.pick(cumulative: cumulativeWeights([40, 50, 100, 550, 260]))
        for k in 0..<briefings {
            post(SampleBlockWriter.briefing, "\(className)研修简报（第\(k + 1)期）",
                 day: days * (k + 1) / (briefings + 1) + random.int(in: -6...6))
        }
        swap(&p, &block.posts)
    }
}
