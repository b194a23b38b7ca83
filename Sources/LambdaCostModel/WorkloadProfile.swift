import LambdaCostCore

/// Everything the model knows about one function in one month, as aggregates: the model's cost
/// grows with histogram sizes, never with the number of invocations.
public struct WorkloadProfile: Sendable, Hashable {
    /// Whose month this is.
    public var function: FunctionIdentity
    /// The calendar month (UTC) measured.
    public var month: Month
    /// One entry per memory size (and architecture) seen in the month.
    public var samples: [MemorySample]
    /// Arrivals per hour of the month (length = `month.hours`). Pass invocations plus throttles
    /// where throttles are known per hour, since throttled calls are not in Invocations.
    public var hourlyArrivals: [Int]
    /// Invocations that ended in an error.
    public var errors: Int64
    /// Invocations that timed out.
    public var timeouts: Int64
    /// Observed Throttles, nil when the data has no such metric.
    public var throttles: Int64?
    /// Observed peak ConcurrentExecutions, nil when unknown.
    public var concurrencyPeak: Int?
    /// Mean log bytes written per invocation, nil when unknown.
    public var logBytesPerInvocation: Double?
    /// The configuration in force at the end of the month.
    public var configuration: FunctionConfiguration
    /// Samples from earlier months at memory sizes this month did not run at: used only to fit
    /// the duration model (a resize last month still tells the I/O–CPU split), never counted
    /// as this month's invocations.
    public var history: [MemorySample] = []

    /// Creates a profile.
    public init(
        function: FunctionIdentity, month: Month, samples: [MemorySample], hourlyArrivals: [Int], errors: Int64 = 0,
        timeouts: Int64 = 0, throttles: Int64? = nil, concurrencyPeak: Int? = nil, logBytesPerInvocation: Double? = nil,
        configuration: FunctionConfiguration
    ) {
        self.function = function
        self.month = month
        self.samples = samples
        self.hourlyArrivals = hourlyArrivals
        self.errors = errors
        self.timeouts = timeouts
        self.throttles = throttles
        self.concurrencyPeak = concurrencyPeak
        self.logBytesPerInvocation = logBytesPerInvocation
        self.configuration = configuration
    }

    /// Invocations over all samples.
    public var invocations: Int64 { samples.reduce(0) { $0 + $1.invocations } }

    /// Peak Max Memory Used over all samples, nil when no sample reports it.
    public var peakMaxMemoryUsedMB: Int? {
        samples.compactMap { $0.maxMemoryUsedMB ?? $0.maxMemoryUsed.maximum }.max()
    }
}
