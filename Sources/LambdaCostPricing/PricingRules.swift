import LambdaCostCore

/// Billing rules that changed over time, with the month each took effect, so that every month is
/// priced by the rules in force then.
public struct PricingRules: Sendable, Hashable, Codable {
    /// First month billed per 1 ms (before it, per 100 ms).
    public var oneMsBillingFrom: Month
    /// First month in which the INIT phase of on-demand functions is billed as duration.
    public var initBilledFrom: Month
    /// First month in which Lambda logs are priced as vended logs (tiered ingest).
    public var lambdaLogsVendedFrom: Month

    /// Creates the rule dates.
    public init(oneMsBillingFrom: Month, initBilledFrom: Month, lambdaLogsVendedFrom: Month) {
        self.oneMsBillingFrom = oneMsBillingFrom
        self.initBilledFrom = initBilledFrom
        self.lambdaLogsVendedFrom = lambdaLogsVendedFrom
    }

    /// The rules in force in `month`; nil means the latest rules (all changes in force).
    public func inForce(_ month: Month?) -> RulesInForce {
        guard let month else { return RulesInForce(initBilled: true, lambdaLogsVended: true, billingGranularityMs: 1) }
        return RulesInForce(
            initBilled: month >= initBilledFrom,
            lambdaLogsVended: month >= lambdaLogsVendedFrom,
            billingGranularityMs: month >= oneMsBillingFrom ? 1 : 100)
    }

    enum CodingKeys: String, CodingKey {
        case oneMsBillingFrom = "one_ms_billing_from"
        case initBilledFrom = "init_billed_from"
        case lambdaLogsVendedFrom = "lambda_logs_vended_from"
    }
}

/// The billing rules of one month.
public struct RulesInForce: Sendable, Hashable {
    /// Whether on-demand INIT duration is billed.
    public var initBilled: Bool
    /// Whether Lambda logs are priced as vended logs.
    public var lambdaLogsVended: Bool
    /// Duration rounding: 1 ms, or 100 ms before December 2020.
    public var billingGranularityMs: Int
}
