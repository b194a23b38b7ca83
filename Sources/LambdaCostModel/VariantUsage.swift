/// The billable quantities a variant is predicted to use in the month; a pricing closure turns
/// them into money, so this module never needs to know prices or tiers.
public struct VariantUsage: Sendable, Hashable, Codable {
    /// Billed requests, retries included.
    public var requests: Double = 0
    /// On-demand duration in GB-seconds (MB/1024 × billed s).
    public var onDemandGBSeconds: Double = 0
    /// Provisioned concurrency configured: environments × GB × seconds enabled.
    public var provisionedConfiguredGBSeconds: Double = 0
    /// Duration of invocations served by provisioned environments, in GB-seconds.
    public var durationOnProvisionedGBSeconds: Double = 0
    /// Ephemeral storage above the free 512 MB, in GB-seconds.
    public var ephemeralStorageGBSeconds: Double = 0
    /// Log bytes ingested.
    public var logIngestBytes: Double = 0
    /// Compressed log storage held in steady state, in GB-months.
    public var logStoredGBMonths: Double = 0
    /// Expected async retries caused by timeouts (already in `requests`).
    public var retries: Double = 0

    /// Creates a usage record.
    public init(
        requests: Double = 0, onDemandGBSeconds: Double = 0, provisionedConfiguredGBSeconds: Double = 0,
        durationOnProvisionedGBSeconds: Double = 0, ephemeralStorageGBSeconds: Double = 0, logIngestBytes: Double = 0,
        logStoredGBMonths: Double = 0, retries: Double = 0
    ) {
        self.requests = requests
        self.onDemandGBSeconds = onDemandGBSeconds
        self.provisionedConfiguredGBSeconds = provisionedConfiguredGBSeconds
        self.durationOnProvisionedGBSeconds = durationOnProvisionedGBSeconds
        self.ephemeralStorageGBSeconds = ephemeralStorageGBSeconds
        self.logIngestBytes = logIngestBytes
        self.logStoredGBMonths = logStoredGBMonths
        self.retries = retries
    }
}
