/// What the model predicts one variant would do over the measured month.
public struct VariantPrediction: Sendable, Hashable {
    /// Which duration model produced the figures, with its parameters and range.
    public struct ModelInfo: Sendable, Hashable, Codable {
        /// `fitted` or `bounded` (see ``DurationModel``).
        public var kind: DurationModel.Kind
        /// I/O part of the reference mean (ms).
        public var ioMs: Double
        /// CPU part of the reference mean (ms).
        public var cpuMs: Double
        public var referenceMemoryMB: Int
        public var usableThreads: Int
        /// Whether this variant's memory and architecture were measured directly.
        public var measured: Bool
        /// Predicted mean duration range (ms) behind the low–high usage.
        public var meanLowMs: Double
        public var meanHighMs: Double
        /// Assumptions a reader should know, e.g. an architecture speed ratio.
        public var assumptions: [String]
    }

    public var spec: VariantSpec
    /// Predicted duration statistics (ms), timeouts capped at the timeout.
    public var durationMeanMs: Double
    public var durationP50Ms: Double
    public var durationP90Ms: Double
    public var durationP99Ms: Double
    /// Fraction of invocations predicted to time out.
    public var timeoutRate: Double
    /// Fraction of arrivals predicted to be throttled.
    public var throttleRate: Double
    /// Fraction of invocations predicted to start cold.
    public var coldStartRate: Double
    /// Fraction of invocations spilling past provisioned concurrency (nil without PC).
    public var provisionedSpillover: Double?
    /// Busy fraction of provisioned environments (nil without PC).
    public var provisionedUtilisation: Double?
    /// Expected usage, and usage at the low and high ends of the duration range.
    public var usage: VariantUsage
    public var usageLow: VariantUsage
    public var usageHigh: VariantUsage
    /// Whether the variant can be deployed (no problems).
    public var feasible: Bool { problems.isEmpty }
    /// What prevents deploying it.
    public var problems: [ModelProblem]
    public var model: ModelInfo
}
