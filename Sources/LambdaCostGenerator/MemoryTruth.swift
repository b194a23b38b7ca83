/// Ground truth for the invocations of one function at one memory size.
public struct MemoryTruth: Sendable, Hashable {
    /// Memory size, MB.
    public var memoryMB: Int
    /// Invocations that ran (REPORT lines).
    public var invocations: Int = 0
    /// Σ billed ms.
    public var billedMilliseconds: Int64 = 0
    /// Σ Duration in hundredths of a ms (the printed value × 100).
    public var durationCenti: Int64 = 0
    /// Σ Duration of successful warm invocations in hundredths of a ms (what a duration model fits).
    public var warmSuccessDurationCenti: Int64 = 0
    /// Count behind ``warmSuccessDurationCenti``.
    public var warmSuccessInvocations: Int = 0
    /// Largest Max Memory Used, MB.
    public var maxMemoryUsedMB: Int = 0

    /// Empty truth for a memory size.
    public init(memoryMB: Int) { self.memoryMB = memoryMB }

    /// Σ billed ms × memory MB, exact.
    public var billedMBMilliseconds: Int64 { billedMilliseconds * Int64(memoryMB) }
    /// Billed GB-seconds.
    public var gbSeconds: Double { Double(billedMBMilliseconds) / 1_024_000 }
}
