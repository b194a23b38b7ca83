import LambdaCostCore

/// The model's advice for one function-month: what it runs now, what it should run, what that
/// would change, and how sure the model is.
public struct Recommendation: Sendable {
    /// Monthly savings (current − recommended, USD); negative means the change costs more.
    public struct Savings: Sendable, Hashable, Codable {
        public var low: Double
        public var expected: Double
        public var high: Double
    }

    /// One point of the cost–p99 trade-off curve.
    public struct ParetoPoint: Sendable, Hashable, Codable {
        public var memoryMB: Int
        public var arch: Architecture
        public var provisionedConcurrency: Int
        /// Expected monthly cost (USD).
        public var cost: Double
        public var p99Ms: Double
    }

    /// The monthly storage cost of one allowed log retention.
    public struct RetentionOption: Sendable, Hashable, Codable {
        /// Days; nil = never expire.
        public var days: Int?
        public var logsStorageCost: Double
    }

    public var function: FunctionIdentity
    public var month: Month
    public var strategy: RecommendationStrategy
    public var current: VariantSpec
    public var recommended: VariantSpec
    public var currentPrediction: VariantPrediction
    public var predicted: VariantPrediction
    public var currentCost: CostBreakdown
    public var recommendedCost: CostBreakdown
    public var savings: Savings
    /// Non-dominated (cost, p99) variants, cheapest first.
    public var pareto: [ParetoPoint]
    /// Every allowed retention at or above the minimum, with its storage cost.
    public var retentionOptions: [RetentionOption]
    /// PC utilisation above which provisioned concurrency is cheaper than on demand at the
    /// account's tier, for the recommended architecture; nil when never.
    public var provisionedBreakEvenUtilisation: Double?
    /// Whether some variant met every constraint; when false the recommendation is the least bad.
    public var constraintsMet: Bool
    public var reasons: [String]
    public var risks: [String]
}
