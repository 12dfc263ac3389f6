// Certificate rendering benchmark and sample writer.
//
//   certificates-bench --count N --out DIR [--per-person|--merged] [--workers W]
//                      [--families "LXGW WenKai,Noto Serif CJK SC"] [--templates DIR] [--no-qr]
//   certificates-bench --samples DIR        # one page of each kind + test sheets + an overlay
//
// Prints one line: `<label> <count> certificates in <s> s = <rate>/s`.
import Foundation
import PeixunCore
import PeixunRender

var args = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let templates = option("--templates") ?? root.appendingPathComponent("Templates").path
let fonts = root.appendingPathComponent("Fonts").path

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(1)
}

let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
let given = Array("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬辉鑫宇浩然子涵欣怡梓萱雨桐一诺晨阳思远佳琪堃喆玥昇")
let counties = ["魏都区", "建安区", "禹州市", "长葛市", "鄢陵县", "襄城县"]
let schools = ["第一中学", "实验小学", "第二初级中学", "中心小学", "城关镇中心校", "育才学校", "外国语学校", "职业教育中心"]
let stages = ["小学语文", "小学数学", "初中英语", "初中数学", "高中物理", "高中历史", "幼儿园", "初中道德与法治"]
let issue = CivilDate(year: 2021, month: 12, day: 25)!

func people(_ n: Int) -> [CertificateData] {
    var rng = UInt64(20211225)
    func next(_ m: Int) -> Int {
        rng = rng &* 6364136223846793005 &+ 1442695040888963407
        return Int((rng >> 33) % UInt64(m))
    }
    return (0..<n).map { i in
        let kind: CertificateKind = i % 20 == 0 ? .excellentTrainee : (i % 97 == 0 ? .excellentTutor : .completion)
        let county = counties[next(counties.count)]
        var name = String(surnames[next(surnames.count)]) + String(given[next(given.count)])
        if next(2) == 0 { name += String(given[next(given.count)]) }
        if i % 500 == 7 { name = "王𬌗" }
        let code = ["completion": "JY", "excellent_trainee": "YX", "excellent_tutor": "FD"][kind.rawValue] ?? "XX"
        return CertificateData(
            kind: kind, name: name, maskedID: "4110\(String(format: "%02d", next(100)))**********\(String(format: "%03d", next(1000)))X",
            school: county.prefix(2) + schools[next(schools.count)], county: county, stageSubject: stages[next(stages.count)],
            programme: "许昌市“十四五”第一期中小学教师继续教育培训", hours: "\(50 + next(20))",
            result: kind == .excellentTutor ? "优秀" : "合格", number: String(format: "XC2021-%@-%06d", code, i + 1),
            verificationCode: String(format: "%04X-%04X", next(65536), next(65536)),
            issuer: "许昌市教师教育培训中心", issueDate: issue)
    }
}

do {
    if FileManager.default.fileExists(atPath: fonts) { try FontRegistry.register(directory: fonts) }
    var renderer = try CertificateRenderer.load(templatesDirectory: templates)
    if let f = option("--families") {
        renderer = renderer.withFamilies(f.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
    }
    let noQR = args.contains("--no-qr")
    if noQR { renderer.templates = renderer.templates.mapValues { var t = $0; t.qr = nil; return t } }
    if let dir = option("--samples") {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for kind in CertificateKind.allCases {
            var d = people(1)[0]
            d.kind = kind; d.name = "欧阳堃喆"; d.result = kind == .excellentTutor ? "优秀" : "合格"
            try renderer.writePDF(d, to: "\(dir)/\(kind.rawValue).pdf")
            try renderer.writeTestSheet(kind: kind, to: "\(dir)/test-sheet-\(kind.rawValue).pdf")
        }
        try renderer.writePDF(people(1)[0], to: "\(dir)/overlay.pdf", mode: .overlay(dx: 0, dy: 0))
        print("samples written to \(dir)")
        exit(0)
    }
    let count = Int(option("--count") ?? "2000") ?? 2000
    guard let out = option("--out") else { fail("--out DIR is required") }
    let merged = args.contains("--merged")
    let workers = Int(option("--workers") ?? "") ?? ProcessInfo.processInfo.activeProcessorCount
    let list = people(count)
    let options = CertificateOutputOptions(perPerson: !merged, mergedByCounty: merged, mergedBySchool: false, workers: workers)
    let start = DispatchTime.now().uptimeNanoseconds
    let summary = try renderer.writeAll(list, outputDirectory: out, options: options)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    if !summary.failures.isEmpty { fail("failures: \(summary.failures.map(\.description).joined(separator: "; "))") }
    let label = (merged ? "merged(\(summary.mergedFiles.count) files)" : "per-person") + (noQR ? " no-qr" : "")
    print(String(format: "%@ workers=%d %d certificates in %.2f s = %.0f/s", label, workers, count, seconds, Double(count) / seconds))
} catch {
    fail("\(error)")
}
