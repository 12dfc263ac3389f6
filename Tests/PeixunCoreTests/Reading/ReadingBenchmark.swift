import Foundation
import Testing
import PeixunCore

/// Throughput of the CSV reader on a large file, skipped unless PEIXUN_BENCH_CSV names a
/// courses table. Run in release mode, e.g.
///   python3 Tests/PeixunCoreTests/Fixtures/reading/make_bench_csv.py /tmp/courses.csv 1000000
///   PEIXUN_BENCH_CSV=/tmp/courses.csv swift test -c release --filter ReadingBenchmark
@Suite("ReadingBenchmark")
struct ReadingBenchmark {
    static let path = ProcessInfo.processInfo.environment["PEIXUN_BENCH_CSV"]

    @Test(.enabled(if: path != nil))
    func readLargeCSV() throws {
        let path = try #require(Self.path)
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        let clock = ContinuousClock()
        var reader: TableReader?
        let open = try clock.measure { reader = try TableReader(path: path, table: .courses) }
        var checksum = 0
        var records = 0
        let read = try clock.measure {
            records = try #require(reader).read { record in
                checksum &+= record.bytes(0).count &+ record.bytes(3).count &+ record.bytes(4).count
            }
        }
        let seconds = { (d: Duration) in Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
        let gigabytes = Double(size) / 1e9
        print(String(format: "ReadingBenchmark: %d records, %.3f GB; open (encoding check) %.3f s; read %.3f s; %.2f GB/s overall; checksum %d",
                     records, gigabytes, seconds(open), seconds(read), gigabytes / (seconds(open) + seconds(read)), checksum))
        #expect(records > 0)
    }
}
