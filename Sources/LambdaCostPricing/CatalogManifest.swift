/// `catalog.json`, the top of a catalog folder: version, source, rules and the free tier.
public struct CatalogManifest: Sendable, Hashable, Codable {
    /// Format of the catalog files.
    public var schemaVersion: Int
    /// Bumped by every import.
    public var version: Int
    /// Where the prices come from.
    public var source: String
    /// `YYYY-MM-DD` of the newest prices.
    public var effectiveDate: String
    /// Dated billing rules.
    public var rules: PricingRules
    /// Monthly free-tier quantities.
    public var freeTier: FreeTier

    /// Creates a manifest.
    public init(schemaVersion: Int, version: Int, source: String, effectiveDate: String, rules: PricingRules, freeTier: FreeTier) {
        self.schemaVersion = schemaVersion
        self.version = version
        self.source = source
        self.effectiveDate = effectiveDate
        self.rules = rules
        self.freeTier = freeTier
    }

    enum CodingKeys: String, CodingKey {
        case version, source, rules
        case schemaVersion = "schema_version"
        case effectiveDate = "effective_date"
        case freeTier = "free_tier"
    }
}
