import LambdaCostCore

/// A workload described on the command line (`lambdacost whatif`), with every default filled.
/// Encodes with snake_case keys; absent optionals encode as null.
public struct DescribedWorkload: Sendable, Hashable, Codable {
    /// Invocations per month.
    public var invocations: Double
    /// Average billed duration per invocation, ms.
    public var durationMs: Double
    /// Memory configured, MB (128–10,240).
    public var memoryMB: Int
    /// Instruction set; `arch` in JSON.
    public var architecture: Architecture = .x86_64
    /// Region code whose prices apply.
    public var region: String = "us-east-1"
    /// Ephemeral storage configured, MB (512 is included at no charge).
    public var ephemeralStorageMB: Int = 512
    /// Provisioned concurrency configured (0 = none).
    public var provisionedConcurrency: Int = 0
    /// Hours provisioned concurrency is enabled in the month; nil without provisioned concurrency.
    public var provisionedHours: Double?
    /// Log bytes written per invocation.
    public var logBytesPerInvocation: Double = 0
    /// Log retention in days; nil = never expire (AWS's default).
    public var logRetentionDays: Int?
    /// The log group's class.
    public var logClass: LogClass = .standard
    /// Compressed size ÷ raw size for log storage.
    public var logCompressionRatio: Double = DescribedWorkload.defaultLogCompressionRatio
    /// Fraction of invocations traced by X-Ray, in [0, 1].
    public var xraySampling: Double = 0
    /// Messages sent to a dead-letter queue per month.
    public var dlqMessages: Double = 0
    /// Whether to deduct the account's monthly free tier.
    public var freeTier: Bool = false
    /// The month whose rules apply; nil = the latest rules.
    public var month: Month?

    /// AWS's CloudWatch pricing examples assume compressed logs are 0.15–0.2 of raw size; the low end.
    public static let defaultLogCompressionRatio = 0.15
    /// Hours in a month by AWS's convention.
    public static let hoursPerMonth = 730.0

    /// Creates a workload; fills `provisionedHours` with 730 when provisioned concurrency is given without hours.
    public init(invocations: Double, durationMs: Double, memoryMB: Int) {
        self.invocations = invocations
        self.durationMs = durationMs
        self.memoryMB = memoryMB
    }

    /// The workload with defaults that depend on other inputs filled in.
    public func withDefaultsFilled() -> DescribedWorkload {
        var copy = self
        if copy.provisionedConcurrency > 0, copy.provisionedHours == nil { copy.provisionedHours = Self.hoursPerMonth }
        return copy
    }

    enum CodingKeys: String, CodingKey {
        case invocations, region, month
        case durationMs = "duration_ms"
        case memoryMB = "memory_mb"
        case architecture = "arch"
        case ephemeralStorageMB = "ephemeral_storage_mb"
        case provisionedConcurrency = "provisioned_concurrency"
        case provisionedHours = "provisioned_hours"
        case logBytesPerInvocation = "log_bytes_per_invocation"
        case logRetentionDays = "log_retention_days"
        case logClass = "log_class"
        case logCompressionRatio = "log_compression_ratio"
        case xraySampling = "xray_sampling"
        case dlqMessages = "dlq_messages"
        case freeTier = "free_tier"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(invocations, forKey: .invocations)
        try c.encode(durationMs, forKey: .durationMs)
        try c.encode(memoryMB, forKey: .memoryMB)
        try c.encode(architecture, forKey: .architecture)
        try c.encode(region, forKey: .region)
        try c.encode(ephemeralStorageMB, forKey: .ephemeralStorageMB)
        try c.encode(provisionedConcurrency, forKey: .provisionedConcurrency)
        try c.encode(provisionedHours, forKey: .provisionedHours)
        try c.encode(logBytesPerInvocation, forKey: .logBytesPerInvocation)
        try c.encode(logRetentionDays, forKey: .logRetentionDays)
        try c.encode(logClass, forKey: .logClass)
        try c.encode(logCompressionRatio, forKey: .logCompressionRatio)
        try c.encode(xraySampling, forKey: .xraySampling)
        try c.encode(dlqMessages, forKey: .dlqMessages)
        try c.encode(freeTier, forKey: .freeTier)
        try c.encode(month, forKey: .month)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        invocations = try c.decode(Double.self, forKey: .invocations)
        durationMs = try c.decode(Double.self, forKey: .durationMs)
        memoryMB = try c.decode(Int.self, forKey: .memoryMB)
        architecture = try c.decodeIfPresent(Architecture.self, forKey: .architecture) ?? .x86_64
        region = try c.decodeIfPresent(String.self, forKey: .region) ?? "us-east-1"
        ephemeralStorageMB = try c.decodeIfPresent(Int.self, forKey: .ephemeralStorageMB) ?? 512
        provisionedConcurrency = try c.decodeIfPresent(Int.self, forKey: .provisionedConcurrency) ?? 0
        provisionedHours = try c.decodeIfPresent(Double.self, forKey: .provisionedHours)
        logBytesPerInvocation = try c.decodeIfPresent(Double.self, forKey: .logBytesPerInvocation) ?? 0
        logRetentionDays = try c.decodeIfPresent(Int.self, forKey: .logRetentionDays)
        logClass = try c.decodeIfPresent(LogClass.self, forKey: .logClass) ?? .standard
        logCompressionRatio =
            try c.decodeIfPresent(Double.self, forKey: .logCompressionRatio) ?? Self.defaultLogCompressionRatio
        xraySampling = try c.decodeIfPresent(Double.self, forKey: .xraySampling) ?? 0
        dlqMessages = try c.decodeIfPresent(Double.self, forKey: .dlqMessages) ?? 0
        freeTier = try c.decodeIfPresent(Bool.self, forKey: .freeTier) ?? false
        month = try c.decodeIfPresent(Month.self, forKey: .month)
    }
}
