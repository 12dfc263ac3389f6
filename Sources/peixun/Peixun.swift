import ArgumentParser
import Foundation
import PeixunCore
import PeixunRegistry

/// Exit status: 0 success; 1 a run stopped by bad input (message on stderr); 2 a usage error.
@main
struct Peixun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "peixun",
        abstract: "Grades a teacher-training programme's platform export and writes its results.",
        discussion: """
            Peixun reads the records a training platform exports at term end (roster, course hours, \
            research activities, homework, tutors' posts), computes every trainee's score, pass/fail and \
            ranking and every class tutor's (坊主) assessment exactly as the programme's scheme file says, \
            and writes results.json, certificates, rosters and briefings.

            Exit status: 0 success, 1 stopped by bad input (the reason is on stderr), 2 usage error.
            """,
        version: PeixunCore.version,
        subcommands: [RunCommand.self, GradeCommand.self, CheckCommand.self, CertifyCommand.self, RosterCommand.self,
                      BriefCommand.self, SampleCommand.self, InspectCommand.self, VerifyCommand.self, KeyCommand.self,
                      PartCommand.self, AssembleCommand.self])

    static func main() {
        if CommandLine.arguments.count == 1 {
            // No command at all is a usage error (exit 2), with the help on stderr.
            FileHandle.standardError.write(Data((helpMessage() + "\n").utf8))
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as FatalError {
            Log.error(error.description)
            Foundation.exit(1)
        } catch let error as SchemeError {
            Log.error("scheme: \(error.description)")
            Foundation.exit(1)
        } catch let error as RunFailure {
            Log.error(error.message)
            Foundation.exit(1)
        } catch let error as RegistryError {
            Log.error("registry: \(error)")
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)  // --help, --version
            }
            if code == .validationFailure || error is ValidationError {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            if let e = error as? ExitCode { Foundation.exit(e.rawValue) }
            Log.error("\(error)")
            Foundation.exit(1)
        }
    }
}

/// A failure while writing outputs (exit status 1; previous outputs intact).
struct RunFailure: Error {
    var message: String
}
