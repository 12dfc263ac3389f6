/// The deliberate faulty course rows (see `SampleAnomalyKind`).
extension SampleBlockWriter {
    func anomaly(_ kind: SampleAnomalyKind, id: [UInt8], cls: SampleClass,
                         random: inout SampleRandom, block: inout SampleBlock) {
        guard !context.modules.isEmpty else { return }
        let m = random.below(context.modules.count)
        let list = context.catalogue[cls.pair][m]
        let course = list[random.below(list.count)]
        var inPeriod = dayTime(firstDay: 0, lastDay: context.periodDays - 1, random: &random)
        var out = CSVBytes(); swap(&out, &block.courses)
        var personID = id
        if kind == .unknownID {
            let county = context.counties[random.below(context.counties.count)]
            personID = SampleIdentity.outsider(random: &random, areaCode: county.areaCode)
        }
        out.append(personID); out.comma()
        out.append(kind == .unknownModule ? SampleBlockWriter.strayCourse : course.name); out.comma()
        out.append(kind == .unknownModule ? context.unknownModule : context.modules[m].name); out.comma()
        if kind == .badHours {
            out.append(SampleBlockWriter.badHours[random.below(SampleBlockWriter.badHours.count)])
        } else {
            out.halfHours(course.halves)
        }
        out.comma()
        if kind == .outOfPeriod {
            inPeriod = random.chance(perMille: 500)
                ? context.periodStart - Int64(random.int(in: 1...9)) * 86_400 + Int64(random.below(86_400))
                : context.periodEnd + Int64(random.int(in: 0...25)) * 86_400 + Int64(random.below(86_400))
        }
        out.time(inPeriod, days: context.dayTexts); out.newline()
        swap(&out, &block.courses)
        block.counts.courseRows += 1
        block.counts.anomalies[kind.rawValue] += 1
    }
}
