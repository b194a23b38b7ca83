import LambdaCostCore
import LambdaCostModel

/// Everything the `report` command shows for one month, as data: built from the store and the
/// model by the CLI, rendered to Markdown, SVG and Mermaid by ``MarkdownReportRenderer`` and
/// encoded as the JSON report. Optional fields are data not ingested (bills, metrics,
/// configuration): renderers say so rather than omit the section.
public struct MonthReport: Sendable, Codable, Hashable {
    /// The JSON shape's version; bump on incompatible changes.
    public var schemaVersion = JSONOutput.schemaVersion
    /// The month reported (`YYYY-MM`, UTC).
    public var month: String
    /// The headline figures.
    public var headline: Headline
    /// Per-function rows, most expensive first.
    public var functions: [FunctionRow]
    /// Modeled cost by category over all functions (list prices, before free tier).
    public var categories: CostBreakdown
    /// One recommendation per function, in `functions` order.
    public var recommendations: [RecommendationJSON]
    /// Modeled cost and p99 per memory size for the top functions.
    public var memoryCurves: [MemoryCurve]
    /// Duration distribution of the top functions.
    public var durationHistograms: [DurationHistogram]
    /// Modeled cost per day of the month.
    public var dailyCost: [DailyCost]
    /// Account-level concurrency facts.
    public var concurrency: ConcurrencyFacts
    /// Which data the report rests on.
    public var coverage: Coverage
    /// Every assumption behind the numbers.
    public var assumptions: [String]
    /// Which price catalog produced the numbers.
    public var prices: PricesReference

    /// Creates a report.
    public init(
        month: String, headline: Headline, functions: [FunctionRow], categories: CostBreakdown, recommendations: [RecommendationJSON],
        memoryCurves: [MemoryCurve], durationHistograms: [DurationHistogram], dailyCost: [DailyCost], concurrency: ConcurrencyFacts,
        coverage: Coverage, assumptions: [String], prices: PricesReference
    ) {
        self.month = month
        self.headline = headline
        self.functions = functions
        self.categories = categories
        self.recommendations = recommendations
        self.memoryCurves = memoryCurves
        self.durationHistograms = durationHistograms
        self.dailyCost = dailyCost
        self.concurrency = concurrency
        self.coverage = coverage
        self.assumptions = assumptions
        self.prices = prices
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case month, headline, functions, categories, recommendations, concurrency, coverage, assumptions, prices
        case memoryCurves = "memory_curves"
        case durationHistograms = "duration_histograms"
        case dailyCost = "daily_cost"
    }

    /// Total, change and potential savings.
    public struct Headline: Sendable, Codable, Hashable {
        /// Modeled Lambda-stack cost at list prices before the free tier (sum over functions).
        public var totalUSD: Double
        /// Modeled cost after the account's free tier, applied once per account.
        public var afterFreeTierUSD: Double
        /// The same total by service: lambda, cloudwatch_logs, xray, sqs, other.
        public var byService: [String: Double]
        /// Billed total from ingested bills; nil when no bill covers the month.
        public var billedUSD: Double?
        /// The previous month's total, nil when neither ingested nor given as a baseline.
        public var previousTotalUSD: Double?
        /// Where the previous total came from (`database` or `baseline`); nil with no previous total.
        public var previousSource: String?
        /// Sum of the recommendations' savings per month (low, expected, high).
        public var savingsUSD: SavingsRange

        /// Creates a headline.
        public init(
            totalUSD: Double, afterFreeTierUSD: Double, byService: [String: Double], billedUSD: Double?, previousTotalUSD: Double?,
            previousSource: String?, savingsUSD: SavingsRange
        ) {
            self.totalUSD = totalUSD
            self.afterFreeTierUSD = afterFreeTierUSD
            self.byService = byService
            self.billedUSD = billedUSD
            self.previousTotalUSD = previousTotalUSD
            self.previousSource = previousSource
            self.savingsUSD = savingsUSD
        }

        /// Change against the previous month in USD, nil without a previous total.
        public var changeUSD: Double? { previousTotalUSD.map { totalUSD - $0 } }

        /// Change against the previous month as a fraction, nil without a positive previous total.
        public var changeFraction: Double? {
            guard let p = previousTotalUSD, p > 0 else { return nil }
            return (totalUSD - p) / p
        }

        enum CodingKeys: String, CodingKey {
            case totalUSD = "total_usd"
            case afterFreeTierUSD = "after_free_tier_usd"
            case byService = "by_service_usd"
            case billedUSD = "billed_usd"
            case previousTotalUSD = "previous_total_usd"
            case previousSource = "previous_source"
            case savingsUSD = "savings_usd"
            case changeUSD = "change_usd"
            case changeFraction = "change_fraction"
        }

        /// Encodes nils as `null` so the JSON shape is the same whatever was ingested.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(totalUSD, forKey: .totalUSD)
            try c.encode(afterFreeTierUSD, forKey: .afterFreeTierUSD)
            try c.encode(byService, forKey: .byService)
            try c.encode(billedUSD, forKey: .billedUSD)
            try c.encode(previousTotalUSD, forKey: .previousTotalUSD)
            try c.encode(previousSource, forKey: .previousSource)
            try c.encode(savingsUSD, forKey: .savingsUSD)
            try c.encode(changeUSD, forKey: .changeUSD)
            try c.encode(changeFraction, forKey: .changeFraction)
        }

        /// Decodes the encoded shape (derived fields are ignored).
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            totalUSD = try c.decode(Double.self, forKey: .totalUSD)
            afterFreeTierUSD = try c.decode(Double.self, forKey: .afterFreeTierUSD)
            byService = try c.decode([String: Double].self, forKey: .byService)
            billedUSD = try c.decodeIfPresent(Double.self, forKey: .billedUSD)
            previousTotalUSD = try c.decodeIfPresent(Double.self, forKey: .previousTotalUSD)
            previousSource = try c.decodeIfPresent(String.self, forKey: .previousSource)
            savingsUSD = try c.decode(SavingsRange.self, forKey: .savingsUSD)
        }
    }

    /// A low–expected–high range of monthly savings (USD): the model's own savings range, summed.
    public typealias SavingsRange = Recommendation.Savings

    /// One function's month.
    public struct FunctionRow: Sendable, Codable, Hashable {
        /// The function's name.
        public var function: String
        /// Its account (may be empty when unknown).
        public var account: String
        /// Its region.
        public var region: String
        /// The architecture most invocations ran on.
        public var arch: String
        /// Memory sizes seen in the month (MB).
        public var memoryMB: [Int]
        /// Invocations measured.
        public var invocations: Int64
        /// Invocations that ended in an error.
        public var errors: Int64
        /// Invocations that timed out.
        public var timeouts: Int64
        /// Cold starts.
        public var coldStarts: Int64
        /// Duration statistics (ms).
        public var durationMs: DurationStats
        /// Longest observed duration (ms).
        public var maxDurationMs: Double
        /// Peak Max Memory Used (MB).
        public var maxMemoryUsedMB: Int
        /// Modeled cost (marginal, list prices, no free tier).
        public var modeledCostUSD: CostBreakdown
        /// Billed cost from the bills, nil when no bill line names the function.
        public var billedCostUSD: CostBreakdown?
        /// Modeled cost of the invocations that errored or timed out (their share of requests and compute).
        public var errorCostUSD: Double
        /// Observed Throttles, nil without metrics.
        public var throttles: Int64?
        /// Observed peak ConcurrentExecutions, nil without metrics.
        public var concurrencyPeak: Int?
        /// Whether the configuration was read from a configuration export (else inferred from logs).
        public var configurationObserved: Bool
        /// Days of the month with no REPORT lines for the function (`YYYY-MM-DD`).
        public var daysWithoutLogs: [String]
        /// Where observed behaviour disagrees with the configuration in force.
        public var drift: [String] = []

        /// Creates a row.
        public init(
            function: String, account: String, region: String, arch: String, memoryMB: [Int], invocations: Int64, errors: Int64,
            timeouts: Int64, coldStarts: Int64, durationMs: DurationStats, maxDurationMs: Double, maxMemoryUsedMB: Int,
            modeledCostUSD: CostBreakdown, billedCostUSD: CostBreakdown?, errorCostUSD: Double, throttles: Int64?, concurrencyPeak: Int?,
            configurationObserved: Bool, daysWithoutLogs: [String]
        ) {
            self.function = function
            self.account = account
            self.region = region
            self.arch = arch
            self.memoryMB = memoryMB
            self.invocations = invocations
            self.errors = errors
            self.timeouts = timeouts
            self.coldStarts = coldStarts
            self.durationMs = durationMs
            self.maxDurationMs = maxDurationMs
            self.maxMemoryUsedMB = maxMemoryUsedMB
            self.modeledCostUSD = modeledCostUSD
            self.billedCostUSD = billedCostUSD
            self.errorCostUSD = errorCostUSD
            self.throttles = throttles
            self.concurrencyPeak = concurrencyPeak
            self.configurationObserved = configurationObserved
            self.daysWithoutLogs = daysWithoutLogs
        }

        enum CodingKeys: String, CodingKey {
            case function, account, region, arch, invocations, errors, timeouts, throttles
            case memoryMB = "memory_mb"
            case coldStarts = "cold_starts"
            case durationMs = "duration_ms"
            case maxDurationMs = "max_duration_ms"
            case maxMemoryUsedMB = "max_memory_used_mb"
            case modeledCostUSD = "modeled_cost_usd"
            case billedCostUSD = "billed_cost_usd"
            case errorCostUSD = "error_cost_usd"
            case concurrencyPeak = "concurrency_peak"
            case configurationObserved = "configuration_observed"
            case daysWithoutLogs = "days_without_logs"
            case drift
        }

        /// Encodes nils as `null` so the JSON shape is stable.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(function, forKey: .function)
            try c.encode(account, forKey: .account)
            try c.encode(region, forKey: .region)
            try c.encode(arch, forKey: .arch)
            try c.encode(memoryMB, forKey: .memoryMB)
            try c.encode(invocations, forKey: .invocations)
            try c.encode(errors, forKey: .errors)
            try c.encode(timeouts, forKey: .timeouts)
            try c.encode(coldStarts, forKey: .coldStarts)
            try c.encode(durationMs, forKey: .durationMs)
            try c.encode(maxDurationMs, forKey: .maxDurationMs)
            try c.encode(maxMemoryUsedMB, forKey: .maxMemoryUsedMB)
            try c.encode(modeledCostUSD, forKey: .modeledCostUSD)
            try c.encode(billedCostUSD, forKey: .billedCostUSD)
            try c.encode(errorCostUSD, forKey: .errorCostUSD)
            try c.encode(throttles, forKey: .throttles)
            try c.encode(concurrencyPeak, forKey: .concurrencyPeak)
            try c.encode(configurationObserved, forKey: .configurationObserved)
            try c.encode(daysWithoutLogs, forKey: .daysWithoutLogs)
            try c.encode(drift, forKey: .drift)
        }
    }

    /// Cost and p99 per memory size for one function: the trade-off curve.
    public struct MemoryCurve: Sendable, Codable, Hashable {
        /// One memory size's prediction.
        public struct Point: Sendable, Codable, Hashable {
            /// Memory (MB).
            public var memoryMB: Int
            /// Expected monthly cost (USD).
            public var costUSD: Double
            /// Predicted p99 duration (ms).
            public var p99Ms: Double

            /// Creates a point.
            public init(memoryMB: Int, costUSD: Double, p99Ms: Double) {
                self.memoryMB = memoryMB
                self.costUSD = costUSD
                self.p99Ms = p99Ms
            }

            enum CodingKeys: String, CodingKey {
                case memoryMB = "memory_mb"
                case costUSD = "cost_usd"
                case p99Ms = "p99_ms"
            }
        }

        /// The function.
        public var function: String
        /// Architecture the curve is computed for (the recommended one).
        public var arch: String
        /// Current memory (MB).
        public var currentMemoryMB: Int
        /// Recommended memory (MB).
        public var recommendedMemoryMB: Int
        /// Points in ascending memory.
        public var points: [Point]

        /// Creates a curve.
        public init(function: String, arch: String, currentMemoryMB: Int, recommendedMemoryMB: Int, points: [Point]) {
            self.function = function
            self.arch = arch
            self.currentMemoryMB = currentMemoryMB
            self.recommendedMemoryMB = recommendedMemoryMB
            self.points = points
        }

        enum CodingKeys: String, CodingKey {
            case function, arch, points
            case currentMemoryMB = "current_memory_mb"
            case recommendedMemoryMB = "recommended_memory_mb"
        }
    }

    /// A duration histogram with equal-width bins.
    public struct DurationHistogram: Sendable, Codable, Hashable {
        /// The function.
        public var function: String
        /// Width of each bin (ms); bin i covers [i·width, (i+1)·width).
        public var binWidthMs: Double
        /// Invocations per bin; the last bin also holds everything longer.
        public var counts: [Int64]

        /// Creates a histogram.
        public init(function: String, binWidthMs: Double, counts: [Int64]) {
            self.function = function
            self.binWidthMs = binWidthMs
            self.counts = counts
        }

        enum CodingKeys: String, CodingKey {
            case function, counts
            case binWidthMs = "bin_width_ms"
        }
    }

    /// One day's modeled cost.
    public struct DailyCost: Sendable, Codable, Hashable {
        /// The day (`YYYY-MM-DD`, UTC).
        public var date: String
        /// Modeled cost that day (USD, list prices).
        public var costUSD: Double
        /// Invocations that day.
        public var invocations: Int64

        /// Creates a day.
        public init(date: String, costUSD: Double, invocations: Int64) {
            self.date = date
            self.costUSD = costUSD
            self.invocations = invocations
        }

        enum CodingKeys: String, CodingKey {
            case date, invocations
            case costUSD = "cost_usd"
        }
    }

    /// Account-level concurrency: the limit and what is reserved against it.
    public struct ConcurrencyFacts: Sendable, Codable, Hashable {
        /// The account's concurrency limit used by the model.
        public var accountLimit: Int
        /// Concurrency that must stay unreserved (AWS keeps 100).
        public var unreservedMinimum: Int
        /// Reserved concurrency over all functions, current configuration.
        public var reservedTotal: Int
        /// Reserved concurrency over all functions if every recommendation is applied.
        public var recommendedReservedTotal: Int

        /// Creates the facts.
        public init(accountLimit: Int, unreservedMinimum: Int, reservedTotal: Int, recommendedReservedTotal: Int) {
            self.accountLimit = accountLimit
            self.unreservedMinimum = unreservedMinimum
            self.reservedTotal = reservedTotal
            self.recommendedReservedTotal = recommendedReservedTotal
        }

        /// Whether the recommended reservations fit the account limit.
        public var feasible: Bool { recommendedReservedTotal <= accountLimit - unreservedMinimum }

        enum CodingKeys: String, CodingKey {
            case accountLimit = "account_limit"
            case unreservedMinimum = "unreserved_minimum"
            case reservedTotal = "reserved_total"
            case recommendedReservedTotal = "recommended_reserved_total"
        }
    }

    /// Which data the report rests on.
    public struct Coverage: Sendable, Codable, Hashable {
        /// Days of the month with any REPORT lines.
        public var daysWithLogs: Int
        /// Days in the month.
        public var daysInMonth: Int
        /// Whether CloudWatch metrics cover the month.
        public var metricsIngested: Bool
        /// Whether a bill covers the month.
        public var billsIngested: Bool
        /// Whether a configuration export was ingested.
        public var configurationIngested: Bool
        /// Functions that cost money in the bill or exist in the configuration but have no invocations.
        public var functionsWithoutInvocations: [String]?

        /// Creates the coverage.
        public init(
            daysWithLogs: Int, daysInMonth: Int, metricsIngested: Bool, billsIngested: Bool, configurationIngested: Bool,
            functionsWithoutInvocations: [String]?
        ) {
            self.daysWithLogs = daysWithLogs
            self.daysInMonth = daysInMonth
            self.metricsIngested = metricsIngested
            self.billsIngested = billsIngested
            self.configurationIngested = configurationIngested
            self.functionsWithoutInvocations = functionsWithoutInvocations
        }

        enum CodingKeys: String, CodingKey {
            case daysWithLogs = "days_with_logs"
            case daysInMonth = "days_in_month"
            case metricsIngested = "metrics_ingested"
            case billsIngested = "bills_ingested"
            case configurationIngested = "configuration_ingested"
            case functionsWithoutInvocations = "functions_without_invocations"
        }

        /// Encodes nils as `null` so the JSON shape is stable.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(daysWithLogs, forKey: .daysWithLogs)
            try c.encode(daysInMonth, forKey: .daysInMonth)
            try c.encode(metricsIngested, forKey: .metricsIngested)
            try c.encode(billsIngested, forKey: .billsIngested)
            try c.encode(configurationIngested, forKey: .configurationIngested)
            try c.encode(functionsWithoutInvocations, forKey: .functionsWithoutInvocations)
        }
    }
}
