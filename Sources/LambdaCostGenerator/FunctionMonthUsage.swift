/// One function's month folded into hourly sums: by the hour of the REPORT line for the CUR
/// (usage is billed when the invocation ends) and by the hour of arrival for the metrics.
struct FunctionMonthUsage {
    let function: SyntheticFunction
    // CUR side, by end hour.
    var requests: [Int64]
    var billedMilliseconds: [Int64]
    var onDemandMBMilliseconds: [Int64]
    var provisionedMBMilliseconds: [Int64]
    var traces: [Int64]
    var deadLetterMessages: [Int64]
    var logIngestBytes: [Int64]
    // Metrics side, by arrival hour.
    var invocations: [Int]
    var errors: [Int]
    var throttles: [Int]
    var maxConcurrency: [Int]
    /// Nearest-rank p99 of Duration in hundredths of a ms; -1 for an hour without invocations.
    var p99DurationCenti: [Int64]

    init(function: SyntheticFunction, hours: Int) {
        self.function = function
        requests = Array(repeating: 0, count: hours)
        billedMilliseconds = requests
        onDemandMBMilliseconds = requests
        provisionedMBMilliseconds = requests
        traces = requests
        deadLetterMessages = requests
        logIngestBytes = requests
        invocations = Array(repeating: 0, count: hours)
        errors = invocations
        throttles = invocations
        maxConcurrency = invocations
        p99DurationCenti = Array(repeating: -1, count: hours)
    }

    mutating func record(_ hour: InvocationSimulator.Hour, monthStartMs: Int64) {
        let h = hour.index
        invocations[h] = hour.invocations.count
        throttles[h] = hour.throttles
        maxConcurrency[h] = hour.maxConcurrency
        var durations = [Int64]()
        durations.reserveCapacity(hour.invocations.count)
        for inv in hour.invocations {
            if inv.outcome != .success { errors[h] += 1 }
            durations.append(inv.durationCenti)
            let end = min(max(Int((inv.endMs - monthStartMs) / 3_600_000), 0), requests.count - 1)
            requests[end] += 1
            billedMilliseconds[end] += inv.billedMs
            let mbms = inv.billedMs * Int64(inv.memoryMB)
            if inv.onProvisioned {
                provisionedMBMilliseconds[end] += mbms
            } else {
                onDemandMBMilliseconds[end] += mbms
            }
            if inv.sampled { traces[end] += 1 }
            if inv.toDeadLetter { deadLetterMessages[end] += 1 }
        }
        if !durations.isEmpty {
            durations.sort()
            let rank = Int((0.99 * Double(durations.count)).rounded(.up))
            p99DurationCenti[h] = durations[max(rank, 1) - 1]
        }
    }
}
