import LambdaCostCore

/// A CloudWatch Logs log group as `describe-log-groups` reported it.
public struct LogGroupRecord: Sendable, Hashable {
    /// The account id ("" when unknown).
    public var account: String
    /// The Region.
    public var region: String
    /// The log group name, e.g. `/aws/lambda/order-processor`.
    public var name: String
    /// The function writing to it: `/aws/lambda/<name>`, or a function whose `LoggingConfig.LogGroup`
    /// names this group; nil when none is known.
    public var function: FunctionIdentity?
    /// When observed (ms since 1970, UTC).
    public var observedAtMs: Int64
    /// Retention in days; nil = never expire (the export omits `retentionInDays` then).
    public var retentionDays: Int?
    /// Bytes stored, as CloudWatch Logs reports them.
    public var storedBytes: Int64?
    /// `STANDARD` or `INFREQUENT_ACCESS`.
    public var logClass: String?

    /// Makes a record.
    public init(
        account: String, region: String, name: String, function: FunctionIdentity? = nil, observedAtMs: Int64,
        retentionDays: Int?, storedBytes: Int64?, logClass: String?
    ) {
        self.account = account
        self.region = region
        self.name = name
        self.function = function
        self.observedAtMs = observedAtMs
        self.retentionDays = retentionDays
        self.storedBytes = storedBytes
        self.logClass = logClass
    }
}
