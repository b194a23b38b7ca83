/// Money split by the cost keys every command shares (BRIEF §6). All values are USD at full
/// precision; rounding to cents happens only when a report displays a line.
public struct CostBreakdown: Sendable, Hashable, Codable {
    /// On-demand duration.
    public var compute: Double = 0
    public var requests: Double = 0
    /// Configured provisioned concurrency plus duration on provisioned concurrency.
    public var provisioned: Double = 0
    public var ephemeralStorage: Double = 0
    public var logsIngest: Double = 0
    public var logsStorage: Double = 0
    public var xray: Double = 0
    public var sqs: Double = 0
    public var other: Double = 0

    public init(
        compute: Double = 0, requests: Double = 0, provisioned: Double = 0, ephemeralStorage: Double = 0,
        logsIngest: Double = 0, logsStorage: Double = 0, xray: Double = 0, sqs: Double = 0, other: Double = 0
    ) {
        self.compute = compute
        self.requests = requests
        self.provisioned = provisioned
        self.ephemeralStorage = ephemeralStorage
        self.logsIngest = logsIngest
        self.logsStorage = logsStorage
        self.xray = xray
        self.sqs = sqs
        self.other = other
    }

    public static let zero = CostBreakdown()

    public var total: Double {
        compute + requests + provisioned + ephemeralStorage + logsIngest + logsStorage + xray + sqs + other
    }

    /// The keys in their fixed output order, with values, `total` last.
    public var keyed: [(key: CostKey, value: Double)] {
        CostKey.allCases.map { ($0, self[$0]) }
    }

    public subscript(key: CostKey) -> Double {
        get {
            switch key {
            case .compute: return compute
            case .requests: return requests
            case .provisioned: return provisioned
            case .ephemeralStorage: return ephemeralStorage
            case .logsIngest: return logsIngest
            case .logsStorage: return logsStorage
            case .xray: return xray
            case .sqs: return sqs
            case .other: return other
            case .total: return total
            }
        }
        set {
            switch key {
            case .compute: compute = newValue
            case .requests: requests = newValue
            case .provisioned: provisioned = newValue
            case .ephemeralStorage: ephemeralStorage = newValue
            case .logsIngest: logsIngest = newValue
            case .logsStorage: logsStorage = newValue
            case .xray: xray = newValue
            case .sqs: sqs = newValue
            case .other: other = newValue
            case .total: preconditionFailure("total is derived")
            }
        }
    }

    public static func + (a: Self, b: Self) -> Self {
        var r = a
        for key in CostKey.allCases where key != .total { r[key] += b[key] }
        return r
    }

    public static func - (a: Self, b: Self) -> Self {
        var r = a
        for key in CostKey.allCases where key != .total { r[key] -= b[key] }
        return r
    }

    public static func += (a: inout Self, b: Self) { a = a + b }

    enum CodingKeys: String, CodingKey {
        case compute, requests, provisioned
        case ephemeralStorage = "ephemeral_storage"
        case logsIngest = "logs_ingest"
        case logsStorage = "logs_storage"
        case xray, sqs, other, total
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(compute, forKey: .compute)
        try c.encode(requests, forKey: .requests)
        try c.encode(provisioned, forKey: .provisioned)
        try c.encode(ephemeralStorage, forKey: .ephemeralStorage)
        try c.encode(logsIngest, forKey: .logsIngest)
        try c.encode(logsStorage, forKey: .logsStorage)
        try c.encode(xray, forKey: .xray)
        try c.encode(sqs, forKey: .sqs)
        try c.encode(other, forKey: .other)
        try c.encode(total, forKey: .total)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        compute = try c.decodeIfPresent(Double.self, forKey: .compute) ?? 0
        requests = try c.decodeIfPresent(Double.self, forKey: .requests) ?? 0
        provisioned = try c.decodeIfPresent(Double.self, forKey: .provisioned) ?? 0
        ephemeralStorage = try c.decodeIfPresent(Double.self, forKey: .ephemeralStorage) ?? 0
        logsIngest = try c.decodeIfPresent(Double.self, forKey: .logsIngest) ?? 0
        logsStorage = try c.decodeIfPresent(Double.self, forKey: .logsStorage) ?? 0
        xray = try c.decodeIfPresent(Double.self, forKey: .xray) ?? 0
        sqs = try c.decodeIfPresent(Double.self, forKey: .sqs) ?? 0
        other = try c.decodeIfPresent(Double.self, forKey: .other) ?? 0
    }
}

/// The cost keys of BRIEF §6 in their fixed output order.
public enum CostKey: String, Sendable, CaseIterable, Codable {
    case compute, requests, provisioned
    case ephemeralStorage = "ephemeral_storage"
    case logsIngest = "logs_ingest"
    case logsStorage = "logs_storage"
    case xray, sqs, other, total
}
