/// Per-task resources of one template: decoded images and the recorded
/// static layers (border, ornaments, fixed text; the seal per issuer). Cairo
/// surfaces must not be shared between threads, so each worker owns its own.
public final class TemplateAssets {
    let background: PNGImage?
    let seal: PNGImage?
    private var base: RecordedLayer?
    private var seals: [String: RecordedLayer] = [:]

    public init(_ template: CertificateTemplate) throws {
        background = try template.backgroundImagePath.map { try PNGImage(path: $0) }
        seal = try template.seal?.imagePath.map { try PNGImage(path: $0) }
    }

    /// Background, frames, ornaments and the blocks without placeholders.
    func baseLayer(_ template: CertificateTemplate) throws -> RecordedLayer {
        if let base { return base }
        let layer = try RecordedLayer(size: template.pageSize)
        template.drawDecorations(on: layer.canvas, assets: self)
        for block in template.blocks where !block.isVariable {
            try template.drawBlock(block, values: [:], on: layer.canvas)
        }
        base = layer
        return layer
    }

    /// The seal for these placeholder values (keyed by its text).
    func sealLayer(_ template: CertificateTemplate, values: [String: String]) throws -> RecordedLayer {
        let key = template.sealText?.render(values) ?? ""
        if let layer = seals[key] { return layer }
        let layer = try RecordedLayer(size: template.pageSize)
        try template.drawSeal(values: values, on: layer.canvas, assets: self)
        seals[key] = layer
        return layer
    }
}
