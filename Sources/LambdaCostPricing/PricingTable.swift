import LambdaCostCore

/// The rows `lambdacost pricing show` prints: one per price band in force.
public struct PricingTable: Sendable, Hashable {
    /// One price band.
    public struct Row: Sendable, Hashable, Encodable {
        /// Offer code of the service.
        public var service: String
        /// Region code.
        public var region: String
        /// Catalog item key.
        public var item: String
        /// Usage type without Region prefix.
        public var usageType: String
        /// Unit the price applies to.
        public var unit: String
        /// Price per unit, USD.
        public var priceUSD: Double
        /// The price as written in the catalog.
        public var priceText: String
        /// First unit of the band (aggregate monthly usage).
        public var tierBegin: Double
        /// nil = no upper bound.
        public var tierEnd: Double?
        /// `YYYY-MM-DD` from which the price is in force.
        public var effectiveDate: String
        /// Where the price comes from.
        public var source: String

        enum CodingKeys: String, CodingKey {
            case service, region, item, unit, source
            case usageType = "usage_type"
            case priceUSD = "price_usd"
            case tierBegin = "tier_begin"
            case tierEnd = "tier_end"
            case effectiveDate = "effective_date"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(service, forKey: .service)
            try c.encode(region, forKey: .region)
            try c.encode(item, forKey: .item)
            try c.encode(usageType, forKey: .usageType)
            try c.encode(unit, forKey: .unit)
            try c.encode(priceUSD, forKey: .priceUSD)
            try c.encode(tierBegin, forKey: .tierBegin)
            try c.encode(tierEnd, forKey: .tierEnd)
            try c.encode(effectiveDate, forKey: .effectiveDate)
            try c.encode(source, forKey: .source)
        }

        /// Cell texts in ``PricingTable/columns`` order, for table, CSV and Markdown output.
        public var cells: [String] {
            [
                service, region, item, usageType, unit, priceText, Self.number(tierBegin),
                tierEnd.map(Self.number) ?? "Inf", effectiveDate, source,
            ]
        }

        static func number(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e18 ? String(Int64(v)) : String(v) }
    }

    /// Column names for table, CSV and Markdown output.
    public static let columns = [
        "service", "region", "item", "usage_type", "unit", "price_usd", "tier_begin", "tier_end", "effective_date",
        "source",
    ]

    /// Rows sorted by Region, service, item and tier.
    public var rows: [Row]
    /// Catalog version.
    public var version: String
    /// Catalog source.
    public var source: String

    /// The prices in force in the catalog, for one Region or all.
    /// - Throws: `.missingInput` when `region` has no prices.
    public init(catalog: PriceCatalog, region: String? = nil) throws {
        if let region { _ = try catalog.prices(region: region) }
        var rows: [Row] = []
        for r in catalog.regions where region == nil || r == region {
            let byService = catalog.files[r] ?? [:]
            for service in byService.keys.sorted() {
                guard let file = byService[service] else { continue }
                for item in file.items.sorted(by: { $0.item < $1.item }) {
                    for tier in item.tiers {
                        rows.append(
                            Row(
                                service: file.service, region: r, item: item.item, usageType: item.usageType,
                                unit: item.unit, priceUSD: tier.priceUSD, priceText: tier.priceText,
                                tierBegin: tier.begin, tierEnd: tier.end, effectiveDate: file.effectiveDate,
                                source: file.source))
                    }
                }
            }
        }
        self.rows = rows
        self.version = catalog.version
        self.source = catalog.source
    }
}
