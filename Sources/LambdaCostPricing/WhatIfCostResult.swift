import LambdaCostCore

/// The cost of a described workload, encoded as `lambdacost whatif` prints it in JSON:
/// `{"schema_version", "inputs", "cost_usd", "gb_seconds", "assumptions", "prices": {"version", "source"}}`.
public struct WhatIfCostResult: Sendable, Encodable {
    /// Format version of this document.
    public var schemaVersion: Int = 1
    /// Every input, defaults filled.
    public var inputs: DescribedWorkload
    /// The month's bill by cost key, full precision.
    public var costUSD: CostBreakdown
    /// Duration GB-seconds of all invocations (on demand plus on provisioned concurrency).
    public var gbSeconds: Double
    /// How the figures were reached.
    public var assumptions: [String]
    /// Catalog version used.
    public var pricesVersion: String
    /// Catalog source used.
    public var pricesSource: String

    /// Creates a result.
    public init(
        inputs: DescribedWorkload, costUSD: CostBreakdown, gbSeconds: Double, assumptions: [String],
        pricesVersion: String, pricesSource: String
    ) {
        self.inputs = inputs
        self.costUSD = costUSD
        self.gbSeconds = gbSeconds
        self.assumptions = assumptions
        self.pricesVersion = pricesVersion
        self.pricesSource = pricesSource
    }

    enum CodingKeys: String, CodingKey {
        case inputs, assumptions, prices
        case schemaVersion = "schema_version"
        case costUSD = "cost_usd"
        case gbSeconds = "gb_seconds"
    }

    enum PriceKeys: String, CodingKey {
        case version, source
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encode(inputs, forKey: .inputs)
        try c.encode(costUSD, forKey: .costUSD)
        try c.encode(gbSeconds, forKey: .gbSeconds)
        try c.encode(assumptions, forKey: .assumptions)
        var p = c.nestedContainer(keyedBy: PriceKeys.self, forKey: .prices)
        try p.encode(pricesVersion, forKey: .version)
        try p.encode(pricesSource, forKey: .source)
    }
}
