/// Assumptions and account facts the simulator needs besides the workload itself.
public struct SimulatorOptions: Sendable, Hashable {
    /// Speed of arm64 relative to x86_64 (2.0 = twice as fast); an assumption until validated.
    public var armSpeedRatio: Double
    /// Threads the code keeps busy (k in s(m)); 1 for single-threaded code.
    public var usableThreads: Int
    /// Billing rule of the month (init billed or not).
    public var billing: BilledDurationRule
    /// Compressed/raw size of stored logs; AWS's examples assume 0.15–0.2.
    public var logCompressionRatio: Double
    /// Days of logs a never-expiring group is costed at: the longest finite retention, since it
    /// holds at least that much once it is that old.
    public var neverExpireCostedDays: Int
    /// Memory headroom over peak Max Memory Used (1.2 = 20 %).
    public var memoryHeadroom: Double
    /// The Region's concurrency limit (`--account-concurrency-limit`, default 1,000).
    public var accountConcurrencyLimit: Int
    /// Concurrency that must stay unreserved (100 by default; 10 on small accounts).
    public var unreservedMinimum: Int
    /// Concurrency reserved by other functions in the account.
    public var otherReservedConcurrency: Int

    /// Creates options; defaults follow BRIEF §3–§4.
    public init(
        armSpeedRatio: Double = 1.0, usableThreads: Int = 1, billing: BilledDurationRule = BilledDurationRule(initBilled: true),
        logCompressionRatio: Double = 0.15, neverExpireCostedDays: Int = 3653, memoryHeadroom: Double = 1.2,
        accountConcurrencyLimit: Int = 1000, unreservedMinimum: Int = 100, otherReservedConcurrency: Int = 0
    ) {
        self.armSpeedRatio = armSpeedRatio
        self.usableThreads = usableThreads
        self.billing = billing
        self.logCompressionRatio = logCompressionRatio
        self.neverExpireCostedDays = neverExpireCostedDays
        self.memoryHeadroom = memoryHeadroom
        self.accountConcurrencyLimit = accountConcurrencyLimit
        self.unreservedMinimum = unreservedMinimum
        self.otherReservedConcurrency = otherReservedConcurrency
    }
}
