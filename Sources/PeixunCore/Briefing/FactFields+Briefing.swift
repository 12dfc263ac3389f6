/// The briefing facts as `FieldBytes`: every stored property, in declaration
/// order (see `FactFields`). The PDF and the Markdown of a 坊 or of the
/// programme are drawn from these values only, so equal bytes mean equal files.
extension ClassBriefingFacts: FactFields {
    public static var fieldCount: Int { 19 }
    public func write(to out: inout FieldBytes) {
        out.add(programme); out.add(className); out.add(county); out.add(stage); out.add(subject)
        out.add(tutorNames); out.add(dataDate); out.add(isMidTerm); out.add(remainingDays); out.add(periodEnd)
        out.add(counts); out.add(homework); out.add(scores); out.add(modules); out.add(activities)
        out.add(tutors); out.add(excellent); out.add(recommendedHomework); out.add(lacks)
    }

    /// The bytes of every field.
    public var fieldBytes: [UInt8] {
        var out = FieldBytes()
        out.add(self)
        return out.bytes
    }
}

extension ClassBriefingFacts.ModuleHours: FactFields {
    public static var fieldCount: Int { 5 }
    public func write(to out: inout FieldBytes) {
        out.add(module); out.add(required); out.add(average); out.add(averageCapped); out.add(reached)
    }
}

extension ClassBriefingFacts.ActivityCompletion: FactFields {
    public static var fieldCount: Int { 2 }
    public func write(to out: inout FieldBytes) { out.add(activity); out.add(completed) }
}

extension ClassBriefingFacts.Listed: FactFields {
    public static var fieldCount: Int { 4 }
    public func write(to out: inout FieldBytes) { out.add(name); out.add(school); out.add(total); out.add(note) }
}

extension TutorAssessmentFacts: FactFields {
    public static var fieldCount: Int { 9 }
    public func write(to out: inout FieldBytes) {
        out.add(name); out.add(classes); out.add(items); out.add(total); out.add(passScore); out.add(passed)
        out.add(rank); out.add(tutorCount); out.add(excellent)
    }
}

extension TutorAssessmentFacts.Item: FactFields {
    public static var fieldCount: Int { 5 }
    public func write(to out: inout FieldBytes) {
        out.add(label); out.add(points); out.add(maximum); out.add(have); out.add(missing)
    }
}

extension TraineeLacks: FactFields {
    /// `traineeIndex` is counted but not written: it only orders equal gaps, and the
    /// list's order is in the bytes already. (A person added early in the roster
    /// shifts every index after it without changing what a briefing shows.)
    public static var fieldCount: Int { 12 }
    public func write(to out: inout FieldBytes) {
        out.add(name); out.add(school); out.add(role); out.add(total); out.add(gap); out.add(modules)
        out.add(activities); out.add(homework); out.add(tutorHoursMissing); out.add(moduleCount); out.add(activityCount)
    }
}

extension TraineeLacks.ModuleShortfall: FactFields {
    public static var fieldCount: Int { 5 }
    public func write(to out: inout FieldBytes) {
        out.add(module); out.add(counted); out.add(required); out.add(missing); out.add(points)
    }
}

extension TraineeLacks.ActivityShortfall: FactFields {
    public static var fieldCount: Int { 2 }
    public func write(to out: inout FieldBytes) { out.add(activity); out.add(points) }
}

extension TraineeLacks.HomeworkShortfall: FactFields {
    public static var fieldCount: Int { 3 }
    public func write(to out: inout FieldBytes) { out.add(homework); out.add(status); out.add(points) }
}

extension ProgrammeSummaryFacts: FactFields {
    public static var fieldCount: Int { 20 }
    public func write(to out: inout FieldBytes) {
        out.add(programme); out.add(issuer); out.add(periodStart); out.add(periodEnd); out.add(dataDate)
        out.add(isMidTerm); out.add(remainingDays); out.add(classCount); out.add(total); out.add(byCounty)
        out.add(byStage); out.add(bySubject); out.add(tutorTrainees); out.add(tutorTraineesPassed); out.add(scores)
        out.add(homework); out.add(tutors); out.add(anomalies); out.add(anomalyTotal); out.add(honours)
    }

    /// The bytes of every field.
    public var fieldBytes: [UInt8] {
        var out = FieldBytes()
        out.add(self)
        return out.bytes
    }
}

extension ProgrammeSummaryFacts.Group: FactFields {
    public static var fieldCount: Int { 7 }
    public func write(to out: inout FieldBytes) {
        out.add(name); out.add(trainees); out.add(participated); out.add(passed); out.add(excellent)
        out.add(submitted); out.add(totalHundredths)
    }
}

extension ProgrammeSummaryFacts.TutorFigures: FactFields {
    public static var fieldCount: Int { 5 }
    public func write(to out: inout FieldBytes) {
        out.add(tutors); out.add(passed); out.add(excellent); out.add(average); out.add(items)
    }
}

extension ProgrammeSummaryFacts.TutorFigures.ItemAverage: FactFields {
    public static var fieldCount: Int { 3 }
    public func write(to out: inout FieldBytes) { out.add(label); out.add(average); out.add(maximum) }
}

extension ProgrammeSummaryFacts.Honours: FactFields {
    public static var fieldCount: Int { 3 }
    public func write(to out: inout FieldBytes) { out.add(county); out.add(excellentTrainees); out.add(excellentTutors) }
}

extension ProgrammeSummaryFacts.AnomalyCount: FactFields {
    public static var fieldCount: Int { 2 }
    public func write(to out: inout FieldBytes) { out.add(kind); out.add(count) }
}
