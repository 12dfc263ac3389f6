/// Everything a block of sample people is written from, prepared once as
/// CSV-ready bytes: the scheme's names, the catalogue per (学段, 学科), the
/// counties and schools, the period in seconds. Immutable, shared by threads.
struct SampleContext: Sendable {
    struct CountyFields: Sendable {
        var name: [UInt8]
        var areaCode: [UInt8]
        /// Schools per stage index, CSV-ready.
        var schools: [[[UInt8]]]
    }

    struct Module: Sendable {
        var name: [UInt8]
        var requiredHalves: Int
    }

    let seed: UInt64
    let layout: SampleLayout
    let identity: SampleIdentity
    let modules: [Module]
    let activities: [[UInt8]]
    let homework: [UInt8]
    /// Grade names, best first.
    let grades: [[UInt8]]
    let gradeCumulative: [Int]
    /// A module name the scheme does not have (for the unknown-module anomaly).
    let unknownModule: [UInt8]
    /// `catalogue[pair][module]`.
    let catalogue: [[[SampleCourse]]]
    let counties: [CountyFields]
    let stages: [[UInt8]]
    /// `subjects[stage][subject]`.
    let subjects: [[[UInt8]]]
    let periodStart: Int64
    /// First second after the period.
    let periodEnd: Int64
    let periodDays: Int
    /// Dates from 60 days before the period to 60 days after it.
    let dayTexts: DayTexts

    init(scheme: Scheme, people: Int, seed: UInt64) {
        self.seed = seed
        layout = SampleLayout(people: people, seed: seed)
        identity = SampleIdentity(seed: seed)
        let halfHour = Hours.scale / 2
        modules = scheme.modules.map {
            Module(name: CSVBytes.field($0.name),
                   requiredHalves: Int(($0.requiredHours.units + halfHour - 1) / halfHour))
        }
        activities = scheme.activities.map { CSVBytes.field($0.name) }
        homework = CSVBytes.field(scheme.homework.name)
        grades = scheme.homework.grades.map { CSVBytes.field($0.name) }
        // 优秀 28%, 良好 52%, 中等 20% in the seed; other grade lists lean to the middle.
        let seedShares = [28, 52, 20]
        gradeCumulative = cumulativeWeights(scheme.homework.grades.indices.map {
            scheme.homework.grades.count == 3 ? seedShares[$0] : 10 + 10 * min($0, scheme.homework.grades.count - 1 - $0)
        })
        var unknown = "综合素养"
        while scheme.moduleIndex(named: unknown) != nil { unknown += "（旧）" }
        unknownModule = CSVBytes.field(unknown)

        catalogue = SampleStages.pairs.map { pair in
            let stage = SampleStages.all[pair.stage]
            let subject = stage.subjects[pair.subject].name
            let prefix = stage.subjects.count == 1 ? subject : stage.name + subject
            return scheme.modules.map { module in
                SampleCatalogue.courses(module: module.name, subject: subject, prefix: prefix,
                                        requiredHalves: Int((module.requiredHours.units + halfHour - 1) / halfHour))
            }
        }
        counties = SampleCounties.all.map { county in
            CountyFields(name: CSVBytes.field(county.name), areaCode: Array(county.areaCode.utf8),
                         schools: SampleStages.all.map { stage in
                             (county.schools[stage.name] ?? ["\(county.name)中心学校"]).map(CSVBytes.field)
                         })
        }
        stages = SampleStages.all.map { CSVBytes.field($0.name) }
        subjects = SampleStages.all.map { $0.subjects.map { CSVBytes.field($0.name) } }
        periodStart = scheme.programme.periodStartTime.seconds
        periodEnd = scheme.programme.periodEndTime.seconds
        periodDays = Int((periodEnd - periodStart) / 86_400)
        dayTexts = DayTexts(from: scheme.programme.periodStart.adding(days: -60), days: periodDays + 120)
    }
}
