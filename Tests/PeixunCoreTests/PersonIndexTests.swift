import Testing
@testable import PeixunCore

@Suite struct PersonIndexTests {
    @Test func findsEveryKeyAndNothingElse() {
        // Keys that share low bits, to force probing.
        let keys = (0..<1_500).map { UInt64($0) << 32 | 0x5 } + (0..<1_500).map { UInt64($0) * 1_000_003 }
        var index = PersonIndex(capacity: keys.count)
        for (i, k) in keys.enumerated() { #expect(index.insert(k, Int32(i)) || keys[..<i].contains(k)) }
        for (i, k) in keys.enumerated() where !keys[..<i].contains(k) { #expect(index[k] == Int32(i)) }
        #expect(index[0xDEAD_BEEF_0000_0001] == nil)
        #expect(index.insert(keys[0], 99) == false)
    }

    @Test func byteInternerGivesDenseStableIDs() {
        var interner = ByteInterner(capacity: 2)
        let names = (0..<300).map { "课程\($0)" } + ["课程1", "课程299", ""]
        var ids: [Int32] = []
        for n in names {
            var s = n
            ids.append(s.withUTF8 { interner.id(of: $0) })
        }
        #expect(interner.count == 301)
        #expect(ids[300] == ids[1] && ids[301] == ids[299])
        #expect(interner.string(ids[42]) == "课程42")
    }
}

@Suite struct CourseListTests {
    @Test func entriesKeepHoursExactlyInTwentyFourBytes() {
        #expect(MemoryLayout<CourseList.Entry>.stride == 24)
        for h in [Int128(0), 1, Hours.scale * 15 / 2, 300_000_000_000_000_040, Int128(Int64.max) * 3 + 7] {
            #expect(CourseList.Entry(course: 1, module: 2, hours: h).hours == h)
        }
    }
}
