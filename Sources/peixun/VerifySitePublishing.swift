import Foundation
import PeixunCore
import PeixunRegistry
import PeixunSite

/// `OUT/verify/`: the static verification site, written by `run` when the
/// scheme names `[certificates] verify_url`.
enum VerifySitePublishing {
    /// The site's key cache (`SiteKeyCache`), in the output folder beside `verify/`, never in it.
    static let cacheName = ".peixun-site-keys"

    /// Writes the site for the whole registry into `folder`; nil (nothing
    /// written) without a `verify_url`. `previousCache`: the previous run's key cache, if any;
    /// this run's is written to `cache`.
    static func publish(_ registry: CertificateRegistry, results: Results, into folder: String,
                        previousCache: String? = nil, cache: String? = nil) throws -> SiteWriter.Summary? {
        guard let url = results.scheme.certificates.verifyURL else { return nil }
        let programme = results.scheme.programme
        let started = Date()
        let summary = try VerificationSite.publish(registry: registry, issueDates: [programme.code: programme.issueDate],
                                                   to: folder, cache: previousCache.flatMap(SiteKeyCache.read),
                                                   cacheOut: { keys in if let cache { try keys.write(to: cache) } })
        Log.info(String(format: "verification site: %d certificates in %d files (%.1f MB) for %@ in %.1f s, %d keys derived",
                        summary.records, summary.files, Double(summary.bytes) / 1e6, url,
                        Date().timeIntervalSince(started), summary.derived))
        return summary
    }
}
