import Foundation
import Testing
@testable import PeixunRegistry
#if canImport(Glibc)
import Glibc
#endif

@Suite(.serialized) struct VerificationKeyTests {
    func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try #require(attributes[.posixPermissions] as? Int)
    }

    @Test func createdWithMode0600AndReused() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("config/peixun/secret.key")
        // Even with a permissive umask the key and its new folders stay private.
        let previous = umask(0)
        defer { umask(previous) }
        let created = try VerificationKey.loadOrCreate(at: path)
        #expect(try mode(path) == 0o600)
        #expect(try mode(folder.path("config/peixun")) == 0o700)
        #expect(try mode(folder.path("config")) == 0o700)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.count == 32)
        #expect(Set(bytes).count > 4)

        let again = try VerificationKey.loadOrCreate(at: path)
        let loaded = try VerificationKey.load(at: path)
        let code = { (k: VerificationKey) in
            VerificationCode.compute(key: k, programme: "P", kind: .completion, number: "N", id: "I", name: "名")
        }
        #expect(code(created) == code(again) && code(created) == code(loaded))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        // No temporary files left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("config/peixun")) == ["secret.key"])

        // A different file is a different key.
        let other = try VerificationKey.loadOrCreate(at: folder.path("other.key"))
        #expect(code(other) != code(created))
    }

    @Test func loadNeverCreates() throws {
        let folder = try TemporaryFolder()
        #expect(throws: RegistryError.keyFileMissing(path: folder.path("secret.key"))) {
            try VerificationKey.load(at: folder.path("secret.key"))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path("secret.key")))
    }

    @Test func rejectsReadableOrMalformedKeys() throws {
        let folder = try TemporaryFolder()
        let readable = folder.path("readable.key")
        _ = FileManager.default.createFile(atPath: readable, contents: Data(repeating: 1, count: 32),
                                       attributes: [.posixPermissions: 0o644])
        #expect(throws: RegistryError.self) { try VerificationKey.load(at: readable) }
        #expect(throws: RegistryError.self) { try VerificationKey.loadOrCreate(at: readable) }

        let short = folder.path("short.key")
        _ = FileManager.default.createFile(atPath: short, contents: Data(repeating: 1, count: 31),
                                       attributes: [.posixPermissions: 0o600])
        #expect(throws: RegistryError.self) { try VerificationKey.load(at: short) }
        let long = folder.path("long.key")
        _ = FileManager.default.createFile(atPath: long, contents: Data(repeating: 1, count: 33),
                                       attributes: [.posixPermissions: 0o600])
        #expect(throws: RegistryError.self) { try VerificationKey.load(at: long) }
        #expect(throws: RegistryError.self) { try VerificationKey.load(at: folder.url.path) }
        #expect(throws: RegistryError.self) { try VerificationKey(bytes: [1, 2, 3]) }
    }

    @Test func concurrentFirstUseAgreesOnOneKey() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("secret.key")
        let codes = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    let key = try VerificationKey.loadOrCreate(at: path)
                    return VerificationCode.compute(key: key, programme: "P", kind: .completion, number: "N",
                                                    id: "I", name: "名")
                }
            }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(codes.count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["secret.key"])
    }

    @Test func defaultPath() {
        #expect(VerificationKey.defaultPath(environment: ["PEIXUN_KEY_FILE": "/etc/peixun.key", "HOME": "/home/a"])
                == "/etc/peixun.key")
        #expect(VerificationKey.defaultPath(environment: ["PEIXUN_KEY_FILE": "", "HOME": "/home/a"])
                == "/home/a/.config/peixun/secret.key")
    }

    @Test func keyMustStayOutOfTheOutputFolder() throws {
        let folder = try TemporaryFolder()
        let out = folder.path("out")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        #expect(throws: RegistryError.self) { try VerificationKey.ensure(keyPath: out + "/secret.key", isOutside: out) }
        #expect(throws: RegistryError.self) {
            try VerificationKey.ensure(keyPath: out + "/keys/new/secret.key", isOutside: out)
        }
        #expect(throws: RegistryError.self) {
            try VerificationKey.ensure(keyPath: folder.path("x/../out/secret.key"), isOutside: out)
        }
        // Through a symbolic link to the output folder.
        try FileManager.default.createSymbolicLink(atPath: folder.path("link"), withDestinationPath: out)
        #expect(throws: RegistryError.self) {
            try VerificationKey.ensure(keyPath: folder.path("link/secret.key"), isOutside: out)
        }
        try VerificationKey.ensure(keyPath: folder.path("secret.key"), isOutside: out)
        try VerificationKey.ensure(keyPath: folder.path("out2/secret.key"), isOutside: out)
    }
}
