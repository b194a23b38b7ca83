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
