import Foundation
import Testing
@testable import PeixunCore

/// Long lists (trainees in results.json) are rendered in batches on all cores and written in order.
@Suite struct ParallelTextTests {
    func render(_ i: Int, _ out: BufferedOutput) {
        out.write(i == 0 ? "\n" : ",\n")
        out.write("{\"n\":\(i),\"名\":\"学员\(i)\"}")
    }

    @Test func batchesGiveTheTextOfOnePass() {
        for count in [0, 1, 7, 8, 9, 100, 1001] {
            let serial = BufferedOutput(memoryCapacity: 0)
            for i in 0..<count { render(i, serial) }
            let parallel = BufferedOutput(memoryCapacity: 0)
            ParallelText.write(count: count, to: parallel, batchSize: 8, render)
            #expect(parallel.bytes == serial.bytes, "\(count) items")
        }
        let three = BufferedOutput(memoryCapacity: 0)
        ParallelText.write(count: 3, to: three, batchSize: 1, render)
        #expect(String(decoding: three.bytes, as: UTF8.self)
            == "\n{\"n\":0,\"名\":\"学员0\"},\n{\"n\":1,\"名\":\"学员1\"},\n{\"n\":2,\"名\":\"学员2\"}")
    }
}
