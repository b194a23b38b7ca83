import LambdaCostCore

/// The prices of one Region, by item; looking up an item the Region lacks is an error, never a
/// fallback to another Region.
public struct RegionPrices: Sendable, Hashable {
    /// Region code.
    public let region: String
    /// The catalog folder, for error messages.
    public let catalogPath: String
    /// Items by key.
    public let items: [String: PriceItem]

    /// Creates a Region's prices.
    public init(region: String, catalogPath: String, items: [String: PriceItem]) {
        self.region = region
        self.catalogPath = catalogPath
        self.items = items
    }

    /// The item, or a `.missingInput` error naming the Region, the item and the catalog.
    public func item(_ key: PriceItemKey) throws -> PriceItem {
        guard let found = items[key.rawValue] else {
            throw LambdaCostError.missingInput(
                path: "\(catalogPath)/\(region)/\(key.service.rawValue).json",
                reason: "no price for \(key.rawValue) in Region \(region) (import an AWS Price List offer file with "
                    + "'lambdacost pricing import', or use --pricing-dir)")
        }
        return found
    }
}
