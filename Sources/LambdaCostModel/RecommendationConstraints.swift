import Foundation

/// The user's limits on a recommendation (the `recommend` flags).
public struct RecommendationConstraints: Sendable, Hashable {
    /// `--max-p99-ms`: the predicted p99 duration must not exceed this.
    public var maxP99Ms: Double?
    /// `--max-throttle-rate`: a fraction in [0, 1].
    public var maxThrottleRate: Double?
    /// `--max-timeout-rate`: a fraction in [0, 1].
    public var maxTimeoutRate: Double?
    /// `--min-retention-days`: log retention may not drop below this; nil keeps the current one.
    public var minRetentionDays: Int?
    /// Whether switching architecture may be recommended.
    public var allowArchitectureChange: Bool

    /// Creates constraints; by default nothing is constrained.
    public init(
        maxP99Ms: Double? = nil, maxThrottleRate: Double? = nil, maxTimeoutRate: Double? = nil,
        minRetentionDays: Int? = nil, allowArchitectureChange: Bool = true
    ) {
        self.maxP99Ms = maxP99Ms
        self.maxThrottleRate = maxThrottleRate
        self.maxTimeoutRate = maxTimeoutRate
        self.minRetentionDays = minRetentionDays
        self.allowArchitectureChange = allowArchitectureChange
    }

    /// The constraints `prediction` breaks, as problems with `constraint_*` codes.
    public func violations(of prediction: VariantPrediction) -> [ModelProblem] {
        var out: [ModelProblem] = []
        if let limit = maxP99Ms, prediction.durationP99Ms > limit {
            out.append(
                ModelProblem(
                    code: "constraint_p99",
                    message: "predicted p99 \(Self.format(prediction.durationP99Ms)) ms exceeds --max-p99-ms \(Self.format(limit))"))
        }
        if let limit = maxThrottleRate, prediction.throttleRate > limit + Self.rateTolerance {
            out.append(
                ModelProblem(
                    code: "constraint_throttle_rate",
                    message: "predicted throttle rate \(prediction.throttleRate) exceeds --max-throttle-rate \(limit)"))
        }
        if let limit = maxTimeoutRate, prediction.timeoutRate > limit + Self.rateTolerance {
            out.append(
                ModelProblem(
                    code: "constraint_timeout_rate",
                    message: "predicted timeout rate \(prediction.timeoutRate) exceeds --max-timeout-rate \(limit)"))
        }
        if let minimum = minRetentionDays, let days = prediction.spec.logRetentionDays, days < minimum {
            out.append(
                ModelProblem(
                    code: "constraint_retention",
                    message: "log retention \(days) days is below --min-retention-days \(minimum)"))
        }
        return out
    }

    /// Rates this close to a limit count as meeting it: Erlang-B gives 1e−16 where the honest
    /// answer is "never", and a limit of 0 should accept that.
    public static let rateTolerance = 1e-9

    static func format(_ v: Double) -> String { String(format: "%.1f", v) }
}
