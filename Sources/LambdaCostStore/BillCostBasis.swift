/// Which cost a bill query sums (BRIEF §1: stated in every output).
///
/// - `unblended`: CUR `lineItem/UnblendedCost` (CUR 2.0 `line_item_unblended_cost`), FOCUS
///   `BilledCost`, the Cost Explorer figure as exported.
/// - `amortized`: CUR `savingsPlan/SavingsPlanEffectiveCost` on `SavingsPlanCoveredUsage`,
///   `reservation/EffectiveCost` on `DiscountedUsage`, 0 on `SavingsPlanNegation`, unblended
///   otherwise; FOCUS `EffectiveCost`.
/// - `net`: CUR `lineItem/NetUnblendedCost` when the export has it, else unblended (credits and
///   refunds are their own negative rows, so they are already netted in the sum); FOCUS `BilledCost`.
public enum BillCostBasis: String, Sendable, CaseIterable, Codable {
    case unblended, amortized, net

    /// The `bill_lines` / `bill_tags` column holding this basis.
    var column: String {
        switch self {
        case .unblended: return "unblended_cost"
        case .amortized: return "amortized_cost"
        case .net: return "net_cost"
        }
    }
}
