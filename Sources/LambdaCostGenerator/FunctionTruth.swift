import LambdaCostCore

/// What the generator knows about one function's month: the counts a tool should recover from
/// the exports, the CUR's cost per cost key, and the model truth behind the traffic.
public struct FunctionTruth: Sendable, Hashable {
    /// Account, Region and name.
    public var identity: FunctionIdentity
    /// Architecture.
    public var architecture: Architecture
    /// Invocations that ran (REPORT lines, retries included).
    public var invocations: Int = 0
    /// Invocations with an `Init Duration`.
    public var coldStarts: Int = 0
    /// Invocations with `Status: error`.
    public var errors: Int = 0
    /// Invocations with `Status: timeout`.
    public var timeouts: Int = 0
    /// Arrivals turned away by the concurrency limit (not in the logs, not billed).
    public var throttles: Int = 0
    /// Async retry attempts (counted in ``invocations`` too).
    public var retries: Int = 0
    /// Events sent to the dead-letter queue.
    public var deadLetterMessages: Int = 0
    /// X-Ray traces recorded.
    public var tracesStored: Int = 0
    /// Σ billed ms over all invocations.
    public var billedMilliseconds: Int64 = 0
    /// Σ billed ms × memory MB over all invocations, exact.
    public var billedMBMilliseconds: Int64 = 0
    /// The part of ``billedMBMilliseconds`` served by provisioned concurrency.
    public var provisionedBilledMBMilliseconds: Int64 = 0
    /// Configured provisioned-concurrency GB-seconds for the month.
    public var provisionedConcurrencyGBSeconds: Double = 0
    /// Σ Duration in hundredths of a ms.
    public var durationCenti: Int64 = 0
    /// Σ Init Duration in hundredths of a ms.
    public var initCenti: Int64 = 0
    /// Largest Max Memory Used, MB.
    public var maxMemoryUsedMB: Int = 0
    /// Bytes ingested into the log group (message bytes + 26 per event).
    public var logIngestBytes: Int64 = 0
    /// Log storage billed, GB-months.
    public var logStorageGBMonths: Double = 0
    /// Per memory size seen, ascending.
    public var perMemory: [MemoryTruth] = []
    /// Costs as the CUR's lines for this function add up (list rates, no free tier).
    public var curCost = CostBreakdown()
    /// True mean I/O part of the duration, ms.
    public var ioMilliseconds: Double
    /// True mean CPU part of the duration at ``referenceMemoryMB``, ms.
    public var cpuMilliseconds: Double
    /// Memory size at which ``cpuMilliseconds`` holds.
    public var referenceMemoryMB: Int

    /// Empty truth for a function.
    public init(function: SyntheticFunction) {
        identity = function.identity
        architecture = function.architecture
        ioMilliseconds = function.workload.ioMilliseconds
        cpuMilliseconds = function.workload.cpuMilliseconds
        referenceMemoryMB = function.workload.referenceMemoryMB
    }

    /// Billed GB-seconds (all invocations, on-demand and on provisioned concurrency).
    public var gbSeconds: Double { Double(billedMBMilliseconds) / 1_024_000 }
    /// Billed GB-seconds at the on-demand rate.
    public var onDemandGBSeconds: Double { Double(billedMBMilliseconds - provisionedBilledMBMilliseconds) / 1_024_000 }

    mutating func record(_ inv: SimulatedInvocation) {
        invocations += 1
        if inv.isColdStart { coldStarts += 1 }
        switch inv.outcome {
        case .success: break
        case .error: errors += 1
        case .timeout: timeouts += 1
        }
        if inv.attempt > 0 { retries += 1 }
        if inv.toDeadLetter { deadLetterMessages += 1 }
        if inv.sampled { tracesStored += 1 }
        billedMilliseconds += inv.billedMs
        let mbms = inv.billedMs * Int64(inv.memoryMB)
        billedMBMilliseconds += mbms
        if inv.onProvisioned { provisionedBilledMBMilliseconds += mbms }
        durationCenti += inv.durationCenti
        initCenti += inv.initCenti
        maxMemoryUsedMB = max(maxMemoryUsedMB, inv.maxMemoryUsedMB)
        let index: Int
        if let i = perMemory.firstIndex(where: { $0.memoryMB == inv.memoryMB }) {
            index = i
        } else {
            perMemory.append(MemoryTruth(memoryMB: inv.memoryMB))
            perMemory.sort { $0.memoryMB < $1.memoryMB }
            index = perMemory.firstIndex { $0.memoryMB == inv.memoryMB }!
        }
        perMemory[index].invocations += 1
        perMemory[index].billedMilliseconds += inv.billedMs
        perMemory[index].durationCenti += inv.durationCenti
        perMemory[index].maxMemoryUsedMB = max(perMemory[index].maxMemoryUsedMB, inv.maxMemoryUsedMB)
        if inv.outcome == .success && !inv.isColdStart {
            perMemory[index].warmSuccessDurationCenti += inv.durationCenti
            perMemory[index].warmSuccessInvocations += 1
        }
    }
}
