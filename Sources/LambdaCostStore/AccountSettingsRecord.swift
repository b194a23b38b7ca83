/// An account's Lambda concurrency settings in one Region, as `get-account-settings` reported them.
public struct AccountSettingsRecord: Sendable, Hashable {
    /// The account id ("" when neither the export nor `--account` named it).
    public var account: String
    /// The Region.
    public var region: String
    /// When observed (ms since 1970, UTC).
    public var observedAtMs: Int64
    /// `AccountLimit.ConcurrentExecutions`.
    public var concurrencyLimit: Int?
    /// `AccountLimit.UnreservedConcurrentExecutions`: the limit minus every function's reservation.
    public var unreservedConcurrency: Int?

    /// Makes a record.
    public init(account: String, region: String, observedAtMs: Int64, concurrencyLimit: Int?, unreservedConcurrency: Int?) {
        self.account = account
        self.region = region
        self.observedAtMs = observedAtMs
        self.concurrencyLimit = concurrencyLimit
        self.unreservedConcurrency = unreservedConcurrency
    }

    /// Concurrency reserved by all functions together, when both figures are known.
    public var reservedConcurrency: Int? {
        guard let concurrencyLimit, let unreservedConcurrency else { return nil }
        return concurrencyLimit - unreservedConcurrency
    }
}
