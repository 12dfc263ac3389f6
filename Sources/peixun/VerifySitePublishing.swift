import Foundation
import PeixunCore
import PeixunRegistry
import PeixunSite

/// `OUT/verify/`: the static verification site, written by `run` when the
/// scheme names `[certificates] verify_url`.
enum VerifySitePublishing {
    /// Writes the site for the whole registry into `folder`; nil (nothing
    /// written) without a `verify_url`.
    static func publish(_ registry: CertificateRegistry, results: Results, into folder: String) throws -> SiteWriter.Summary? {
        guard let url = results.scheme.certificates.verifyURL else { return nil }
        let programme = results.scheme.programme
        let started = Date()
        let summary = try VerificationSite.publish(registry: registry, issueDates: [programme.code: programme.issueDate],
                                                   to: folder)
        Log.info(String(format: "verification site: %d certificates in %d files (%.1f MB) for %@ in %.1f s",
                        summary.records, summary.files, Double(summary.bytes) / 1e6, url,
                        Date().timeIntervalSince(started)))
        return summary
    }
}
