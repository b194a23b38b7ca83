/// Models the billed duration of a record that does not print one (a Logs Insights export
/// without `@billedDuration`, a JSON record without `billedDurationMs`). BRIEF §1: the printed
/// value is the truth; this rule is only the fallback.
enum BilledDurationRule {
    /// 2025-08-01T00:00:00Z: from then the INIT phase is billed for every on-demand function.
    static let initBilledFromMs: Int64 = 1_754_006_400_000
    /// 2020-12-01T00:00:00Z: billing moved from 100 ms steps to 1 ms steps.
    static let millisecondStepsFromMs: Int64 = 1_606_780_800_000

    /// The billed milliseconds for a duration (and init/restore) at an instant; an undated record
    /// is billed by today's rule.
    static func billedMs(durationCentiMs: Int64, initCentiMs: Int64?, billedRestoreMs: Int64?, atMillis: Int64?) -> Int64 {
        let when = atMillis ?? Int64.max
        var centi = durationCentiMs
        // Before 2025-08 a managed-runtime ZIP function did not bill init; the rule assumes one,
        // since the runtime is not in the record.
        if when >= initBilledFromMs, let initCentiMs { centi += initCentiMs }
        var billed = (centi + 99) / 100
        if let billedRestoreMs { billed += billedRestoreMs }
        if when < millisecondStepsFromMs { billed = (billed + 99) / 100 * 100 }
        return billed
    }
}
