import LambdaCostCore

/// One function's month from its monthly roll-ups: a merged aggregate per memory size and
/// architecture, and invocations per hour of the month.
public struct FunctionMonth: Sendable {
    /// Merged aggregates, one per (memory MB, architecture), sorted.
    public var samples: [InvocationHour] = []
    /// Invocations per hour, index 0 = the first hour of the range.
    public var hourlyInvocations: [Int]
    /// Invocations per day of the month.
    public var dailyInvocations: [Int64]
    /// The (memory, architecture) of the latest hour with data.
    public var latestMemoryMB = 0
    public var latestArch = Architecture.x86_64
    /// Largest duration of an hour that had timeouts (hundredths of ms), for drift checks.
    public var timedOutMaxDurationCentiMs: Int64?

    public init(hours: Int) {
        hourlyInvocations = [Int](repeating: 0, count: hours)
        dailyInvocations = [Int64](repeating: 0, count: (hours + 23) / 24)
    }

    /// All samples merged.
    public var total: InvocationHour {
        var t = InvocationHour(hour: 0, memoryMB: 0, arch: .x86_64)
        for s in samples { t.merge(s) }
        return t
    }
}
