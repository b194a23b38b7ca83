/// The list rates the generator prices its CUR lines with (tier 1, no free tier). Defaults are
/// BRIEF §2's us-east-1 list prices; the generator takes them as a parameter rather than reading
/// the catalog so that it depends on nothing it is used to test.
public struct GeneratorPrices: Sendable, Hashable {
    /// USD per GB-second, x86 on-demand duration.
    public var durationX86 = 0.0000166667
    /// USD per GB-second, arm64 on-demand duration.
    public var durationARM = 0.0000133334
    /// USD per request (both architectures).
    public var request = 0.0000002
    /// USD per GB-second of configured provisioned concurrency, x86.
    public var provisionedX86 = 0.0000041667
    /// USD per GB-second of configured provisioned concurrency, arm64.
    public var provisionedARM = 0.0000033334
    /// USD per GB-second of duration on provisioned concurrency, x86.
    public var provisionedDurationX86 = 0.0000097222
    /// USD per GB-second of duration on provisioned concurrency, arm64.
    public var provisionedDurationARM = 0.0000077778
    /// USD per GB-second of ephemeral storage above the free 512 MB (both architectures).
    public var ephemeralStorage = 0.0000000309
    /// USD per GB of Lambda (vended) logs ingested, first tier.
    public var vendedLogsPerGB = 0.50
    /// USD per GB-month of log storage.
    public var logStoragePerGBMonth = 0.03
    /// USD per X-Ray trace recorded.
    public var xrayTrace = 0.000005
    /// USD per SQS standard request.
    public var sqsRequest = 0.0000004
    /// Fraction of raw log bytes that storage bills (compressed), BRIEF §2.
    public var logCompressionRatio = 0.15

    /// BRIEF §2 us-east-1 list prices.
    public init() {}

    /// On-demand duration rate for an architecture.
    public func duration(arm: Bool) -> Double { arm ? durationARM : durationX86 }
    /// Configured-PC rate for an architecture.
    public func provisioned(arm: Bool) -> Double { arm ? provisionedARM : provisionedX86 }
    /// Duration-on-PC rate for an architecture.
    public func provisionedDuration(arm: Bool) -> Double { arm ? provisionedDurationARM : provisionedDurationX86 }
}
