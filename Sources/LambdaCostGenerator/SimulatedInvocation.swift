/// One generated invocation, with every number its REPORT line and its CUR usage derive from.
/// Durations are integer hundredths of a millisecond, as printed, so billed ms are exact.
struct SimulatedInvocation: Sendable {
    enum Outcome: Sendable { case success, error, timeout }

    var idHigh: UInt64
    var idLow: UInt64
    /// Time of the START line, ms since 1970.
    var startMs: Int64
    var durationCenti: Int64
    /// Init duration in hundredths of a ms; 0 for a warm start.
    var initCenti: Int64
    var billedMs: Int64
    var memoryMB: Int
    var maxMemoryUsedMB: Int
    var outcome: Outcome
    var sampled: Bool
    /// Served by a provisioned-concurrency environment (billed at the PC duration rate, no init).
    var onProvisioned: Bool
    /// 0 for the first attempt, 1 and 2 for async retries.
    var attempt: Int
    /// The event went to the dead-letter queue after this (last) failed attempt.
    var toDeadLetter: Bool

    /// Time of the END and REPORT lines.
    var endMs: Int64 { startMs + (initCenti + durationCenti + 99) / 100 }
    var isColdStart: Bool { initCenti > 0 }
}
