import PeixunCore

/// 运行概览 — what `OUT/index.html` shows: the programme and data date, headline figures, one row
/// per 区县 (with its 单位 and 坊 loaded on demand), the files, what changed since the previous run
/// and the anomalies. Built from `Results` and the paths the run wrote; holds masked ID numbers
/// only, so the page can be opened by anyone who may see the certificates.
public struct RunOverview: Sendable, Equatable {
    /// A file of the output folder: a label and its path relative to the folder.
    public struct Link: Sendable, Equatable, Codable {
        public var label: String
        public var path: String
        public init(label: String, path: String) { self.label = label; self.path = path }
    }

    /// Headline figures.
    public struct Figures: Sendable, Equatable {
        public var trainees = 0
        public var passed = 0
        public var excellent = 0
        public var tutors = 0
        public var tutorsPassed = 0
        public var excellentTutors = 0
        /// Certificates numbered in the registry, by kind (all kinds when the run issues).
        public var certificates: [CertificateKind: Int] = [:]
        public var anomalies = 0
        public var notices = 0
        public var certificateTotal: Int { certificates.values.reduce(0, +) }
    }

    /// One 区县: its figures, its merged print files, and (in its own data file) its 单位 and 坊.
    public struct County: Sendable, Equatable {
        public var name: String
        public var trainees = 0
        public var passed = 0
        public var excellent = 0
        public var certificates = 0
        public var printFiles: [Link] = []
        public var units: [Unit] = []
        public var classes: [ClassEntry] = []
    }

    /// One 单位 of a 区县: its folders of per-person certificates and its print files.
    public struct Unit: Sendable, Equatable, Codable {
        public var name: String
        public var trainees = 0
        public var passed = 0
        public var certificates = 0
        public var links: [Link] = []
    }

    /// One 坊: its tutor(s), figures and briefing files.
    public struct ClassEntry: Sendable, Equatable, Codable {
        public var name: String
        public var tutors: String
        public var trainees: Int
        public var passed: Int
        public var links: [Link]
    }

    /// What changed in the registry since the previous run, for the page (masked IDs).
    public struct Changes: Sendable, Equatable {
        public struct Row: Sendable, Equatable, Codable {
            public var what: String
            public var number: String
            public var name: String
            public var maskedID: String
            public var county: String
            public var school: String
            public init(what: String, number: String, name: String, maskedID: String, county: String, school: String) {
                self.what = what; self.number = number; self.name = name; self.maskedID = maskedID
                self.county = county; self.school = school
            }
        }
        public struct Group: Sendable, Equatable {
            public var title: String
            public var count: Int
            public var rows: [Row]
            public init(title: String, count: Int, rows: [Row]) { self.title = title; self.count = count; self.rows = rows }
        }
        public var firstRun: Bool
        public var run: Int64
        public var previousRunAt: String?
        public var groups: [Group]
        public init(firstRun: Bool, run: Int64, previousRunAt: String?, groups: [Group]) {
            self.firstRun = firstRun; self.run = run; self.previousRunAt = previousRunAt; self.groups = groups
        }
    }

    /// One anomaly or notice, as the table shows it.
    public struct AnomalyRow: Sendable, Equatable, Codable {
        public var level: String
        public var file: String
        public var line: Int?
        public var kind: String
        public var label: String
        public var message: String
        /// The roster person the row belongs to, for searching by name.
        public var name: String?
    }

    public var programme: String
    public var code: String
    public var issuer: String
    public var dataDate: String
    public var isMidTerm: Bool
    public var figures: Figures
    public var counties: [County]
    /// Rosters, summary and the machine-readable files.
    public var files: [Link]
    public var changes: Changes?
    public var anomalies: [AnomalyRow]
}
