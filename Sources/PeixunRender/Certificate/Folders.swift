import Foundation

/// Creates folders with mkdir(2), parents first: `FileManager`'s intermediate-directory walk
/// looks at every component of every path, which for the ~2,000 folders of 100,000 certificates
/// is a quarter of a second.
enum Folders {
    /// Creates `path` and any missing parents (mode 0777 less the umask, as `mkdir -p`).
    /// An existing folder is fine; anything else in the way is an error.
    static func make(_ path: String) throws {
        if mkdir(path, 0o777) == 0 { return }
        var error = errno
        if error == ENOENT {
            let parent = (path as NSString).deletingLastPathComponent
            if !parent.isEmpty, parent != path {
                try make(parent)
                if mkdir(path, 0o777) == 0 { return }
                error = errno
            }
        }
        var st = stat()
        if error == EEXIST, stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR { return }
        throw RenderError.output(path: path, message: "cannot create the folder (\(String(cString: strerror(error))))")
    }
}
