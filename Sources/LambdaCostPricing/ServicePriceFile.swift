/// The content of one catalog file: one service's prices in one Region.
public struct ServicePriceFile: Sendable, Hashable, Codable {
    /// The offer code (`AWSLambda`, `AmazonCloudWatch`, `AWSXRay`, `AWSQueueService`).
    public var service: String
    /// Region code, such as `us-east-1`.
    public var region: String
    /// Where the prices come from.
    public var source: String
    /// `YYYY-MM-DD` from which these prices are in force.
    public var effectiveDate: String
    /// The catalog version that last wrote this file.
    public var version: Int
    /// Items sorted by key.
    public var items: [PriceItem]

    /// Creates a file's content.
    public init(service: String, region: String, source: String, effectiveDate: String, version: Int, items: [PriceItem]) {
        self.service = service
        self.region = region
        self.source = source
        self.effectiveDate = effectiveDate
        self.version = version
        self.items = items
    }

    enum CodingKeys: String, CodingKey {
        case service, region, source, version, items
        case effectiveDate = "effective_date"
    }
}
