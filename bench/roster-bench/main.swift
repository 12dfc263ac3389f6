// roster-bench — builds N synthetic graded trainees in memory and times
// RosterWriter writing the 名册 sheet (constant-memory mode), then prints
// rows per second and peak memory, and the cost of the content key a rerun
// computes instead (RosterWriter.contentKey) as a ratio to the write. The data generator is a 64-bit LCG shared
// with bench/roster_python.py, so both write the same rows.
//
//   swift build -c release --product roster-bench
//   .build/release/roster-bench --people 100000 --out /tmp/roster-bench [--all-sheets]
import Foundation
import PeixunCore
import PeixunWorkbook

struct LCG {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 33
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

let surnames = Array("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕")
let given = Array("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽")
let counties = ["魏都区", "建安区", "禹州市", "长葛市", "鄢陵县", "襄城县", "示范区", "东城区"]
let stages = ["小学", "初中", "高中"]
let subjects = ["语文", "数学", "英语", "物理", "化学", "生物", "历史", "地理", "道德与法治", "信息技术"]

func syntheticResults(scheme: Scheme, people: Int) -> Results {
    var rng = LCG(state: 20211220)
    var trainees: [TraineeResult] = []
    trainees.reserveCapacity(people)
    let classSize = 30
    for i in 0..<people {
        let classNo = i / classSize
        let county = counties[classNo % counties.count]
        let stage = stages[classNo % stages.count]
        let subject = subjects[classNo % subjects.count]
        let className = "\(county)\(stage)\(subject)\(classNo + 1)坊"
        let school = "\(county)第\(rng.below(40) + 1)\(stage == "小学" ? "实验小学" : "中学")"
        let name = String(surnames[rng.below(surnames.count)]) + String(given[rng.below(given.count)])
            + (rng.below(2) == 0 ? String(given[rng.below(given.count)]) : "")
        let first17 = String(format: "4110%02d19%02d%02d%02d%03d", rng.below(30), 60 + rng.below(40),
                             1 + rng.below(12), 1 + rng.below(28), rng.below(1000))
        let id = first17 + String(UnicodeScalar(IDNumber.checkCharacter(for: Array(first17.utf8))))
        var hours: [Hours] = [], modulePoints: [Points] = []
        for module in scheme.modules {
            // 0 … required + 5 hours in quarter hours.
            let required = Int(module.requiredHours.units / Hours.scale)
            let h = Hours(units: Int128(rng.below((required + 5) * 4 + 1)) * Hours.scale / 4)
            hours.append(h)
            let capped = min(h, module.requiredHours)
            modulePoints.append(Points(rounding: module.points * capped.fraction / module.requiredHours.fraction))
        }
        let completed = scheme.activities.map { _ in rng.below(10) < 8 }
        let activityPoints = zip(scheme.activities, completed).map { $1 ? Points(rounding: $0.points) : .zero }
        let g = rng.below(5)
        let homework: HomeworkOutcome = g < 3
            ? HomeworkOutcome(status: .graded, grade: scheme.homework.grades[g].name, recommended: g == 0,
                              points: Points(rounding: scheme.homework.grades[g].points), submittedAt: nil)
            : (g == 3 ? HomeworkOutcome(status: .pending, grade: nil, recommended: false, points: .zero, submittedAt: nil)
                      : .missing)
        let total = modulePoints.reduce(.zero, +) + activityPoints.reduce(.zero, +) + homework.points
        let passed = total >= Points(rounding: scheme.trainee.passScore)
        let rank = i % classSize + 1
        let excellent = passed && rank <= 3
        var certificates: [CertificateRef] = []
        if passed { certificates.append(CertificateRef(kind: .completion, number: String(format: "XC2021-1-JY-%07d", i + 1))) }
        if excellent { certificates.append(CertificateRef(kind: .excellentTrainee, number: String(format: "XC2021-1-YX-%07d", i + 1))) }
        trainees.append(TraineeResult(
            person: Person(id: id, name: name, gender: rng.below(3) == 0 ? "男" : "女", county: county, school: school,
                           stage: stage, subject: subject, className: className, role: .trainee, line: i + 2),
            hours: hours, modulePoints: modulePoints, activitiesCompleted: completed, activityPoints: activityPoints,
            homework: homework, total: total, passed: passed, passBasis: passed ? .score : nil, rank: rank,
            scopeSize: classSize, quota: 3, excellent: excellent, participated: true, certificates: certificates))
    }
    return Results(scheme: scheme, dataDate: scheme.programme.periodEnd, isMidTerm: false, trainees: trainees,
                   tutors: [], classes: [], anomalies: [], inputs: [])
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
}

func now() -> Double { Date().timeIntervalSince1970 }

/// User + system CPU seconds of this process: a rate per CPU second holds on a
/// machine shared with other jobs, where wall-clock rates swing.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1_000_000
}

var people = 100_000
var out = NSTemporaryDirectory() + "roster-bench"
var allSheets = false
var scheme = "seeds/xuchang-2021-1/scheme.toml"
var args = CommandLine.arguments.dropFirst().makeIterator()
while let a = args.next() {
    switch a {
    case "--people": people = Int(args.next() ?? "") ?? people
    case "--out": out = args.next() ?? out
    case "--scheme": scheme = args.next() ?? scheme
    case "--all-sheets": allSheets = true
    default:
        FileHandle.standardError.write(Data("usage: roster-bench [--people N] [--out DIR] [--scheme FILE] [--all-sheets]\n".utf8))
        exit(2)
    }
}

do {
    let loaded = try SchemeLoader.load(path: scheme)
    let t0 = now()
    let results = syntheticResults(scheme: loaded, people: people)
    let t1 = now()
    let rssBefore = peakRSSMegabytes()
    let cpu0 = cpuSeconds()
    let options = RosterOptions(sheets: allSheets ? RosterSheet.allCases : [.roster])
    let paths = try RosterWriter.write(results: results, to: out, options: options)
    let t2 = now()
    let cpu = cpuSeconds() - cpu0
    let size = (try? FileManager.default.attributesOfItem(atPath: paths[0])[.size] as? Int) ?? 0
    // The content key a rerun computes instead of writing (RosterWriter.contentKey), timed the same way.
    let t3 = now(), cpu1 = cpuSeconds()
    for workbook in try RosterWriter.workbooks(of: results, options: options) {
        _ = try RosterWriter.contentKey(workbook, options: options)
    }
    let keySeconds = now() - t3, keyCPU = cpuSeconds() - cpu1
    print(String(format: "key_s=%.2f key_cpu_s=%.2f write_over_key_cpu=%.1fx", keySeconds, keyCPU, cpu / keyCPU))
    print(String(format: "swift rows=%d build_s=%.2f write_s=%.2f rows_per_s=%.0f write_cpu_s=%.2f rows_per_cpu_s=%.0f rss_after_build_mb=%.1f peak_rss_mb=%.1f writer_mb=%.1f file_mb=%.1f",
                 people, t1 - t0, t2 - t1, Double(people) / (t2 - t1), cpu, Double(people) / cpu, rssBefore, peakRSSMegabytes(),
                 peakRSSMegabytes() - rssBefore, Double(size) / 1_048_576))
} catch {
    FileHandle.standardError.write(Data("roster-bench: \(error)\n".utf8))
    exit(1)
}
