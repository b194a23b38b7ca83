import LambdaCostCore

/// One hour of one function's invocations at one memory size and architecture, as ingested
/// from one source. Sums are exact integers (durations in hundredths of a millisecond);
/// distributions are mergeable histograms.
public struct InvocationHour: Sendable, Hashable {
    /// Hours since 1970 (UTC).
    public var hour: Int64
    public var memoryMB: Int
    public var arch: Architecture
    public var invocations: Int64 = 0
    public var billedMs: Int64 = 0
    public var durationCentiMs: Int64 = 0
    public var durationMaxCentiMs: Int64 = 0
    public var durations = LogHistogram()
    public var coldStarts: Int64 = 0
    public var initCentiMs: Int64 = 0
    public var initDurations = LogHistogram()
    public var restores: Int64 = 0
    public var billedRestoreMs: Int64 = 0
    public var maxMemoryUsedMB: Int = 0
    public var memoryUsed = IntHistogram()
    public var errors: Int64 = 0
    public var timeouts: Int64 = 0

    public init(hour: Int64, memoryMB: Int, arch: Architecture) {
        self.hour = hour
        self.memoryMB = memoryMB
        self.arch = arch
    }

    /// Adds another aggregate of the same key.
    public mutating func merge(_ o: InvocationHour) {
        invocations += o.invocations
        billedMs += o.billedMs
        durationCentiMs += o.durationCentiMs
        durationMaxCentiMs = max(durationMaxCentiMs, o.durationMaxCentiMs)
        durations.merge(o.durations)
        coldStarts += o.coldStarts
        initCentiMs += o.initCentiMs
        initDurations.merge(o.initDurations)
        restores += o.restores
        billedRestoreMs += o.billedRestoreMs
        maxMemoryUsedMB = max(maxMemoryUsedMB, o.maxMemoryUsedMB)
        memoryUsed.merge(o.memoryUsed)
        errors += o.errors
        timeouts += o.timeouts
    }

    /// Σ billed ms × memory MB: the exact integer behind billed GB-seconds.
    public var billedMBMs: Int64 { billedMs * Int64(memoryMB) }
}
