import LambdaCostCore
import LambdaCostModel

/// A configuration as JSON (BRIEF §6 encodings: `log_retention_days: null` = never expire,
/// `reserved_concurrency: null` = none).
public struct ConfigurationJSON: Sendable, Codable, Hashable {
    public var memoryMB: Int
    public var timeoutS: Int
    public var logRetentionDays: Int?
    public var reservedConcurrency: Int?
    public var provisionedConcurrency: Int
    public var arch: String

    public init(_ spec: VariantSpec) {
        memoryMB = spec.memoryMB
        timeoutS = spec.timeoutSeconds
        logRetentionDays = spec.logRetentionDays
        reservedConcurrency = spec.reservedConcurrency
        provisionedConcurrency = spec.provisionedConcurrency
        arch = spec.arch.rawValue
    }

    enum CodingKeys: String, CodingKey {
        case memoryMB = "memory_mb"
        case timeoutS = "timeout_s"
        case logRetentionDays = "log_retention_days"
        case reservedConcurrency = "reserved_concurrency"
        case provisionedConcurrency = "provisioned_concurrency"
        case arch
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(memoryMB, forKey: .memoryMB)
        try c.encode(timeoutS, forKey: .timeoutS)
        try c.encode(logRetentionDays, forKey: .logRetentionDays)
        try c.encode(reservedConcurrency, forKey: .reservedConcurrency)
        try c.encode(provisionedConcurrency, forKey: .provisionedConcurrency)
        try c.encode(arch, forKey: .arch)
    }
}

/// One predicted variant as JSON: configuration, durations, rates, cost, feasibility, model.
public struct PredictionJSON: Sendable, Codable, Hashable {
    public struct Durations: Sendable, Codable, Hashable {
        public var mean: Double
        public var p50: Double
        public var p90: Double
        public var p99: Double
    }

    public struct Model: Sendable, Codable, Hashable {
        public var kind: String
        public var parameters: [String: Double]
        public var range: [String: Double]
        public var assumptions: [String]
    }

    public var configuration: ConfigurationJSON
    public var durationMs: Durations
    public var costUSD: CostBreakdown
    public var timeoutRate: Double
    public var throttleRate: Double
    public var coldStartRate: Double
    public var feasible: Bool
    public var problems: [ModelProblem]
    public var model: Model

    public init(_ p: VariantPrediction, cost: CostBreakdown) {
        configuration = ConfigurationJSON(p.spec)
        durationMs = Durations(mean: p.durationMeanMs, p50: p.durationP50Ms, p90: p.durationP90Ms, p99: p.durationP99Ms)
        costUSD = cost
        timeoutRate = p.timeoutRate
        throttleRate = p.throttleRate
        coldStartRate = p.coldStartRate
        feasible = p.feasible
        problems = p.problems
        model = Model(
            kind: p.model.kind.rawValue,
            parameters: [
                "io_ms": p.model.ioMs, "cpu_ms": p.model.cpuMs, "reference_memory_mb": Double(p.model.referenceMemoryMB),
                "usable_threads": Double(p.model.usableThreads),
            ],
            range: ["mean_low_ms": p.model.meanLowMs, "mean_high_ms": p.model.meanHighMs],
            assumptions: p.model.assumptions)
    }

    enum CodingKeys: String, CodingKey {
        case configuration
        case durationMs = "duration_ms"
        case costUSD = "cost_usd"
        case timeoutRate = "timeout_rate"
        case throttleRate = "throttle_rate"
        case coldStartRate = "cold_start_rate"
        case feasible, problems, model
    }
}

/// Variant minus baseline.
public struct PredictionDeltaJSON: Sendable, Codable, Hashable {
    public var durationMs: PredictionJSON.Durations
    public var costUSD: CostBreakdown
    public var timeoutRate: Double
    public var throttleRate: Double
    public var coldStartRate: Double

    public init(baseline b: PredictionJSON, variant v: PredictionJSON) {
        durationMs = .init(
            mean: v.durationMs.mean - b.durationMs.mean, p50: v.durationMs.p50 - b.durationMs.p50,
            p90: v.durationMs.p90 - b.durationMs.p90, p99: v.durationMs.p99 - b.durationMs.p99)
        costUSD = v.costUSD - b.costUSD
        timeoutRate = v.timeoutRate - b.timeoutRate
        throttleRate = v.throttleRate - b.throttleRate
        coldStartRate = v.coldStartRate - b.coldStartRate
    }

    enum CodingKeys: String, CodingKey {
        case durationMs = "duration_ms"
        case costUSD = "cost_usd"
        case timeoutRate = "timeout_rate"
        case throttleRate = "throttle_rate"
        case coldStartRate = "cold_start_rate"
    }
}

/// `whatif --function` output.
public struct FunctionWhatIf: Sendable, Codable, Hashable {
    public var schemaVersion = JSONOutput.schemaVersion
    public var function: String
    public var month: String
    public var baseline: PredictionJSON
    public var variant: PredictionJSON
    public var delta: PredictionDeltaJSON
    public var assumptions: [String]

    public init(function: String, month: String, baseline: PredictionJSON, variant: PredictionJSON, assumptions: [String]) {
        self.function = function
        self.month = month
        self.baseline = baseline
        self.variant = variant
        self.delta = PredictionDeltaJSON(baseline: baseline, variant: variant)
        self.assumptions = assumptions
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case function, month, baseline, variant, delta, assumptions
    }
}

/// One function's recommendation as JSON.
public struct RecommendationJSON: Sendable, Codable, Hashable {
    public struct Pareto: Sendable, Codable, Hashable {
        public var memoryMB: Int
        public var arch: String
        public var provisionedConcurrency: Int
        public var costUSD: Double
        public var p99Ms: Double
        enum CodingKeys: String, CodingKey {
            case memoryMB = "memory_mb"
            case arch
            case provisionedConcurrency = "provisioned_concurrency"
            case costUSD = "cost_usd"
            case p99Ms = "p99_ms"
        }
    }

    public var function: String
    public var region: String
    public var account: String
    public var current: ConfigurationJSON
    public var recommended: ConfigurationJSON
    public var currentPrediction: PredictionJSON
    public var predicted: PredictionJSON
    public var savingsUSD: Recommendation.Savings
    public var pareto: [Pareto]
    public var constraintsMet: Bool
    public var provisionedBreakEvenUtilisation: Double?
    public var reasons: [String]
    public var risks: [String]

    public init(_ r: Recommendation) {
        function = r.function.name
        region = r.function.region
        account = r.function.account
        current = ConfigurationJSON(r.current)
        recommended = ConfigurationJSON(r.recommended)
        currentPrediction = PredictionJSON(r.currentPrediction, cost: r.currentCost)
        predicted = PredictionJSON(r.predicted, cost: r.recommendedCost)
        savingsUSD = r.savings
        pareto = r.pareto.map {
            Pareto(memoryMB: $0.memoryMB, arch: $0.arch.rawValue, provisionedConcurrency: $0.provisionedConcurrency, costUSD: $0.cost, p99Ms: $0.p99Ms)
        }
        constraintsMet = r.constraintsMet
        provisionedBreakEvenUtilisation = r.provisionedBreakEvenUtilisation
        reasons = r.reasons
        risks = r.risks
    }

    /// True when the recommendation changes nothing.
    public var isNoChange: Bool { current == recommended }

    enum CodingKeys: String, CodingKey {
        case function, region, account, current, recommended, predicted, pareto, reasons, risks
        case currentPrediction = "current_predicted"
        case savingsUSD = "savings_usd"
        case constraintsMet = "constraints_met"
        case provisionedBreakEvenUtilisation = "provisioned_break_even_utilisation"
    }
}

/// `recommend` output.
public struct RecommendationsJSON: Sendable, Codable, Hashable {
    public var schemaVersion = JSONOutput.schemaVersion
    public var month: String
    public var strategy: String
    public var functions: [RecommendationJSON]
    public var assumptions: [String]
    public var prices: PricesReference

    public init(month: String, strategy: String, functions: [RecommendationJSON], assumptions: [String], prices: PricesReference) {
        self.month = month
        self.strategy = strategy
        self.functions = functions
        self.assumptions = assumptions
        self.prices = prices
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case month, strategy, functions, assumptions, prices
    }
}
