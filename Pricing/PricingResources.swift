import Foundation

/// Locates the price catalog that ships with the binary (this folder's `catalog/`, copied as a
/// SwiftPM resource).
public enum PricingResources {
    /// The bundled catalog folder, or nil when the resource bundle is missing.
    public static var bundledCatalogURL: URL? {
        Bundle.module.url(forResource: "catalog", withExtension: nil)
    }
}
