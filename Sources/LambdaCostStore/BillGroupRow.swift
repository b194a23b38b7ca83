/// One row of a bill query: a group's cost, and its usage when every line shares one unit.
public struct BillGroupRow: Sendable, Hashable {
    /// The group's key; `(none)` for cost the grouping cannot place.
    public var key: String
    public var cost: Double
    /// Summed usage, nil when the group mixes units.
    public var usageAmount: Double?
    /// The shared unit, nil when the group mixes units.
    public var unit: String?

    /// Creates a row.
    public init(key: String, cost: Double, usageAmount: Double?, unit: String?) {
        self.key = key
        self.cost = cost
        self.usageAmount = usageAmount
        self.unit = unit
    }
}
