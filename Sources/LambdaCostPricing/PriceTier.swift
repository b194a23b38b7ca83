/// One band of a tiered price: units from `begin` (inclusive) to `end` (exclusive, nil = no end)
/// cost `priceUSD` each. Ranges count the account's aggregate monthly usage, as AWS's offer files do.
public struct PriceTier: Sendable, Hashable, Codable {
    /// First unit of the band.
    public var begin: Double
    /// First unit past the band; nil means "Inf".
    public var end: Double?
    /// The price as AWS writes it (a decimal string), kept so that catalogs round-trip exactly.
    public var priceText: String

    /// Creates a tier; `priceText` is a decimal string such as `"0.0000166667"`.
    public init(begin: Double, end: Double?, priceText: String) {
        self.begin = begin
        self.end = end
        self.priceText = priceText
    }

    /// The price per unit in USD.
    public var priceUSD: Double { Double(priceText) ?? 0 }

    enum CodingKeys: String, CodingKey {
        case begin, end
        case priceText = "price_usd"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(begin, forKey: .begin)
        // An explicit null keeps "no upper bound" visible in the catalog files.
        try c.encode(end, forKey: .end)
        try c.encode(priceText, forKey: .priceText)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        begin = try c.decode(Double.self, forKey: .begin)
        end = try c.decodeIfPresent(Double.self, forKey: .end)
        priceText = try c.decode(String.self, forKey: .priceText)
        guard Double(priceText) != nil else {
            throw DecodingError.dataCorruptedError(
                forKey: .priceText, in: c, debugDescription: "expected a decimal price, found \(priceText)")
        }
    }
}
