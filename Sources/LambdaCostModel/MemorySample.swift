import LambdaCostCore

/// What a month measured for one function at one memory size and architecture.
public struct MemorySample: Sendable, Hashable {
    /// Configured memory (MB) while these invocations ran.
    public var memoryMB: Int
    /// Architecture while these invocations ran.
    public var arch: Architecture
    /// Invocations (REPORT lines) at this size.
    public var invocations: Int64
    /// Sum of billed duration in ms.
    public var billedMsSum: Int64
    /// Exact sum of durations in ms; the model's means come from here, not from the histogram.
    public var durationMsSum: Double
    /// Duration distribution (ms).
    public var duration: LogHistogram
    /// Cold starts (REPORT lines with Init Duration).
    public var initCount: Int64
    /// Init duration distribution (ms).
    public var initDuration: LogHistogram
    /// Peak Max Memory Used (MB), nil when unknown.
    public var maxMemoryUsedMB: Int?
    /// Distribution of Max Memory Used (MB).
    public var maxMemoryUsed: IntHistogram

    /// Creates a sample.
    public init(
        memoryMB: Int, arch: Architecture = .x86_64, invocations: Int64, billedMsSum: Int64 = 0, durationMsSum: Double,
        duration: LogHistogram, initCount: Int64 = 0, initDuration: LogHistogram = LogHistogram(),
        maxMemoryUsedMB: Int? = nil, maxMemoryUsed: IntHistogram = IntHistogram()
    ) {
        self.memoryMB = memoryMB
        self.arch = arch
        self.invocations = invocations
        self.billedMsSum = billedMsSum
        self.durationMsSum = durationMsSum
        self.duration = duration
        self.initCount = initCount
        self.initDuration = initDuration
        self.maxMemoryUsedMB = maxMemoryUsedMB
        self.maxMemoryUsed = maxMemoryUsed
    }

    /// Exact mean duration (ms), nil without invocations.
    public var meanDurationMs: Double? { invocations > 0 ? durationMsSum / Double(invocations) : nil }
}
