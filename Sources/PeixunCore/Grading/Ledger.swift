/// Per-person facts gathered from the record tables: flat arrays indexed by
/// roster position, so memory grows with persons, not with records.
struct Ledger {
    let personCount: Int
    let moduleCount: Int
    let activityCount: Int

    /// Counted hours, persons × modules, in `Hours` units.
    var hours: [Int128]
    /// Courses already counted per person (course-name ids).
    var courses: [[Int32]]
    /// Whether the person has at least one counted course.
    var hasCourse: [Bool]
    /// Completed activities, persons × activities.
    var activityDone: [Bool]
    /// Effective homework: time (seconds), grade index (-1 pending, -2 none), 推优.
    var homeworkTime: [Int64]
    var homeworkGrade: [Int16]
    var homeworkRecommended: [Bool]
    /// Counted 公告 and 简报 posts.
    var announcements: [Int32]
    var briefings: [Int32]

    static let noHomework: Int16 = -2
    static let pending: Int16 = -1

    init(persons: Int, modules: Int, activities: Int) {
        personCount = persons; moduleCount = modules; activityCount = activities
        hours = [Int128](repeating: 0, count: persons * modules)
        courses = [[Int32]](repeating: [], count: persons)
        hasCourse = [Bool](repeating: false, count: persons)
        activityDone = [Bool](repeating: false, count: persons * activities)
        homeworkTime = [Int64](repeating: .min, count: persons)
        homeworkGrade = [Int16](repeating: Ledger.noHomework, count: persons)
        homeworkRecommended = [Bool](repeating: false, count: persons)
        announcements = [Int32](repeating: 0, count: persons)
        briefings = [Int32](repeating: 0, count: persons)
    }

    /// Counts a course once per person: the first counted row wins.
    @inline(__always)
    mutating func addCourse(person p: Int, course: Int32, module m: Int, hours h: Int128) {
        if courses[p].contains(course) { return }
        courses[p].append(course)
        hours[p * moduleCount + m] += h
        hasCourse[p] = true
    }

    /// The latest submission wins; at equal times the later line (rows come in file order).
    mutating func submitHomework(person p: Int, time: Int64, grade: Int16, recommended: Bool) {
        guard time >= homeworkTime[p] else { return }
        homeworkTime[p] = time
        homeworkGrade[p] = grade
        homeworkRecommended[p] = recommended
    }

    func hours(person p: Int, module m: Int) -> Hours { Hours(units: hours[p * moduleCount + m]) }
    func activityDone(person p: Int, activity a: Int) -> Bool { activityDone[p * activityCount + a] }
}
