/// The rules for `[certificates] verify_url`: the address printed (as a QR
/// code) on every certificate, so it must be one a phone can open as is.
public enum VerifyURL {
    /// Why `url` cannot be a verification address, or nil when it can: an
    /// `https://` or `http://` URL with a host, ending in `/` or naming a page
    /// (`…/index.html`), with no `?query` or `#fragment` of its own (the
    /// fragment carries the certificate) and no spaces.
    public static func problem(_ url: String) -> String? {
        let lower = url.lowercased()
        guard let scheme = ["https://", "http://"].first(where: { lower.hasPrefix($0) }) else {
            return "must start with https:// (or http://), got \"\(url)\""
        }
        let rest = url.dropFirst(scheme.count)
        guard !url.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else {
            return "must not contain spaces"
        }
        guard !url.contains("#"), !url.contains("?") else {
            return "must not contain ? or #: the certificate is added after # (…/#<number>.<code>)"
        }
        guard let slash = rest.firstIndex(of: "/") else {
            return "must end with / or name a page, e.g. \(url)/"
        }
        let host = rest[rest.startIndex..<slash]
        guard !host.isEmpty, !host.hasPrefix("."), !host.hasSuffix(".") else { return "has no host name" }
        let path = rest[slash...]
        guard path.hasSuffix("/") || path.split(separator: "/").last?.contains(".") == true else {
            return "must end with / or name a page (…/index.html), got \"\(url)\""
        }
        return nil
    }
}
