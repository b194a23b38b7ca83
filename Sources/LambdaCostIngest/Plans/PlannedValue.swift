/// A setting a plan may leave alone, explicitly clear, or set.
///
/// Reserved concurrency and log retention need the three states: "unset" means the plan removes
/// the setting (no reservation; logs never expire), which is different from a plan that does not
/// mention it (whatever is deployed stays).
public enum PlannedValue<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The plan does not say.
    case notSpecified
    /// The plan clears it: no reserved concurrency, or log retention "never expire".
    case unset
    /// The plan sets it.
    case value(Value)

    /// The value when set; nil for both other states.
    public var value: Value? {
        if case .value(let v) = self { return v }
        return nil
    }

    /// Whether the plan says anything (set or unset).
    public var isSpecified: Bool { self != .notSpecified }

    /// `other` when it is specified, else this.
    func overridden(by other: PlannedValue<Value>) -> PlannedValue<Value> { other.isSpecified ? other : self }
}
