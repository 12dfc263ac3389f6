import Foundation

/// One stored part of a zip archive, as its central directory describes it.
struct ZipEntry {
    var path: String
    /// 0 stored, 8 deflate.
    var method: UInt16
    var flags: UInt16
    var crc32: UInt32
    var compressedSize: Int64
    var declaredSize: Int64
    var localHeaderOffset: Int64
}

/// Reads the central directory of a zip file (zip64 included) so that each part can be read
/// from a known offset with known sizes; the parts themselves are read by `XLSXPackage`.
enum ZipDirectory {
    /// More entries than any workbook holds.
    static let maxEntries = 65_536
    static let maxDirectoryBytes = 64 << 20

    struct Malformed: Error { var reason: String }

    static func read(_ file: FileHandle, size: Int64) throws -> [ZipEntry] {
        // The end-of-central-directory record: within the last 64 KiB + 22 bytes.
        let tailLength = Int(min(size, 65_557))
        let tail = try bytes(file, at: size - Int64(tailLength), count: tailLength)
        guard tail.count >= 22,
              let eocd = stride(from: tail.count - 22, through: 0, by: -1).first(where: {
                  u32(tail, $0) == 0x0605_4B50 }) else {
            throw Malformed(reason: "not a zip archive")
        }
        var count = Int64(u16(tail, eocd + 10))
        var directorySize = Int64(u32(tail, eocd + 12))
        var directoryOffset = Int64(u32(tail, eocd + 16))
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            // Zip64: the locator sits just before the record.
            let locatorAt = size - Int64(tailLength) + Int64(eocd) - 20
            guard locatorAt >= 0 else { throw Malformed(reason: "bad zip64 locator") }
            let locator = try bytes(file, at: locatorAt, count: 20)
            guard u32(locator, 0) == 0x0706_4B50 else { throw Malformed(reason: "bad zip64 locator") }
            let record = try bytes(file, at: Int64(u64(locator, 8)), count: 56)
            guard record.count == 56, u32(record, 0) == 0x0606_4B50 else {
                throw Malformed(reason: "bad zip64 directory record")
            }
            count = Int64(u64(record, 32))
            directorySize = Int64(u64(record, 40))
            directoryOffset = Int64(u64(record, 48))
        }
        guard count >= 0, count <= maxEntries, directorySize >= 0, directorySize <= maxDirectoryBytes,
              directoryOffset >= 0, directoryOffset + directorySize <= size else {
            throw Malformed(reason: "implausible central directory (\(count) entries, \(directorySize) bytes)")
        }
        let directory = try bytes(file, at: directoryOffset, count: Int(directorySize))
        var entries: [ZipEntry] = []
        var at = 0
        for _ in 0..<count {
            guard at + 46 <= directory.count, u32(directory, at) == 0x0201_4B50 else {
                throw Malformed(reason: "bad central directory entry")
            }
            let nameLength = Int(u16(directory, at + 28))
            let extraLength = Int(u16(directory, at + 30))
            let commentLength = Int(u16(directory, at + 32))
            let end = at + 46 + nameLength + extraLength + commentLength
            guard end <= directory.count else { throw Malformed(reason: "bad central directory entry") }
            var entry = ZipEntry(
                path: String(decoding: directory[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self),
                method: u16(directory, at + 10), flags: u16(directory, at + 8), crc32: u32(directory, at + 16),
                compressedSize: Int64(u32(directory, at + 20)), declaredSize: Int64(u32(directory, at + 24)),
                localHeaderOffset: Int64(u32(directory, at + 42)))
            try applyZip64(directory, from: at + 46 + nameLength, count: extraLength, to: &entry)
            entries.append(entry)
            at = end
        }
        return entries
    }

    /// The zip64 extra field holds, in order, whichever of the sizes and offset are 0xFFFFFFFF.
    private static func applyZip64(_ bytes: [UInt8], from start: Int, count: Int, to entry: inout ZipEntry) throws {
        var at = start
        while at + 4 <= start + count {
            let id = u16(bytes, at)
            let length = Int(u16(bytes, at + 2))
            var field = at + 4
            if id == 0x0001 {
                func next() throws -> Int64 {
                    guard field + 8 <= at + 4 + length else { throw Malformed(reason: "bad zip64 field") }
                    defer { field += 8 }
                    return Int64(bitPattern: u64(bytes, field))
                }
                if entry.declaredSize == 0xFFFF_FFFF { entry.declaredSize = try next() }
                if entry.compressedSize == 0xFFFF_FFFF { entry.compressedSize = try next() }
                if entry.localHeaderOffset == 0xFFFF_FFFF { entry.localHeaderOffset = try next() }
            }
            at += 4 + length
        }
    }

    /// Where the entry's data starts: past its local header, whose name and extra lengths may
    /// differ from the central directory's.
    static func dataOffset(of entry: ZipEntry, in file: FileHandle) throws -> Int64 {
        let header = try bytes(file, at: entry.localHeaderOffset, count: 30)
        guard header.count == 30, u32(header, 0) == 0x0403_4B50 else {
            throw Malformed(reason: "bad local header for \(entry.path)")
        }
        return entry.localHeaderOffset + 30 + Int64(u16(header, 26)) + Int64(u16(header, 28))
    }

    static func bytes(_ file: FileHandle, at offset: Int64, count: Int) throws -> [UInt8] {
        guard offset >= 0, count >= 0 else { throw Malformed(reason: "bad offset") }
        try file.seek(toOffset: UInt64(offset))
        return [UInt8](try file.read(upToCount: count) ?? Data())
    }

    static func u16(_ b: [UInt8], _ i: Int) -> UInt16 {
        guard i + 2 <= b.count else { return 0 }
        return UInt16(b[i]) | UInt16(b[i + 1]) << 8
    }

    static func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
        guard i + 4 <= b.count else { return 0 }
        return UInt32(u16(b, i)) | UInt32(u16(b, i + 2)) << 16
    }

    static func u64(_ b: [UInt8], _ i: Int) -> UInt64 {
        guard i + 8 <= b.count else { return 0 }
        return UInt64(u32(b, i)) | UInt64(u32(b, i + 4)) << 32
    }
}
