import Foundation

/// How Lambda turns a measured duration into billed milliseconds for the month being modelled.
///
/// Billing rounds up to the next 1 ms. Since 2025-08-01 the init phase of on-demand invocations
/// is billed for every runtime (before, only for custom runtimes and container images); the
/// integrator knows the month and runtime and passes `initBilled`.
public struct BilledDurationRule: Sendable, Hashable {
    /// Whether init duration is added to a cold start's billed duration.
    public var initBilled: Bool

    /// Creates a rule.
    public init(initBilled: Bool) { self.initBilled = initBilled }

    /// Billed ms for one invocation of `durationMs`, with `initMs` when it was a cold start.
    public func billedMs(durationMs: Double, initMs: Double = 0) -> Double {
        let total = durationMs + (initBilled ? initMs : 0)
        // A nanosecond of slack keeps 120.0000000001 (floating noise from scaling) at 120.
        return max(1, (total - 1e-6).rounded(.up))
    }
}
