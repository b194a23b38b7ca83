import LambdaCostCore

/// What `summary` prints: per function and in total, the measured month and its modeled cost.
public struct MonthSummary: Sendable, Codable, Hashable {
    public var schemaVersion = JSONOutput.schemaVersion
    public var month: String
    public var functions: [FunctionSummary]
    public var totals: SummaryTotals
    public var prices: PricesReference
    public var assumptions: [String]

    public init(month: String, functions: [FunctionSummary], totals: SummaryTotals, prices: PricesReference, assumptions: [String]) {
        self.month = month
        self.functions = functions
        self.totals = totals
        self.prices = prices
        self.assumptions = assumptions
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case month, functions, totals, prices, assumptions
    }
}

/// One function's month.
public struct FunctionSummary: Sendable, Codable, Hashable {
    public var function: String
    public var account: String
    public var region: String
    public var arch: String
    public var memoryMB: [Int]
    public var invocations: Int64
    public var coldStarts: Int64
    public var errors: Int64
    public var timeouts: Int64
    public var billedGBSeconds: Double
    public var maxMemoryUsedMB: Int
    public var durationMs: DurationStats
    public var modeledCostUSD: CostBreakdown
    /// What the bill says for the function (nil without billing data for the month).
    public var billedCostUSD: CostBreakdown?
    /// (modeled − billed) ÷ billed in percent, on the total; nil without a bill.
    public var differencePercent: Double?
    /// Why modeled and billed differ by more than 1%, when they do.
    public var reconciliationNotes: [String] = []
    /// Throttles (CloudWatch metric) and peak concurrent executions, when metrics were ingested.
    public var throttles: Int64?
    public var concurrencyPeak: Int?
    /// The configuration in force, when a configuration export was ingested.
    public var configuration: ConfigurationSummary?
    /// Where observed behaviour disagrees with the configuration.
    public var drift: [String] = []
    /// The files that fed this function's figures.
    public var sources: [SourceReference] = []

    public init(
        function: String, account: String, region: String, arch: String, memoryMB: [Int], invocations: Int64,
        coldStarts: Int64, errors: Int64, timeouts: Int64, billedGBSeconds: Double, maxMemoryUsedMB: Int,
        durationMs: DurationStats, modeledCostUSD: CostBreakdown
    ) {
        self.function = function
        self.account = account
        self.region = region
        self.arch = arch
        self.memoryMB = memoryMB
        self.invocations = invocations
        self.coldStarts = coldStarts
        self.errors = errors
        self.timeouts = timeouts
        self.billedGBSeconds = billedGBSeconds
        self.maxMemoryUsedMB = maxMemoryUsedMB
        self.durationMs = durationMs
        self.modeledCostUSD = modeledCostUSD
    }

    enum CodingKeys: String, CodingKey {
        case function, account, region, arch, invocations, errors, timeouts
        case memoryMB = "memory_mb"
        case coldStarts = "cold_starts"
        case billedGBSeconds = "billed_gb_seconds"
        case maxMemoryUsedMB = "max_memory_used_mb"
        case durationMs = "duration_ms"
        case modeledCostUSD = "modeled_cost_usd"
        case billedCostUSD = "billed_cost_usd"
        case differencePercent = "difference_percent"
        case reconciliationNotes = "reconciliation_notes"
        case throttles
        case concurrencyPeak = "concurrency_peak"
        case configuration, drift, sources
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(function, forKey: .function)
        try c.encode(account, forKey: .account)
        try c.encode(region, forKey: .region)
        try c.encode(arch, forKey: .arch)
        try c.encode(memoryMB, forKey: .memoryMB)
        try c.encode(invocations, forKey: .invocations)
        try c.encode(coldStarts, forKey: .coldStarts)
        try c.encode(errors, forKey: .errors)
        try c.encode(timeouts, forKey: .timeouts)
        try c.encode(billedGBSeconds, forKey: .billedGBSeconds)
        try c.encode(maxMemoryUsedMB, forKey: .maxMemoryUsedMB)
        try c.encode(durationMs, forKey: .durationMs)
        try c.encode(modeledCostUSD, forKey: .modeledCostUSD)
        try c.encode(billedCostUSD, forKey: .billedCostUSD)
        try c.encode(differencePercent, forKey: .differencePercent)
        try c.encode(reconciliationNotes, forKey: .reconciliationNotes)
        try c.encode(throttles, forKey: .throttles)
        try c.encode(concurrencyPeak, forKey: .concurrencyPeak)
        try c.encode(configuration, forKey: .configuration)
        try c.encode(drift, forKey: .drift)
        try c.encode(sources, forKey: .sources)
    }
}

/// A function's configuration in force, as ingested (BRIEF §6 encodings).
public struct ConfigurationSummary: Sendable, Codable, Hashable {
    public var memoryMB: Int?
    public var timeoutS: Int?
    public var arch: String?
    public var ephemeralStorageMB: Int?
    public var runtime: String?
    public var packageType: String?
    public var reservedConcurrency: Int?
    public var reservedKnown: Bool
    public var provisionedConcurrency: Int?
    public var logRetentionDays: Int?
    public var logGroupKnown: Bool

    public init(
        memoryMB: Int?, timeoutS: Int?, arch: String?, ephemeralStorageMB: Int?, runtime: String?, packageType: String?,
        reservedConcurrency: Int?, reservedKnown: Bool, provisionedConcurrency: Int?, logRetentionDays: Int?, logGroupKnown: Bool
    ) {
        self.memoryMB = memoryMB
        self.timeoutS = timeoutS
        self.arch = arch
        self.ephemeralStorageMB = ephemeralStorageMB
        self.runtime = runtime
        self.packageType = packageType
        self.reservedConcurrency = reservedConcurrency
        self.reservedKnown = reservedKnown
        self.provisionedConcurrency = provisionedConcurrency
        self.logRetentionDays = logRetentionDays
        self.logGroupKnown = logGroupKnown
    }

    enum CodingKeys: String, CodingKey {
        case memoryMB = "memory_mb"
        case timeoutS = "timeout_s"
        case arch, runtime
        case ephemeralStorageMB = "ephemeral_storage_mb"
        case packageType = "package_type"
        case reservedConcurrency = "reserved_concurrency"
        case reservedKnown = "reserved_known"
        case provisionedConcurrency = "provisioned_concurrency"
        case logRetentionDays = "log_retention_days"
        case logGroupKnown = "log_group_known"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(memoryMB, forKey: .memoryMB)
        try c.encode(timeoutS, forKey: .timeoutS)
        try c.encode(arch, forKey: .arch)
        try c.encode(ephemeralStorageMB, forKey: .ephemeralStorageMB)
        try c.encode(runtime, forKey: .runtime)
        try c.encode(packageType, forKey: .packageType)
        try c.encode(reservedConcurrency, forKey: .reservedConcurrency)
        try c.encode(reservedKnown, forKey: .reservedKnown)
        try c.encode(provisionedConcurrency, forKey: .provisionedConcurrency)
        try c.encode(logRetentionDays, forKey: .logRetentionDays)
        try c.encode(logGroupKnown, forKey: .logGroupKnown)
    }
}

/// A file that fed a figure.
public struct SourceReference: Sendable, Codable, Hashable {
    public var id: Int64
    public var path: String
    public var format: String

    public init(id: Int64, path: String, format: String) {
        self.id = id
        self.path = path
        self.format = format
    }
}

/// Mean and max are exact (from integer sums); percentiles come from the ±1% histogram.
public struct DurationStats: Sendable, Codable, Hashable {
    public var mean: Double
    public var p50: Double
    public var p90: Double
    public var p99: Double
    public var max: Double

    public init(mean: Double, p50: Double, p90: Double, p99: Double, max: Double) {
        self.mean = mean
        self.p50 = p50
        self.p90 = p90
        self.p99 = p99
        self.max = max
    }
}

/// Account-level totals: free tier and volume tiers applied once per account.
public struct SummaryTotals: Sendable, Codable, Hashable {
    public var functions: Int
    public var invocations: Int64
    public var coldStarts: Int64
    public var billedGBSeconds: Double
    public var modeledCostUSD: CostBreakdown
    /// What the bills say for the Lambda stack (functions and account-level lines), when ingested.
    public var billedCostUSD: CostBreakdown?

    public init(functions: Int, invocations: Int64, coldStarts: Int64, billedGBSeconds: Double, modeledCostUSD: CostBreakdown) {
        self.functions = functions
        self.invocations = invocations
        self.coldStarts = coldStarts
        self.billedGBSeconds = billedGBSeconds
        self.modeledCostUSD = modeledCostUSD
    }

    enum CodingKeys: String, CodingKey {
        case functions, invocations
        case coldStarts = "cold_starts"
        case billedGBSeconds = "billed_gb_seconds"
        case modeledCostUSD = "modeled_cost_usd"
        case billedCostUSD = "billed_cost_usd"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(functions, forKey: .functions)
        try c.encode(invocations, forKey: .invocations)
        try c.encode(coldStarts, forKey: .coldStarts)
        try c.encode(billedGBSeconds, forKey: .billedGBSeconds)
        try c.encode(modeledCostUSD, forKey: .modeledCostUSD)
        try c.encode(billedCostUSD, forKey: .billedCostUSD)
    }
}

/// Which price catalog produced the numbers.
public struct PricesReference: Sendable, Codable, Hashable {
    public var version: String
    public var source: String

    public init(version: String, source: String) {
        self.version = version
        self.source = source
    }
}
