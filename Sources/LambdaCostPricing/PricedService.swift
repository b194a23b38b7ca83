/// An AWS service with a catalog file per Region; the raw value is the file's base name.
public enum PricedService: String, Sendable, CaseIterable, Codable, Comparable {
    case lambda
    case cloudWatch = "cloudwatch"
    case xray
    case sqs

    /// The AWS Price List offer code of the service.
    public var offerCode: String {
        switch self {
        case .lambda: return "AWSLambda"
        case .cloudWatch: return "AmazonCloudWatch"
        case .xray: return "AWSXRay"
        case .sqs: return "AWSQueueService"
        }
    }

    /// The service for an offer code, or nil for one the catalog does not cover.
    public init?(offerCode: String) {
        guard let match = Self.allCases.first(where: { $0.offerCode == offerCode }) else { return nil }
        self = match
    }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}
