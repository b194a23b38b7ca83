import Foundation
import LambdaCostCore

/// Chooses, per function, the variant that best fits the user's strategy and constraints, and
/// explains the choice with its cost range, the cost–p99 trade-off curve, reasons and risks.
public enum Recommender {
    /// Memory sizes tried besides the current and measured ones (1,769 MB = one full vCPU).
    public static let memoryGrid = [128, 256, 512, 768, 1024, 1536, 1769, 2048, 3008, 4096, 6144, 8192, 10_240]
    /// The duration quantile a recommended timeout is derived from.
    public static let timeoutQuantile = 0.9999
    /// Margin over that quantile.
    public static let timeoutMargin = 1.5
    /// A change saving less than this fraction of the current cost is not worth recommending
    /// under the cost strategy: churn and risk for nothing.
    public static let minimumWorthwhileSaving = 0.01

    /// Prices a variant's usage on an architecture; the integrator passes the real cost engine
    /// (marginal cost at the account's tier, BRIEF §6).
    public typealias Pricing = (VariantUsage, Architecture) -> CostBreakdown

    struct Candidate {
        var prediction: VariantPrediction
        var cost: Double
        var costLow: Double
        var costHigh: Double
        var breakdown: CostBreakdown
        var violations: [ModelProblem]
        var eligible: Bool { prediction.feasible && violations.isEmpty }
    }

    /// Recommends a configuration for one function-month.
    /// - Parameters:
    ///   - profile: the measured month.
    ///   - constraints: the user's limits.
    ///   - strategy: what to optimise.
    ///   - weight: for `.balanced`, the weight of cost against p99 in [0, 1] (0.5 = equal).
    ///   - options: model assumptions and account facts.
    ///   - price: the pricing closure.
    public static func recommend(
        profile: WorkloadProfile, constraints: RecommendationConstraints = RecommendationConstraints(),
        strategy: RecommendationStrategy = .cost, weight: Double = 0.5, options: SimulatorOptions = SimulatorOptions(),
        price: Pricing
    ) -> Recommendation {
        let current = VariantSpec(profile.configuration)
        guard let sim = Simulator(profile: profile, options: options) else {
            return noData(profile: profile, current: current, strategy: strategy, price: price)
        }
        func evaluate(_ spec: VariantSpec) -> Candidate {
            let p = sim.predict(spec)
            let b = price(p.usage, spec.arch)
            let lo = price(p.usageLow, spec.arch).total
            let hi = price(p.usageHigh, spec.arch).total
            return Candidate(
                prediction: p, cost: b.total, costLow: min(lo, hi), costHigh: max(lo, hi), breakdown: b,
                violations: constraints.violations(of: p))
        }
        let currentCandidate = evaluate(current)

        // Knobs that do not interact with memory are settled once.
        let retention = chooseRetention(current: current.logRetentionDays, constraints: constraints, profile: profile)
        let maxReservable = options.accountConcurrencyLimit - options.unreservedMinimum - options.otherReservedConcurrency
        var reserved = current.reservedConcurrency
        if let r = reserved, r > maxReservable { reserved = max(0, maxReservable) }
        var provisionedChoices = [0]
        if current.provisionedConcurrency > 0 { provisionedChoices.append(current.provisionedConcurrency) }

        var archs = [current.arch]
        let other: Architecture = current.arch == .arm64 ? .x86_64 : .arm64
        let compatibility = ArchitectureCompatibility.assess(profile.configuration, target: other)
        if constraints.allowArchitectureChange, case .compatible = compatibility { archs.append(other) }
        if constraints.allowArchitectureChange, case .unknown = compatibility { archs.append(other) }

        let floor = sim.memoryFloorMB
        let seen = profile.samples.map(\.memoryMB)
        let memories = Set(memoryGrid + seen + [current.memoryMB]).filter { $0 >= floor && $0 <= 10_240 }.sorted()

        var candidates: [Candidate] = []
        if currentCandidate.prediction.feasible { candidates.append(currentCandidate) }
        for arch in archs {
            for memory in memories {
                let timeout = recommendedTimeout(sim: sim, memoryMB: memory, arch: arch, current: current.timeoutSeconds)
                for pc in provisionedChoices {
                    var spec = VariantSpec(
                        memoryMB: memory, arch: arch, timeoutSeconds: timeout, logRetentionDays: retention,
                        reservedConcurrency: reserved, provisionedConcurrency: pc,
                        ephemeralStorageMB: current.ephemeralStorageMB)
                    var c = evaluate(spec)
                    if let limit = constraints.maxThrottleRate, let r = spec.reservedConcurrency,
                        c.prediction.throttleRate > limit + RecommendationConstraints.rateTolerance, r < maxReservable
                    {
                        // Raise the reservation to the smallest value meeting the limit, if any.
                        var lo = r
                        var hi = maxReservable
                        spec.reservedConcurrency = hi
                        let top = evaluate(spec)
                        if top.prediction.throttleRate <= limit + RecommendationConstraints.rateTolerance {
                            while hi - lo > 1 {
                                let mid = (lo + hi) / 2
                                spec.reservedConcurrency = mid
                                if evaluate(spec).prediction.throttleRate <= limit + RecommendationConstraints.rateTolerance {
                                    hi = mid
                                } else {
                                    lo = mid
                                }
                            }
                            spec.reservedConcurrency = hi
                            c = evaluate(spec)
                        }
                    }
                    if c.prediction.spec != current { candidates.append(c) }
                }
            }
        }

        let eligible = candidates.filter(\.eligible)
        let pool = eligible.isEmpty ? candidates.filter(\.prediction.feasible) : eligible
        var chosen = pick(pool, strategy: strategy, weight: weight) ?? currentCandidate
        if eligible.isEmpty, let leastBad = pool.min(by: { $0.violations.count < $1.violations.count }) {
            let fewest = leastBad.violations.count
            chosen = pick(pool.filter { $0.violations.count == fewest }, strategy: strategy, weight: weight) ?? chosen
        }
        if strategy == .cost, currentCandidate.eligible,
            currentCandidate.cost - chosen.cost < max(minimumWorthwhileSaving * currentCandidate.cost, minimumWorthwhileSavingUSD)
        {
            chosen = currentCandidate
        }

        let savings = Recommendation.Savings(
            low: currentCandidate.costLow - chosen.costHigh, expected: currentCandidate.cost - chosen.cost,
            high: currentCandidate.costHigh - chosen.costLow)
        let breakEven = breakEvenUtilisation(arch: chosen.prediction.spec.arch, price: price)
        var (reasons, risks) = explain(
            sim: sim, current: currentCandidate, chosen: chosen, savings: savings, breakEven: breakEven,
            compatibility: compatibility, constraintsMet: !eligible.isEmpty, price: price)
        if !eligible.isEmpty && !currentCandidate.violations.isEmpty {
            reasons.append(
                "the current configuration breaks: " + currentCandidate.violations.map(\.message).joined(separator: "; "))
        }
        if let r = current.reservedConcurrency, r > maxReservable {
            risks.append(ConcurrencyPlanCheck.awsMessage(unreservedMinimum: options.unreservedMinimum))
        }
        return Recommendation(
            function: profile.function, month: profile.month, strategy: strategy, current: current,
            recommended: chosen.prediction.spec, currentPrediction: currentCandidate.prediction,
            predicted: chosen.prediction, currentCost: currentCandidate.breakdown, recommendedCost: chosen.breakdown,
            savings: savings, pareto: paretoFrontier(pool), retentionOptions: retentionOptions(
                sim: sim, spec: chosen.prediction.spec, constraints: constraints, price: price),
            provisionedBreakEvenUtilisation: breakEven, constraintsMet: !eligible.isEmpty, reasons: reasons,
            risks: risks)
    }

    static func pick(_ pool: [Candidate], strategy: RecommendationStrategy, weight: Double) -> Candidate? {
        switch strategy {
        case .cost:
            return pool.min { ($0.cost, $0.prediction.durationP99Ms) < ($1.cost, $1.prediction.durationP99Ms) }
        case .speed:
            return pool.min { ($0.prediction.durationP99Ms, $0.cost) < ($1.prediction.durationP99Ms, $1.cost) }
        case .balanced:
            let w = min(max(weight, 0), 1)
            let minCost = max(pool.map(\.cost).min() ?? 0, 1e-12)
            let minP99 = max(pool.map(\.prediction.durationP99Ms).min() ?? 0, 1e-9)
            func score(_ c: Candidate) -> Double { w * c.cost / minCost + (1 - w) * c.prediction.durationP99Ms / minP99 }
            return pool.min { (score($0), $0.cost) < (score($1), $1.cost) }
        }
    }

    /// The non-dominated candidates on (expected cost, p99), cheapest first.
    static func paretoFrontier(_ pool: [Candidate]) -> [Recommendation.ParetoPoint] {
        let sorted = pool.sorted {
            ($0.cost, $0.prediction.durationP99Ms) < ($1.cost, $1.prediction.durationP99Ms)
        }
        var out: [Recommendation.ParetoPoint] = []
        var bestP99 = Double.infinity
        for c in sorted where c.prediction.durationP99Ms < bestP99 {
            bestP99 = c.prediction.durationP99Ms
            let s = c.prediction.spec
            out.append(
                Recommendation.ParetoPoint(
                    memoryMB: s.memoryMB, arch: s.arch, provisionedConcurrency: s.provisionedConcurrency, cost: c.cost,
                    p99Ms: c.prediction.durationP99Ms))
        }
        return out
    }

    /// A change that saves less than this per month is not worth its risk (cost strategy).
    public static let minimumWorthwhileSavingUSD = 0.01

    /// Lambda's default timeout: recommendations never go below it (or below the current value
    /// when that is lower), because a cold start or a slow dependency the month did not show
    /// would turn into failed invocations.
    public static let minimumRecommendedTimeoutSeconds = 3

    /// Timeout from the predicted tail with margin, whole seconds in 1–900. When timeouts were
    /// observed the tail is censored at the current timeout, so it is never raised.
    public static func recommendedTimeout(sim: Simulator, memoryMB: Int, arch: Architecture, current: Int) -> Int {
        let tail = sim.durationQuantileMs(timeoutQuantile, memoryMB: memoryMB, arch: arch)
        var seconds = min(900, max(1, Int((tail * timeoutMargin / 1000).rounded(.up))))
        seconds = max(seconds, min(current, minimumRecommendedTimeoutSeconds))
        if sim.profile.timeouts > 0 { seconds = min(seconds, current) }
        return seconds
    }

    static func chooseRetention(current: Int?, constraints: RecommendationConstraints, profile: WorkloadProfile) -> Int? {
        guard let minimum = constraints.minRetentionDays else { return current }
        let cheapest = VariantSpec.allowedRetentionDays.first { $0 >= minimum }
        if let current, current >= minimum, (profile.logBytesPerInvocation ?? 0) <= 0 { return current }
        return cheapest ?? current
    }

    static func retentionOptions(
        sim: Simulator, spec: VariantSpec, constraints: RecommendationConstraints, price: Pricing
    ) -> [Recommendation.RetentionOption] {
        let minimum = constraints.minRetentionDays ?? 0
        let days: [Int?] = VariantSpec.allowedRetentionDays.filter { $0 >= minimum } + [nil]
        // Stored bytes are linear in retention: predict one day's worth once.
        var oneDay = spec
        oneDay.logRetentionDays = 1
        let perDay = sim.predict(oneDay).usage.logStoredGBMonths
        return days.map { d in
            let held = Double(d ?? sim.options.neverExpireCostedDays)
            let storageOnly = VariantUsage(logStoredGBMonths: perDay * held)
            return Recommendation.RetentionOption(days: d, logsStorageCost: price(storageOnly, spec.arch).logsStorage)
        }
    }

    /// PC rate ÷ (on-demand rate − duration-on-PC rate) at the prices the closure applies;
    /// nil when PC never pays off.
    public static func breakEvenUtilisation(arch: Architecture, price: Pricing) -> Double? {
        let pc = price(VariantUsage(provisionedConfiguredGBSeconds: 1), arch).provisioned
        let onDemand = price(VariantUsage(onDemandGBSeconds: 1), arch).compute
        let onPC = price(VariantUsage(durationOnProvisionedGBSeconds: 1), arch).provisioned
        guard onDemand > onPC else { return nil }
        let b = pc / (onDemand - onPC)
        return b <= 1 ? b : nil
    }

    static func noData(
        profile: WorkloadProfile, current: VariantSpec, strategy: RecommendationStrategy, price: Pricing
    ) -> Recommendation {
        let info = VariantPrediction.ModelInfo(
            kind: .bounded, ioMs: 0, cpuMs: 0, referenceMemoryMB: current.memoryMB, usableThreads: 1, measured: false,
            meanLowMs: 0, meanHighMs: 0, assumptions: [])
        let p = VariantPrediction(
            spec: current, durationMeanMs: 0, durationP50Ms: 0, durationP90Ms: 0, durationP99Ms: 0, timeoutRate: 0,
            throttleRate: 0, coldStartRate: 0, provisionedSpillover: nil, provisionedUtilisation: nil,
            usage: VariantUsage(), usageLow: VariantUsage(), usageHigh: VariantUsage(), problems: [], model: info)
        let cost = price(VariantUsage(), current.arch)
        return Recommendation(
            function: profile.function, month: profile.month, strategy: strategy, current: current, recommended: current,
            currentPrediction: p, predicted: p, currentCost: cost, recommendedCost: cost,
            savings: .init(low: 0, expected: 0, high: 0), pareto: [], retentionOptions: [],
            provisionedBreakEvenUtilisation: nil, constraintsMet: true,
            reasons: ["no invocations in \(profile.month): nothing to model, configuration kept"], risks: [])
    }
}
