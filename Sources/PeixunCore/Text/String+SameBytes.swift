import Foundation

extension String {
    /// Whether the two are the same UTF-8 bytes: how a file system names a file and SQLite
    /// stores text. (`==` also equates canonically equivalent spellings, `é` precomposed and
    /// decomposed, which are different bytes, and normalises non-ASCII text to find out.)
    public func hasSameBytes(as other: String) -> Bool {
        let count = utf8.count
        guard count == other.utf8.count else { return false }
        guard count > 0 else { return true }
        let fast = utf8.withContiguousStorageIfAvailable { x in
            other.utf8.withContiguousStorageIfAvailable { y in
                guard let p = x.baseAddress, let q = y.baseAddress else { return false }
                return memcmp(p, q, count) == 0
            }
        }
        return (fast ?? nil) ?? utf8.elementsEqual(other.utf8)
    }
}
