/// The images of one template, decoded once per rendering task. Cairo image
/// surfaces must not be shared between threads, so each worker owns its own.
public final class TemplateAssets {
    let background: PNGImage?
    let seal: PNGImage?
    public init(_ template: CertificateTemplate) throws {
        background = try template.backgroundImagePath.map { try PNGImage(path: $0) }
        seal = try template.seal?.imagePath.map { try PNGImage(path: $0) }
    }
}
