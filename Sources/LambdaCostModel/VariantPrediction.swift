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
        /// Memory of the sample whose histogram is scaled.
        public var referenceMemoryMB: Int
        /// k, the threads the code keeps busy.
        public var usableThreads: Int
        /// Whether this variant's memory and architecture were measured directly.
        public var measured: Bool
        /// Predicted mean duration range (ms) behind the low–high usage.
        public var meanLowMs: Double
        /// Upper end of the predicted mean duration (ms).
        public var meanHighMs: Double
        /// Assumptions a reader should know, e.g. an architecture speed ratio.
        public var assumptions: [String]
    }

    /// The variant predicted.
    public var spec: VariantSpec
    /// Predicted duration statistics (ms), timeouts capped at the timeout.
    public var durationMeanMs: Double
    /// Predicted median duration (ms).
    public var durationP50Ms: Double
    /// Predicted p90 duration (ms).
    public var durationP90Ms: Double
    /// Predicted p99 duration (ms).
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
    /// Usage at the low end of the duration range.
    public var usageLow: VariantUsage
    /// Usage at the high end of the duration range.
    public var usageHigh: VariantUsage
    /// Whether the variant can be deployed (no problems).
    public var feasible: Bool { problems.isEmpty }
    /// What prevents deploying it.
    public var problems: [ModelProblem]
    /// Which duration model produced the figures.
    public var model: ModelInfo
}
