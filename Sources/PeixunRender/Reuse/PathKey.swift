import Foundation
import PeixunCore

/// A path as the file system sees it: compared and hashed by its UTF-8 bytes.
///
/// `String` compares and hashes by canonical equivalence, which normalises non-ASCII text on
/// every hash — most of the cost of a set or dictionary of 100,000 Chinese paths — and takes
/// two different file names (`é` precomposed and decomposed) for one. On Linux file systems a
/// name is its bytes; so are these keys.
struct PathKey: Hashable, Sendable {
    let path: String

    init(_ path: String) {
        var p = path
        p.makeContiguousUTF8()  // native Swift strings are; one bridged from Foundation may not be
        self.path = p
    }

    static func == (a: PathKey, b: PathKey) -> Bool { a.path.hasSameBytes(as: b.path) }

    func hash(into hasher: inout Hasher) {
        // Contiguous since `init`.
        _ = path.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(path.utf8.count)
    }
}
