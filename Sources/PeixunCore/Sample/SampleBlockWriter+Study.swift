/// A trainee's term: courses (课程学习), activities (研修活动) and homework
/// (研修作业). Most complete everything; about one in eight falls short in
/// hours, an activity or the homework, and a few never log in.
extension SampleBlockWriter {
    /// What one trainee sets out to do.
    struct StudyPlan {
        /// Half hours to finish per module.
        var targets: [Int]
        var activityPerMille = 985
        var homeworkPerMille = 975
        /// An activity left undone, or -1.
        var missingActivity = -1
        /// The days of the period the trainee studies on.
        var firstDay = 0
        var lastDay = 0
    }

    mutating func study(id: [UInt8], cls: SampleClass, tutorTrainee: Bool,
                        random: inout SampleRandom, block: inout SampleBlock) {
        guard let plan = plan(tutorTrainee: tutorTrainee, random: &random) else { return }
        courses(id: id, cls: cls, plan: plan, random: &random, block: &block)
        activities(id: id, plan: plan, random: &random, block: &block)
        homework(id: id, cls: cls, plan: plan, random: &random, block: &block)
    }

    /// nil for the ~1.5% enrolled who never log in.
    func plan(tutorTrainee: Bool, random: inout SampleRandom) -> StudyPlan? {
        var plan = StudyPlan(targets: context.modules.map { $0.requiredHalves })
        let profile = random.below(1000)
        if profile < 15 {
            return nil
        } else if profile < 140 {
            // Falls short: the ~12% who do not (all) pass.
            let kind = random.below(100)
            if kind < 40 {
                for _ in 0..<(1 + random.below(2)) where !plan.targets.isEmpty {
                    let m = random.below(plan.targets.count)
                    plan.targets[m] = plan.targets[m] * random.int(in: 30...90) / 100
                }
            } else if kind < 65 {
                if !context.activities.isEmpty { plan.missingActivity = random.below(context.activities.count) }
            } else if kind < 80 {
                plan.homeworkPerMille = 0
                if !plan.targets.isEmpty {
                    let m = random.below(plan.targets.count)
                    plan.targets[m] = plan.targets[m] * random.int(in: 70...95) / 100
                }
            } else {
                for m in plan.targets.indices { plan.targets[m] = plan.targets[m] * random.int(in: 0...40) / 100 }
                plan.activityPerMille = 400
                plan.homeworkPerMille = 300
            }
        } else {
            for m in plan.targets.indices where random.chance(perMille: 350) { plan.targets[m] += random.int(in: 1...4) }
            if tutorTrainee && random.chance(perMille: 500) {
                // A busy tutor studies just past the 40 h concession, spread over the modules.
                for m in plan.targets.indices { plan.targets[m] = plan.targets[m] * random.int(in: 62...80) / 100 }
            }
        }
        // Study rhythm: steady (45%), early (30%) or late, cramming in December (25%).
        let days = context.periodDays
        let style = random.below(100)
        plan.firstDay = style < 75 ? 0 : days * 55 / 100
        plan.lastDay = style < 45 || style >= 75 ? days - 1 : days * 45 / 100
        return plan
    }

    /// Distinct courses of each module until its target, a few unfinished
    /// rows and second viewings, in sessions of about three courses.
    mutating func courses(id: [UInt8], cls: SampleClass, plan: StudyPlan,
                          random: inout SampleRandom, block: inout SampleBlock) {
        let modules = context.modules
        rows.removeAll(keepingCapacity: true)
        let catalogue = context.catalogue[cls.pair]
        for m in modules.indices {
            let list = catalogue[m]
            picks.removeAll(keepingCapacity: true)
            picks.append(contentsOf: list.indices)
            var have = 0
            var k = 0
            while have < plan.targets[m] && k < picks.count {
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
        // Watching a finished course again (the first counted row wins).
        if !rows.isEmpty && random.chance(perMille: 70) {
            for _ in 0..<(1 + random.below(2)) { rows.append(rows[random.below(rows.count)]) }
        }
        // Mix the modules: people do not study one module after the other.
        for j in stride(from: rows.count - 1, to: 0, by: -1) { rows.swapAt(j, random.below(j + 1)) }

        // Sessions of about three courses each, on days of the person's rhythm.
        let sessionCount = max(1, (rows.count + 2) / 3)
        sessions.removeAll(keepingCapacity: true)
        for _ in 0..<sessionCount {
            sessions.append(dayTime(firstDay: plan.firstDay, lastDay: plan.lastDay, random: &random))
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
        // The export lists a person's rows by time.
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
    }

    /// 已完成 with a time, or 未完成 with none; now and then a duplicate row.
    func activities(id: [UInt8], plan: StudyPlan, random: inout SampleRandom, block: inout SampleBlock) {
        var a = CSVBytes(); swap(&a, &block.activities)
        for (k, activity) in context.activities.enumerated() {
            if k != plan.missingActivity && random.chance(perMille: plan.activityPerMille) {
                let copies = random.chance(perMille: 10) ? 2 : 1
                for _ in 0..<copies {
                    let time = dayTime(firstDay: plan.firstDay, lastDay: plan.lastDay, random: &random)
                    a.append(id); a.comma(); a.append(activity); a.comma(); a.append(SampleBlockWriter.done); a.comma()
                    a.time(time, days: context.dayTexts); a.newline()
                    block.counts.activityRows += 1
                }
            } else if random.chance(perMille: 600) {
                a.append(id); a.comma(); a.append(activity); a.comma(); a.append(SampleBlockWriter.notDone); a.comma()
                a.newline()
                block.counts.activityRows += 1
            }
        }
        swap(&a, &block.activities)
    }

    /// The latest submission counts; some resubmit after a weak first grade.
    /// Graded as the class's tutor grades; the best ones are recommended (推优).
    func homework(id: [UInt8], cls: SampleClass, plan: StudyPlan, random: inout SampleRandom, block: inout SampleBlock) {
        guard random.chance(perMille: plan.homeworkPerMille) else { return }
        let days = context.periodDays
        let submitFirst = max(plan.firstDay, days * 35 / 100)
        let submitted = dayTime(firstDay: min(submitFirst, days - 1), lastDay: days - 1, random: &random)
        var h = CSVBytes(); swap(&h, &block.homework)
        if random.chance(perMille: 60) {
            let earlier = max(context.periodStart, submitted - Int64(random.int(in: 1...15)) * 86_400
                              - Int64(random.below(86_400)))
            h.append(id); h.comma(); h.append(context.homework); h.comma()
            h.time(earlier, days: context.dayTexts); h.comma()
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
}
