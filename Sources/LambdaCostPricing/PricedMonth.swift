import LambdaCostCore

/// A month priced by ``CostEngine``: per-function marginal costs and account totals.
public struct PricedMonth: Sendable {
    /// The month priced (nil = latest rules).
    public var month: Month?
    /// Each function's cost at the marginal rate of its account's tier, free tier excluded.
    public var perFunction: [FunctionIdentity: CostBreakdown]
    /// Each account's bill (key "" = unknown account): tiers per architecture and Region, free tier
    /// applied once when requested.
    public var perAccount: [String: CostBreakdown]
    /// The sum over accounts.
    public var accountTotal: CostBreakdown
    /// How the figures were reached, in plain words.
    public var assumptions: [String]
    /// Catalog version used.
    public var pricesVersion: String
    /// Catalog source used.
    public var pricesSource: String
}
