/// One priced thing in a Region (Lambda x86 duration, CloudWatch Logs storage …) with its tiers.
public struct PriceItem: Sendable, Hashable, Codable {
    /// The catalog key, one of ``PriceItemKey``'s raw values (unknown keys are kept, never used).
    public var item: String
    /// The unit a price applies to, as AWS names it (`GB-Second`, `Requests`, `GB`, `GB-Mo` …).
    public var unit: String
    /// The usage type without Region prefix, as it appears in bills (`Lambda-GB-Second`).
    public var usageType: String
    /// Bands in ascending order of `begin`.
    public var tiers: [PriceTier]

    /// Creates an item.
    public init(item: String, unit: String, usageType: String, tiers: [PriceTier]) {
        self.item = item
        self.unit = unit
        self.usageType = usageType
        self.tiers = tiers
    }

    enum CodingKeys: String, CodingKey {
        case item, unit, tiers
        case usageType = "usage_type"
    }

    /// Cost of `quantity` units that start at aggregate position `start` (units already used by the
    /// account this month), walking across tier boundaries. Units below the first band are free.
    public func cost(from start: Double = 0, quantity: Double) -> Double {
        guard quantity > 0 else { return 0 }
        let stop = start + quantity
        var total = 0.0
        for tier in tiers {
            let lo = max(start, tier.begin)
            let hi = min(stop, tier.end ?? .infinity)
            if hi > lo { total += (hi - lo) * tier.priceUSD }
        }
        return total
    }

    /// The price of the last unit when the account has used `position` units: the marginal rate a
    /// function pays at the account's tier. At position 0 it is the first band's price.
    public func marginalRate(atPosition position: Double) -> Double {
        let probe = position > 0 ? position.nextDown : 0
        for tier in tiers where probe >= tier.begin && probe < (tier.end ?? .infinity) {
            return tier.priceUSD
        }
        return tiers.last?.priceUSD ?? 0
    }
}
