import Foundation
import PeixunCore

/// The print batch: every certificate of a run with its number and code filled in, written once
/// after the registry was reconciled, so that parts of the drawing (`peixun part`) need neither
/// the key nor the registry. JSON Lines, one certificate per line (masked ID numbers only).
public enum PrintBatch {
    private struct Record: Codable {
        var kind: String, name: String, maskedID: String, school: String, county: String, stageSubject: String
        var programme: String, hours: String, result: String, number: String, code: String, issuer: String
        var issueDate: String, verifyURL: String?
    }

    /// Writes `certificates` to `path` (atomically); returns the file's SHA-256.
    @discardableResult
    public static func write(_ certificates: [CertificateData], to path: String) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = Data()
        for d in certificates {
            let r = Record(kind: d.kind.rawValue, name: d.name, maskedID: d.maskedID, school: d.school, county: d.county,
                           stageSubject: d.stageSubject, programme: d.programme, hours: d.hours, result: d.result,
                           number: d.number, code: d.verificationCode, issuer: d.issuer,
                           issueDate: "\(d.issueDate)", verifyURL: d.verifyURL)
            data.append(try encoder.encode(r))
            data.append(0x0A)
        }
        do { try data.write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw RenderError.output(path: path, message: error.localizedDescription)
        }
        return digest(data)
    }

    /// Reads a batch written by `write`, with the file's SHA-256.
    public static func read(path: String) throws -> (certificates: [CertificateData], digest: String) {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw RenderError.output(path: path, message: "cannot read the print batch: \(error.localizedDescription)")
        }
        let decoder = JSONDecoder()
        var out: [CertificateData] = []
        var line = 0
        for slice in data.split(separator: 0x0A, omittingEmptySubsequences: true) {
            line += 1
            guard let r = try? decoder.decode(Record.self, from: Data(slice)), let kind = CertificateKind(rawValue: r.kind),
                  let date = civilDate(r.issueDate) else {
                throw RenderError.output(path: path, message: "line \(line): not a certificate of a print batch")
            }
            out.append(CertificateData(kind: kind, name: r.name, maskedID: r.maskedID, school: r.school, county: r.county,
                                       stageSubject: r.stageSubject, programme: r.programme, hours: r.hours, result: r.result,
                                       number: r.number, verificationCode: r.code, issuer: r.issuer, issueDate: date,
                                       verifyURL: r.verifyURL))
        }
        return (out, digest(data))
    }

    static func civilDate(_ text: String) -> CivilDate? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return CivilDate(year: parts[0], month: parts[1], day: parts[2])
    }

    static func digest(_ data: Data) -> String {
        var key = ContentKey()
        key.add(Array(data))
        return key.hex
    }
}

/// Which part draws which 区县: whole 区县, so that every merged print file is drawn by one part.
/// Balanced by pages (each certificate is drawn for its person, its 单位 and its 区县): the
/// heaviest 区县 first, each to the lightest part so far (the lower part on a tie).
public enum PrintParts {
    /// 区县 → part (0-based, below `parts`).
    public static func assign(_ certificates: [CertificateData], parts: Int) -> [String: Int] {
        var weight: [String: Int] = [:]
        for d in certificates { weight[d.county, default: 0] += 1 }
        let counties = weight.keys.sorted { (weight[$0]!, $1) > (weight[$1]!, $0) }
        var load = Array(repeating: 0, count: max(1, parts))
        var assignment: [String: Int] = [:]
        for county in counties {
            let part = load.indices.min { (load[$0], $0) < (load[$1], $1) }!
            assignment[county] = part
            load[part] += weight[county]!
        }
        return assignment
    }
}
