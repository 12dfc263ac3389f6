#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A byte range of a file mapped read-only into memory, unmapped on release. Reading it touches
/// the page cache directly; the file must not shrink while it is mapped (the export is read,
/// never written, during a run).
final class MappedRange {
    private let base: UnsafeMutableRawPointer
    private let length: Int
    /// The range's first byte, `lead` bytes into the first mapped page.
    let bytes: UnsafePointer<UInt8>
    private let lead: Int

    /// nil when the file cannot be opened or mapped (the caller reads it instead).
    init?(path: String, from: Int, to: Int) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = from / page * page
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        length = to - start
        guard length > 0, let map = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, off_t(start)),
              map != MAP_FAILED else { return nil }
        _ = madvise(map, length, MADV_SEQUENTIAL)
        base = map
        lead = from - start
        bytes = UnsafePointer(map.assumingMemoryBound(to: UInt8.self) + (from - start))
    }

    /// Drops the pages before `offset` (bytes from `bytes`) from this process: they stay in the
    /// page cache, but a long scan does not count the whole file as its own memory.
    func release(before offset: Int) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let end = (lead + offset) / page * page
        if end > released {
            _ = madvise(base + released, end - released, MADV_DONTNEED)
            released = end
        }
    }
    private var released = 0

    deinit { munmap(base, length) }
}
