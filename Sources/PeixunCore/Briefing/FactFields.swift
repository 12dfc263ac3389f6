/// An exact byte encoding of a value's stored fields, for content keys (a
/// rerun takes over a briefing drawn from the same bytes). Every field is
/// written in declaration order: integers as 8 or 16 little-endian bytes,
/// strings and arrays framed by their length, optionals by a tag, so two
/// different values never give the same bytes. Much cheaper than
/// `String(reflecting:)`. Each type's `fieldCount` is the number of stored
/// properties it writes; a test compares it with the type's `Mirror`, so a
/// field added later cannot be forgotten.
public struct FieldBytes: Sendable {
    public fileprivate(set) var bytes: [UInt8] = []

    public init() { bytes.reserveCapacity(4096) }

    public mutating func add<T: FactFields>(_ value: T) { value.write(to: &self) }

    mutating func raw64(_ v: UInt64) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }
}

/// A value `FieldBytes` can write.
public protocol FactFields {
    /// The stored properties `write(to:)` covers.
    static var fieldCount: Int { get }
    func write(to out: inout FieldBytes)
}

extension Int: FactFields {
    public static var fieldCount: Int { 1 }
    public func write(to out: inout FieldBytes) { out.raw64(UInt64(bitPattern: Int64(self))) }
}

extension Int64: FactFields {
    public static var fieldCount: Int { 1 }
    public func write(to out: inout FieldBytes) { out.raw64(UInt64(bitPattern: self)) }
}

extension Int128: FactFields {
    public static var fieldCount: Int { 1 }
    public func write(to out: inout FieldBytes) {
        out.raw64(UInt64(truncatingIfNeeded: self))
        out.raw64(UInt64(truncatingIfNeeded: self >> 64))
    }
}

extension Bool: FactFields {
    public static var fieldCount: Int { 1 }
    public func write(to out: inout FieldBytes) { out.bytes.append(self ? 1 : 0) }
}

extension String: FactFields {
    public static var fieldCount: Int { 1 }
    public func write(to out: inout FieldBytes) {
        var s = self
        s.withUTF8 { utf8 in
            out.raw64(UInt64(utf8.count))
            out.bytes.append(contentsOf: utf8)
        }
    }
}

extension Optional: FactFields where Wrapped: FactFields {
    public static var fieldCount: Int { 1 }
    public func write(to out: inout FieldBytes) {
        if let v = self {
            out.bytes.append(1)
            out.add(v)
        } else {
            out.bytes.append(0)
        }
    }
}

extension Array: FactFields where Element: FactFields {
    public static var fieldCount: Int { 1 }
    public func write(to out: inout FieldBytes) {
        out.raw64(UInt64(count))
        for e in self { out.add(e) }
    }
}

extension Fraction: FactFields {
    public static var fieldCount: Int { 2 }
    public func write(to out: inout FieldBytes) { out.add(numerator); out.add(denominator) }
}

extension Points: FactFields {
    public static var fieldCount: Int { 1 }
    public func write(to out: inout FieldBytes) { out.add(hundredths) }
}

extension Hours: FactFields {
    public static var fieldCount: Int { 1 }
    public func write(to out: inout FieldBytes) { out.add(units) }
}

extension CivilDate: FactFields {
    public static var fieldCount: Int { 3 }
    public func write(to out: inout FieldBytes) { out.add(year); out.add(month); out.add(day) }
}

extension Role: FactFields {
    public static var fieldCount: Int { 1 }
    public func write(to out: inout FieldBytes) { out.add(rawValue) }
}

extension HomeworkStatus: FactFields {
    public static var fieldCount: Int { 1 }
    public func write(to out: inout FieldBytes) { out.add(rawValue) }
}

extension Anomaly.Kind: FactFields {
    public static var fieldCount: Int { 1 }
    public func write(to out: inout FieldBytes) { out.add(rawValue) }
}

extension ClassCounts: FactFields {
    public static var fieldCount: Int { 7 }
    public func write(to out: inout FieldBytes) {
        out.add(trainees); out.add(participated); out.add(passed); out.add(submitted); out.add(graded)
        out.add(recommended); out.add(excellent)
    }
}

extension HomeworkFigures: FactFields {
    public static var fieldCount: Int { 6 }
    public func write(to out: inout FieldBytes) {
        out.add(trainees); out.add(graded); out.add(pending); out.add(missing); out.add(recommended); out.add(byGrade)
    }
}

extension HomeworkFigures.GradeCount: FactFields {
    public static var fieldCount: Int { 2 }
    public func write(to out: inout FieldBytes) { out.add(grade); out.add(count) }
}

extension ScoreStatistics: FactFields {
    public static var fieldCount: Int { 6 }
    public func write(to out: inout FieldBytes) {
        out.add(count); out.add(average); out.add(median); out.add(bins); out.add(passScore); out.add(maximum)
    }
}

extension ScoreStatistics.Bin: FactFields {
    public static var fieldCount: Int { 4 }
    public func write(to out: inout FieldBytes) { out.add(lower); out.add(upper); out.add(count); out.add(passing) }
}
