/// One block of consecutive sample people written as CSV bytes for all five
/// files. Each person draws from their own random stream (seed, index), so a
/// block's bytes do not depend on block size or thread.
struct SampleBlock {
    var roster = CSVBytes()
    var courses = CSVBytes()
    var activities = CSVBytes()
    var homework = CSVBytes()
    var posts = CSVBytes()
    var counts = SampleCounts()
}

/// Rows of the five tables, with deliberate anomalies, per person.
struct SampleBlockWriter {
    let context: SampleContext

    /// A course row before it is written: ordered by time.
    private struct CourseRow {
        var time: Int64
        var module: Int
        var course: Int
        var finished: Bool
    }

    private var rows: [CourseRow] = []
    private var picks: [Int] = []
    private var sessions: [Int64] = []

    init(context: SampleContext) { self.context = context }

    static let hourCumulative = cumulativeWeights(
        [1, 0, 0, 0, 0, 0, 2, 8, 10, 12, 10, 8, 12, 10, 8, 8, 10, 12, 14, 22, 26, 24, 16, 6])
    /// Share (‰) of women among teachers, per stage (小学, 初中, 高中, 幼儿园, 特殊教育).
    static let femalePerMille = [780, 650, 520, 970, 750]
    static let male = Array("男".utf8), female = Array("女".utf8)
    static let trainee = Array("学员".utf8), tutor = Array("坊主".utf8), tutorTrainee = Array("坊主兼学员".utf8)
    static let done = Array("已完成".utf8), notDone = Array("未完成".utf8)
    static let yes = Array("是".utf8), no = Array("否".utf8)
    static let announcement = Array("公告".utf8), briefing = Array("简报".utf8)
    static let badHours = ["1.5h", "两", "2学时", "约1"].map { Array($0.utf8) }
    static let strayCourse = CSVBytes.field("人工智能通识讲座")

    /// Fills `block` (emptied first, its buffers reused) with the rows of `people`.
    mutating func generate(_ people: Range<Int>, into block: inout SampleBlock) {
        block.roster.bytes.removeAll(keepingCapacity: true)
        block.courses.bytes.removeAll(keepingCapacity: true)
        block.activities.bytes.removeAll(keepingCapacity: true)
        block.homework.bytes.removeAll(keepingCapacity: true)
        block.posts.bytes.removeAll(keepingCapacity: true)
        block.counts = SampleCounts()
        block.roster.bytes.reserveCapacity(people.count * 180)
        block.courses.bytes.reserveCapacity(people.count * 3200)
        block.activities.bytes.reserveCapacity(people.count * 150)
        block.homework.bytes.reserveCapacity(people.count * 100)
        let classes = context.layout.classes
        guard !people.isEmpty else { return }
        var c = SampleLayout.classIndex(of: people.lowerBound, in: classes)
        for index in people {
            while c + 1 < classes.count && classes[c + 1].start <= index { c += 1 }
            person(index, in: classes[c], block: &block)
        }
    }

    private mutating func person(_ index: Int, in cls: SampleClass, block: inout SampleBlock) {
        var random = SampleRandom(seed: context.seed, stream: 2, item: UInt64(index))
        let pair = SampleStages.pairs[cls.pair]
        let isFemale = random.chance(perMille: SampleBlockWriter.femalePerMille[pair.stage])
        let countyIndex = random.pick(cumulative: SampleCounties.cumulative)
        let county = context.counties[countyIndex]
        let schools = county.schools[pair.stage]
        let school = schools[min(random.below(schools.count), random.below(schools.count))]
        let name = CSVBytes.field(SampleNames.name(female: isFemale, index: index, random: &random))
        let id = context.identity.id(index: index, areaCode: county.areaCode, female: isFemale)
        let isTutor = index == cls.start
        let role = isTutor ? (cls.tutorStudies ? SampleBlockWriter.tutorTrainee : SampleBlockWriter.tutor)
                           : SampleBlockWriter.trainee

        var r = CSVBytes(); swap(&r, &block.roster)
        r.append(id); r.comma(); r.append(name); r.comma()
        r.append(isFemale ? SampleBlockWriter.female : SampleBlockWriter.male); r.comma()
        r.append(county.name); r.comma(); r.append(school); r.comma()
        r.append(context.stages[pair.stage]); r.comma(); r.append(context.subjects[pair.stage][pair.subject]); r.comma()
        r.append(cls.name); r.comma(); r.append(role); r.newline()
        swap(&r, &block.roster)
        block.counts.rosterRows += 1

        if isTutor {
            block.counts.tutors += 1
            tutorPosts(id: id, cls: cls, random: &random, block: &block)
        }
        if !isTutor || cls.tutorStudies {
            if isTutor { block.counts.tutorTrainees += 1 } else { block.counts.trainees += 1 }
            study(id: id, cls: cls, tutorTrainee: isTutor, random: &random, block: &block)
        }
        for forced in context.layout.forcedAnomalies where forced.person == index {
            anomaly(forced.kind, id: id, cls: cls, random: &random, block: &block)
        }
    }

    // MARK: - Study: courses, activities, homework

    private mutating func study(id: [UInt8], cls: SampleClass, tutorTrainee: Bool,
                                random: inout SampleRandom, block: inout SampleBlock) {
        let modules = context.modules
        var targets = modules.map { $0.requiredHalves }
        var activityPerMille = 985
        var homeworkPerMille = 975
        var missingActivity = -1

        let profile = random.below(1000)
        if profile < 15 {
            return  // enrolled, never logged in
        } else if profile < 140 {
            // Falls short: the ~12% who do not (all) pass.
            let kind = random.below(100)
            if kind < 40 {
                for _ in 0..<(1 + random.below(2)) where !targets.isEmpty {
                    let m = random.below(targets.count)
                    targets[m] = targets[m] * random.int(in: 30...90) / 100
                }
            } else if kind < 65 {
                if !context.activities.isEmpty { missingActivity = random.below(context.activities.count) }
            } else if kind < 80 {
                homeworkPerMille = 0
                if !targets.isEmpty {
                    let m = random.below(targets.count)
                    targets[m] = targets[m] * random.int(in: 70...95) / 100
                }
            } else {
                for m in targets.indices { targets[m] = targets[m] * random.int(in: 0...40) / 100 }
                activityPerMille = 400
                homeworkPerMille = 300
            }
        } else {
            for m in targets.indices where random.chance(perMille: 350) { targets[m] += random.int(in: 1...4) }
            if tutorTrainee && random.chance(perMille: 500) {
                // A busy tutor studies just past the 40 h concession, spread over the modules.
                for m in targets.indices { targets[m] = targets[m] * random.int(in: 62...80) / 100 }
            }
        }

        // Study rhythm: steady, early or late (crammers in December).
        let days = context.periodDays
        let style = random.below(100)
        let firstDay = style < 75 ? 0 : days * 55 / 100
        let lastDay = style < 45 || style >= 75 ? days - 1 : days * 45 / 100

        rows.removeAll(keepingCapacity: true)
        let catalogue = context.catalogue[cls.pair]
        for m in modules.indices {
            let list = catalogue[m]
            picks.removeAll(keepingCapacity: true)
            picks.append(contentsOf: list.indices)
            var have = 0
            var k = 0
            while have < targets[m] && k < picks.count {
                let j = k + random.below(picks.count - k)
                picks.swapAt(k, j)
                have += list[picks[k]].halves
                rows.append(CourseRow(time: 0, module: m, course: picks[k], finished: true))
                k += 1
            }
            // Started but not finished (empty 完成时间).
            if k < picks.count && random.chance(perMille: 60) {
                let j = k + random.below(picks.count - k)
                rows.append(CourseRow(time: 0, module: m, course: picks[j], finished: false))
            }
        }
        // Watching a finished course again.
        if !rows.isEmpty && random.chance(perMille: 70) {
            for _ in 0..<(1 + random.below(2)) { rows.append(rows[random.below(rows.count)]) }
        }

        // Mix the modules: people do not study one module after the other.
        for j in stride(from: rows.count - 1, to: 0, by: -1) { rows.swapAt(j, random.below(j + 1)) }

        // Sessions of about three courses each, on days of the person's rhythm.
        let sessionCount = max(1, (rows.count + 2) / 3)
        sessions.removeAll(keepingCapacity: true)
        for _ in 0..<sessionCount {
            sessions.append(dayTime(firstDay: firstDay, lastDay: lastDay, random: &random))
        }
        sessions.sort()
        var previousSession = -1
        var clock: Int64 = 0
        for j in rows.indices {
            let s = j * sessionCount / rows.count
            if s != previousSession { clock = sessions[s]; previousSession = s }
            let course = catalogue[rows[j].module][rows[j].course]
            clock += Int64(course.halves) * 1800 * Int64(random.int(in: 95...125)) / 100 + Int64(random.below(300))
            rows[j].time = min(clock, context.periodEnd - 1 - Int64(random.below(600)))
        }
        // The export lists a person's rows by time; a second viewing is always later.
        rows.sort { $0.time < $1.time }

        var anomalies = 0
        var out = CSVBytes(); swap(&out, &block.courses)
        for row in rows {
            let course = catalogue[row.module][row.course]
            out.append(id); out.comma(); out.append(course.name); out.comma()
            out.append(modules[row.module].name); out.comma(); out.halfHours(course.halves); out.comma()
            if row.finished { out.time(row.time, days: context.dayTexts) }
            out.newline()
            if random.below(1000) == 0 { anomalies += 1 }
        }
        swap(&out, &block.courses)
        block.counts.courseRows += rows.count
        for _ in 0..<anomalies {
            let kind = SampleAnomalyKind.allCases[random.below(SampleAnomalyKind.allCases.count)]
            anomaly(kind, id: id, cls: cls, random: &random, block: &block)
        }

        // 研修活动
        var a = CSVBytes(); swap(&a, &block.activities)
        for (k, activity) in context.activities.enumerated() {
            let completes = k != missingActivity && random.chance(perMille: activityPerMille)
            if completes {
                let copies = random.chance(perMille: 10) ? 2 : 1
                for _ in 0..<copies {
                    a.append(id); a.comma(); a.append(activity); a.comma(); a.append(SampleBlockWriter.done); a.comma()
                    a.time(dayTime(firstDay: firstDay, lastDay: lastDay, random: &random), days: context.dayTexts); a.newline()
                    block.counts.activityRows += 1
                }
            } else if random.chance(perMille: 600) {
                a.append(id); a.comma(); a.append(activity); a.comma(); a.append(SampleBlockWriter.notDone); a.comma()
                a.newline()
                block.counts.activityRows += 1
            }
        }
        swap(&a, &block.activities)

        // 研修作业: the latest submission counts; some resubmit after a weak first grade.
        guard random.chance(perMille: homeworkPerMille) else { return }
        let submitFirst = max(firstDay, days * 35 / 100)
        let submitted = dayTime(firstDay: min(submitFirst, days - 1), lastDay: days - 1, random: &random)
        var h = CSVBytes(); swap(&h, &block.homework)
        if random.chance(perMille: 60) {
            let earlier = max(context.periodStart, submitted - Int64(random.int(in: 1...15)) * 86_400
                              - Int64(random.below(86_400)))
            h.append(id); h.comma(); h.append(context.homework); h.comma(); h.time(earlier, days: context.dayTexts); h.comma()
            if random.chance(perMille: 400), let weakest = context.grades.last { h.append(weakest) }
            h.comma(); h.append(SampleBlockWriter.no); h.newline()
            block.counts.homeworkRows += 1
        }
        h.append(id); h.comma(); h.append(context.homework); h.comma(); h.time(submitted, days: context.dayTexts); h.comma()
        var recommended = false
        if !context.grades.isEmpty && random.chance(perMille: cls.reviewPerMille) {
            let grade = random.pick(cumulative: context.gradeCumulative)
            h.append(context.grades[grade])
            let factor = grade == 0 ? 250 : (grade == 1 ? 60 : 10)
            recommended = random.chance(perMille: cls.recommendPerMille * factor / 100)
        }
        h.comma(); h.append(recommended ? SampleBlockWriter.yes : SampleBlockWriter.no); h.newline()
        swap(&h, &block.homework)
        block.counts.homeworkRows += 1
    }

    /// A moment on a day in `firstDay...lastDay` of the period, at a plausible hour.
    private func dayTime(firstDay: Int, lastDay: Int, random: inout SampleRandom) -> Int64 {
        let day = random.int(in: firstDay...max(firstDay, lastDay))
        let hour = random.pick(cumulative: SampleBlockWriter.hourCumulative)
        return context.periodStart + Int64(day) * 86_400 + Int64(hour * 3600 + random.below(3600))
    }

    // MARK: - Tutor posts

    private func tutorPosts(id: [UInt8], cls: SampleClass, random: inout SampleRandom, block: inout SampleBlock) {
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

    // MARK: - Deliberate anomalies

    private func anomaly(_ kind: SampleAnomalyKind, id: [UInt8], cls: SampleClass,
                         random: inout SampleRandom, block: inout SampleBlock) {
        guard !context.modules.isEmpty else { return }
        let m = random.below(context.modules.count)
        let list = context.catalogue[cls.pair][m]
        let course = list[random.below(list.count)]
        var inPeriod = dayTime(firstDay: 0, lastDay: context.periodDays - 1, random: &random)
        var out = CSVBytes(); swap(&out, &block.courses)
        var personID = id
        if kind == .unknownID {
            let county = context.counties[random.below(context.counties.count)]
            personID = SampleIdentity.outsider(random: &random, areaCode: county.areaCode)
        }
        out.append(personID); out.comma()
        out.append(kind == .unknownModule ? SampleBlockWriter.strayCourse : course.name); out.comma()
        out.append(kind == .unknownModule ? context.unknownModule : context.modules[m].name); out.comma()
        if kind == .badHours {
            out.append(SampleBlockWriter.badHours[random.below(SampleBlockWriter.badHours.count)])
        } else {
            out.halfHours(course.halves)
        }
        out.comma()
        if kind == .outOfPeriod {
            inPeriod = random.chance(perMille: 500)
                ? context.periodStart - Int64(random.int(in: 1...9)) * 86_400 + Int64(random.below(86_400))
                : context.periodEnd + Int64(random.int(in: 0...25)) * 86_400 + Int64(random.below(86_400))
        }
        out.time(inPeriod, days: context.dayTexts); out.newline()
        swap(&out, &block.courses)
        block.counts.courseRows += 1
        block.counts.anomalies[kind.rawValue] += 1
    }
}
