import LambdaCostCore

/// The model's advice for one function-month: what it runs now, what it should run, what that
/// would change, and how sure the model is.
public struct Recommendation: Sendable {
    /// Monthly savings (current − recommended, USD); negative means the change costs more.
    public struct Savings: Sendable, Hashable, Codable {
        /// Savings if the model errs against the change (USD per month).
        public var low: Double
        /// Savings at the model's expectation (USD per month).
        public var expected: Double
        /// Savings if the model errs in favour of the change (USD per month).
        public var high: Double

        /// Creates a range.
        public init(low: Double, expected: Double, high: Double) {
            self.low = low
            self.expected = expected
            self.high = high
        }
    }

    /// One point of the cost–p99 trade-off curve.
    public struct ParetoPoint: Sendable, Hashable, Codable {
        /// Memory of the variant (MB).
        public var memoryMB: Int
        /// Architecture of the variant.
        public var arch: Architecture
        /// Provisioned concurrency of the variant (0 = none).
        public var provisionedConcurrency: Int
        /// Expected monthly cost (USD).
        public var cost: Double
        /// Predicted p99 duration (ms).
        public var p99Ms: Double
    }

    /// The monthly storage cost of one allowed log retention.
    public struct RetentionOption: Sendable, Hashable, Codable {
        /// Days; nil = never expire.
        public var days: Int?
        /// Monthly `logs_storage` cost (USD) at the pricing closure's rates.
        public var logsStorageCost: Double
    }

    /// The function advised.
    public var function: FunctionIdentity
    /// The measured month the advice is based on.
    public var month: Month
    /// The strategy that chose the recommendation.
    public var strategy: RecommendationStrategy
    /// The configuration in force.
    public var current: VariantSpec
    /// The configuration advised (equal to `current` when nothing better qualifies).
    public var recommended: VariantSpec
    /// The model's view of the current configuration over the month.
    public var currentPrediction: VariantPrediction
    /// The model's prediction for the recommended configuration.
    public var predicted: VariantPrediction
    /// Modelled monthly cost of the current configuration.
    public var currentCost: CostBreakdown
    /// Predicted monthly cost of the recommended configuration.
    public var recommendedCost: CostBreakdown
    /// Monthly savings with their range.
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
    /// Why the recommendation is what it is, one sentence each.
    public var reasons: [String]
    /// What could make the recommendation wrong, one sentence each.
    public var risks: [String]
}
