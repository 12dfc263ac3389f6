import Foundation

/// A byte-for-byte copy of a registry file into an existing (already
/// 0600/0640) file, which keeps its mode. The caller holds SQLite's shared
/// lock on the source, so no commit can change it meanwhile. Not synced here:
/// the reconcile's commit syncs the whole file (and a run that fails before
/// discards its staging folder).
enum RegistryFileCopy {
    static func copy(from source: String, to destination: String) throws {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw failure(source, "cannot open") }
        defer { close(input) }
        let output = open(destination, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard output >= 0 else { throw failure(destination, "cannot open") }
        defer { close(output) }
        let size = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let got = read(input, buffer, size)
            if got < 0 {
                if errno == EINTR { continue }
                throw failure(source, "cannot read")
            }
            if got == 0 { break }
            var written = 0
            while written < got {
                let n = write(output, buffer + written, got - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw failure(destination, "cannot write")
                }
                written += n
            }
        }
    }

    private static func failure(_ path: String, _ what: String) -> RegistryError {
        RegistryError.database(path: path, message: "\(what) the file (\(String(cString: strerror(errno))))")
    }
}
