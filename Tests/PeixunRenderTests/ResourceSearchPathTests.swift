import Foundation
import PeixunCore
import Testing
@testable import PeixunRender

/// A fake machine under one temporary folder: `etc/peixun`, `usr/share/peixun`,
/// a checkout with its binary at `.build/x86_64-unknown-linux-gnu/release/peixun`,
/// a home folder and a working directory, each created empty.
private struct Machine {
    let root: URL
    var centre: String { root.appendingPathComponent("etc/peixun").path }
    var package: String { root.appendingPathComponent("usr/share/peixun").path }
    var checkout: String { root.appendingPathComponent("src/peixun").path }
    var binary: String { checkout + "/.build/x86_64-unknown-linux-gnu/release/peixun" }
    var home: String { root.appendingPathComponent("home/peixun").path }
    var work: String { root.appendingPathComponent("work").path }

    init() throws {
        root = try temporaryDirectory("resources")
        for dir in [centre, package, URL(fileURLWithPath: binary).deletingLastPathComponent().path, home, work] {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        }
        _ = FileManager.default.createFile(atPath: binary, contents: Data())
    }

    func search(environment: [String: String] = [:], executable: String? = nil) -> ResourceSearchPath {
        ResourceSearchPath(environment: environment, currentDirectory: work, executable: executable ?? binary,
                           centreRoot: centre, packageRoot: package)
    }

    /// Writes `<folder>/<file>` (parents created) with `text`.
    func put(_ folder: String, _ files: [String]) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for file in files {
            try Data("# \(folder)/\(file)\n".utf8).write(to: URL(fileURLWithPath: folder + "/" + file))
        }
    }
}

private let allTemplates = ["completion.toml", "excellent_trainee.toml", "excellent_tutor.toml"]

@Suite struct ResourceSearchPathTests {
    @Test func candidatesInOrder() throws {
        let m = try Machine()
        let got = m.search(environment: ["PEIXUN_HOME": m.home]).candidates("Templates", explicit: m.root.path + "/mine")
        let exeDir = m.checkout + "/.build/x86_64-unknown-linux-gnu/release"
        #expect(got == [
            m.root.path + "/mine",
            m.home + "/Templates",
            m.centre + "/templates",
            m.work + "/Templates",
            exeDir + "/Templates",
            m.checkout + "/.build/x86_64-unknown-linux-gnu/Templates",
            m.checkout + "/.build/Templates",
            m.checkout + "/Templates",
            m.package + "/templates",
        ])
    }

    @Test func noHomeVariableNoHomeCandidate() throws {
        let m = try Machine()
        for env in [[:], ["PEIXUN_HOME": ""]] {
            let got = m.search(environment: env).candidates("Fonts")
            #expect(got.first == m.centre + "/fonts")
            #expect(got.last == m.package + "/fonts")
            #expect(got.count == 7)
        }
    }

    @Test func packageAloneGivesEveryTemplate() throws {
        let m = try Machine()
        try m.put(m.package + "/templates", allTemplates)
        let files = try m.search().templateFiles()
        #expect(files == [.completion: m.package + "/templates/completion.toml",
                          .excellentTrainee: m.package + "/templates/excellent_trainee.toml",
                          .excellentTutor: m.package + "/templates/excellent_tutor.toml"])
    }

    /// The centre edits one template; the other two still come from the package.
    @Test func centreOverridesFileByFile() throws {
        let m = try Machine()
        try m.put(m.package + "/templates", allTemplates)
        try m.put(m.centre + "/templates", ["completion.toml", "README"])
        let files = try m.search().templateFiles()
        #expect(files[.completion] == m.centre + "/templates/completion.toml")
        #expect(files[.excellentTrainee] == m.package + "/templates/excellent_trainee.toml")
        #expect(files[.excellentTutor] == m.package + "/templates/excellent_tutor.toml")
    }

    /// Option, then PEIXUN_HOME, then /etc, then the checkout, then the package.
    @Test func precedenceForOneFile() throws {
        let m = try Machine()
        let mine = m.root.path + "/mine"
        let layers = [mine, m.home + "/Templates", m.centre + "/templates", m.checkout + "/Templates", m.package + "/templates"]
        for layer in layers { try m.put(layer, ["completion.toml"]) }
        try m.put(m.package + "/templates", allTemplates)
        for (i, expected) in layers.enumerated() {
            let explicit = i == 0 ? mine : nil
            let files = try m.search(environment: ["PEIXUN_HOME": m.home]).templateFiles(explicit: explicit)
            #expect(files[.completion] == expected + "/completion.toml")
            #expect(files[.excellentTutor] == m.package + "/templates/excellent_tutor.toml")
            if i > 0 { try FileManager.default.removeItem(atPath: expected) }
        }
    }

    /// A desktop's empty ~/Templates (XDG) in the working directory hides nothing.
    @Test func emptyFolderOfTheSameNameHidesNothing() throws {
        let m = try Machine()
        try m.put(m.work + "/Templates", ["report.odt"])
        try m.put(m.package + "/templates", allTemplates)
        #expect(try m.search().templateFiles()[.completion] == m.package + "/templates/completion.toml")
        #expect(try m.search().first("Templates") == m.work + "/Templates")
    }

    /// A symbolic link to the checkout's binary finds the checkout.
    @Test func symbolicLinkToTheBinary() throws {
        let m = try Machine()
        try m.put(m.checkout + "/Templates", allTemplates)
        let link = m.root.path + "/bin/peixun"
        try FileManager.default.createDirectory(atPath: m.root.path + "/bin", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: m.binary)
        #expect(try m.search(executable: link).templateFiles()[.excellentTrainee] == m.checkout + "/Templates/excellent_trainee.toml")
    }

    @Test func missingExplicitFolderIsAnError() throws {
        let m = try Machine()
        try m.put(m.package + "/templates", allTemplates)
        let missing = m.root.path + "/typo"
        #expect(throws: ResourceError.notAFolder(missing)) { try m.search().templateFiles(explicit: missing) }
        #expect(throws: ResourceError.notAFolder(missing)) { try m.search().folders("Fonts", explicit: missing) }
    }

    @Test func missingTemplateNamesEverythingSearched() throws {
        let m = try Machine()
        try m.put(m.package + "/templates", ["completion.toml", "excellent_trainee.toml"])
        let search = m.search()
        #expect(throws: ResourceError.templateNotFound(file: "excellent_tutor.toml", searched: search.candidates("Templates"))) {
            try search.templateFiles()
        }
        let message = ResourceError.templateNotFound(file: "excellent_tutor.toml", searched: ["/a", "/b"]).description
        #expect(message == "no excellent_tutor.toml in any templates folder (searched /a, /b)")
    }

    @Test func everyExistingFontsFolderInOrder() throws {
        let m = try Machine()
        try m.put(m.package + "/fonts", ["README.md"])
        try m.put(m.centre + "/fonts", [])
        try m.put(m.home + "/Fonts", [])
        let got = try m.search(environment: ["PEIXUN_HOME": m.home]).folders("Fonts")
        #expect(got == [m.home + "/Fonts", m.centre + "/fonts", m.package + "/fonts"])
    }

    /// A checkout whose working directory is also above the binary is listed once.
    @Test func duplicatesListedOnce() throws {
        let m = try Machine()
        let search = ResourceSearchPath(environment: [:], currentDirectory: m.checkout, executable: m.binary,
                                        centreRoot: m.centre, packageRoot: m.package)
        let got = search.candidates("Templates")
        #expect(got.filter { $0 == m.checkout + "/Templates" }.count == 1)
        #expect(got.count == 6)
    }

    /// A relative executable path (argv[0] run from its folder) is taken from the working directory.
    @Test func relativeExecutable() throws {
        let m = try Machine()
        let search = ResourceSearchPath(environment: [:], currentDirectory: m.checkout,
                                        executable: ".build/x86_64-unknown-linux-gnu/release/peixun",
                                        centreRoot: m.centre, packageRoot: m.package)
        #expect(search.executableDirectory == m.checkout + "/.build/x86_64-unknown-linux-gnu/release")
    }
}
