import Foundation
import Testing
@testable import PeixunCore

/// Long lists (trainees in results.json) are rendered in batches on all cores and written in order.
@Suite struct ParallelTextTests {
    func render(_ i: Int, _ out: inout JSONText) {
        out.raw(i == 0 ? "\n" : ",\n")
        out.raw("{\"n\":"); out.integer(i); out.raw(",\"名\":"); out.string("学员\(i)"); out.byte(UInt8(ascii: "}"))
    }

    @Test func batchesGiveTheTextOfOnePass() {
        for count in [0, 1, 7, 8, 9, 31, 32, 33, 100, 1001] {
            var serial = JSONText()
            for i in 0..<count { render(i, &serial) }
            let parallel = BufferedOutput(memoryCapacity: 0)
            ParallelText.write(count: count, to: parallel, batchSize: 8, render)
            #expect(parallel.bytes == serial.bytes, "\(count) items")
        }
        let three = BufferedOutput(memoryCapacity: 0)
        ParallelText.write(count: 3, to: three, batchSize: 1, render)
        #expect(String(decoding: three.bytes, as: UTF8.self)
            == "\n{\"n\":0,\"名\":\"学员0\"},\n{\"n\":1,\"名\":\"学员1\"},\n{\"n\":2,\"名\":\"学员2\"}")
    }

    /// Batches go to a file as they are (no copy into the output's buffer), in order, and
    /// what was buffered before them comes first.
    @Test func largeBatchesReachAFileInOrder() throws {
        let path = NSTemporaryDirectory() + "peixun-parallel-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try BufferedOutput(path: path)
        file.write("[")
        ParallelText.write(count: 5000, to: file, batchSize: 64, render)
        file.write("]")
        try file.close()
        var serial = JSONText()
        serial.raw("[")
        for i in 0..<5000 { render(i, &serial) }
        serial.raw("]")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(serial.bytes))
    }
}
