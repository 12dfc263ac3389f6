import Foundation
import PeixunCore
import PeixunSite

// Writes a verification site for N synthetic certificates (bench/verify-site.sh):
//   verify-site-bench N ITERATIONS OUT
// and prints one line: records files bytes prefix seconds.
let args = CommandLine.arguments
guard args.count == 4, let count = Int(args[1]), let iterations = Int(args[2]) else {
    FileHandle.standardError.write(Data("usage: verify-site-bench N ITERATIONS OUT\n".utf8))
    exit(2)
}
let out = args[3]
let surnames = Array("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗")
let given = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平")
let schools = ["魏都区第一高级中学", "许昌市第三中学", "禹州市实验小学", "长葛市第二初级中学", "建安区教师进修学校"]
let counties = ["魏都区", "建安区", "禹州市", "长葛市", "鄢陵县", "襄城县"]
let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
var random = SystemRandomNumberGenerator()
var entries: [SiteEntry] = []
entries.reserveCapacity(count)
for n in 1...max(1, count) {
    let code = String((0..<10).map { _ in alphabet[Int.random(in: 0..<32, using: &random)] })
    let name = String(surnames[n % surnames.count]) + String(given[(n / 7) % given.count]) + String(given[(n / 3) % given.count])
    entries.append(SiteEntry(number: String(format: "XC2021-1-JY-%07d", n),
                             code: String(code.prefix(5)) + "-" + String(code.suffix(5)),
                             status: n % 50 == 0 ? .revoked : .valid, kind: .completion, programme: 0,
                             maskedName: NameMask.mask(name), county: counties[n % counties.count],
                             school: schools[n % schools.count], revokedOn: n % 50 == 0 ? "2022-01-10" : nil))
}
let started = Date()
let summary = try SiteWriter.write(entries: entries, programmes: [
    SiteProgramme(name: "许昌市“十四五”第一期中小学教师继续教育培训", issuer: "许昌市教师教育培训中心", issueDate: "2021年12月25日"),
], to: out, iterations: iterations)
let seconds = Date().timeIntervalSince(started)
print("\(summary.records) \(summary.files) \(summary.bytes) \(summary.prefixLength) \(String(format: "%.2f", seconds))")
