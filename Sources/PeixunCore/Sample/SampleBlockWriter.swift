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
    struct CourseRow {
        var time: Int64
        var module: Int
        var course: Int
        var finished: Bool
    }

    var rows: [CourseRow] = []
    var picks: [Int] = []
    var sessions: [Int64] = []

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

    /// A moment on a day in `firstDay...lastDay` of the period, at a plausible hour.
    func dayTime(firstDay: Int, lastDay: Int, random: inout SampleRandom) -> Int64 {
        let day = random.int(in: firstDay...max(firstDay, lastDay))
        let hour = random.pick(cumulative: SampleBlockWriter.hourCumulative)
        return context.periodStart + Int64(day) * 86_400 + Int64(hour * 3600 + random.below(3600))
    }
}
