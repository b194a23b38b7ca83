import LambdaCostCore

/// One function's billable usage in one month, in the units the catalog prices.
public struct FunctionUsage: Sendable, Hashable {
    /// Who the function is; its account groups usage for tiers and the free tier.
    public var identity: FunctionIdentity
    /// Instruction set, which selects the duration prices and tiers.
    public var architecture: Architecture
    /// Requests (invocations, retries included).
    public var requests: Double = 0
    /// On-demand duration in GB-seconds (billed ms × memory GB, INIT included when the month's rules bill it).
    public var onDemandGBSeconds: Double = 0
    /// Ephemeral storage above 512 MB × duration, in GB-seconds.
    public var ephemeralExtraGBSeconds: Double = 0
    /// Configured provisioned concurrency × memory × time enabled, in GB-seconds.
    public var provisionedConfiguredGBSeconds: Double = 0
    /// Duration that ran on provisioned concurrency, in GB-seconds.
    public var provisionedDurationGBSeconds: Double = 0
    /// Log bytes ingested.
    public var logIngestBytes: Double = 0
    /// The log group's class.
    public var logClass: LogClass = .standard
    /// Average compressed log storage over the month, in GB-months (GB = 2^30 bytes).
    public var logStorageGBMonths: Double = 0
    /// X-Ray traces recorded.
    public var xrayTracesRecorded: Double = 0
    /// X-Ray traces retrieved or scanned.
    public var xrayTracesScanned: Double = 0
    /// SQS requests (a dead-letter queue's).
    public var sqsRequests: Double = 0
    /// Standard alarm metrics billed for the month.
    public var alarms: Double = 0
    /// CloudWatch dashboards billed for the month.
    public var dashboards: Double = 0

    /// Creates usage with everything zero except identity and architecture.
    public init(identity: FunctionIdentity, architecture: Architecture) {
        self.identity = identity
        self.architecture = architecture
    }

    /// Whether provisioned concurrency was enabled, which takes the function out of the Lambda free tier.
    public var hasProvisionedConcurrency: Bool { provisionedConfiguredGBSeconds > 0 }
}
