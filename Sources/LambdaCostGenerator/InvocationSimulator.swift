import LambdaCostCore

/// Draws one function's invocations for one month, an hour at a time, so that every writer sees
/// the same invocations without the month being held in memory.
struct InvocationSimulator {
    /// One hour's arrivals that ran (sorted by start) and what the concurrency limit turned away.
    struct Hour {
        var index: Int
        var invocations: [SimulatedInvocation]
        var throttles: Int
        var maxConcurrency: Int
    }

    private struct Arrival {
        var time: Int64
        var attempt: Int
        var poison: Bool
    }

    let function: SyntheticFunction
    let month: Month
    private let expectedPerHour: [Double]
    private let resizeHour: Int?
    private let limit: Int
    private let meanBurst: Double
    private var rng: SplitMix64
    private var hour = 0
    /// Async retries waiting for their time: (time, attempt), kept sorted.
    private var pendingRetries: [Arrival] = []
    /// End times of busy execution environments.
    private var active: [Int64] = []
    private var lastSampledSecond: Int64 = -1

    init(function: SyntheticFunction, month: Month, seed: UInt64, applyResize: Bool, accountLimit: Int) {
        self.function = function
        self.month = month
        rng = SplitMix64(seed: seed, stream: function.name, index: month.year * 12 + month.month)
        let w = function.workload
        let start = month.startEpochSeconds
        var weights = [Double]()
        weights.reserveCapacity(month.hours)
        for h in 0..<month.hours {
            let epochDay = (start + Int64(h) * 3600) / 86_400
            // 1970-01-01 was a Thursday: weekday 0 = Thursday, so 2 and 3 are Saturday and Sunday.
            let weekday = (epochDay % 7 + 7) % 7
            let weekend = weekday == 2 || weekday == 3
            let shape = w.hourlyShape.isEmpty ? 1 : w.hourlyShape[h % 24 % w.hourlyShape.count]
            weights.append(max(shape, 0) * (weekend ? w.weekendFactor : 1))
        }
        let total = weights.reduce(0, +)
        let monthTotal = w.monthlyInvocations * Double(month.hours) / 720
        expectedPerHour = weights.map { total > 0 ? monthTotal * $0 / total : 0 }
        if applyResize, let r = function.resize {
            resizeHour = Int(Double(month.hours) * min(max(r.atFractionOfMonth, 0), 1))
        } else {
            resizeHour = nil
        }
        limit = function.reservedConcurrency ?? accountLimit
        meanBurst = w.burstSize > 1 ? 1 + w.burstProbability * (Double(2 + w.burstSize) / 2 - 1) : 1
    }

    /// The memory size in effect at an hour of the month.
    func memoryMB(atHour h: Int) -> Int {
        if let r = resizeHour, h < r, let previous = function.resize?.previousMemoryMB { return previous }
        return function.memoryMB
    }

    mutating func next() -> Hour? {
        guard hour < month.hours else { return nil }
        defer { hour += 1 }
        let w = function.workload
        let monthStartMs = month.startEpochSeconds * 1000
        let monthEndMs = month.endEpochSeconds * 1000
        let hourStartMs = monthStartMs + Int64(hour) * 3_600_000
        let hourEndMs = hourStartMs + 3_600_000

        var arrivals: [Arrival] = []
        let events = rng.poisson(mean: expectedPerHour[hour] / meanBurst)
        arrivals.reserveCapacity(Int(Double(events) * meanBurst) + pendingRetries.count)
        for _ in 0..<events {
            let t = hourStartMs + Int64(rng.int(in: 0...3_599_999))
            arrivals.append(Arrival(time: t, attempt: 0, poison: rng.chance(w.poisonRate)))
            if w.burstSize > 1, rng.chance(w.burstProbability) {
                let extra = rng.int(in: 1...(w.burstSize - 1))
                for _ in 0..<extra {
                    let time = min(t + Int64(rng.int(in: 0...60)), hourEndMs - 1)
                    arrivals.append(Arrival(time: time, attempt: 0, poison: rng.chance(w.poisonRate)))
                }
            }
        }
        // Stable order for equal times keeps the output deterministic.
        arrivals = arrivals.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)

        var result = Hour(index: hour, invocations: [], throttles: 0, maxConcurrency: 0)
        result.invocations.reserveCapacity(arrivals.count)
        let memory = memoryMB(atHour: hour)
        let timeoutCenti = Int64(function.timeoutSeconds) * 100_000
        var nextNew = 0
        // Merge fresh arrivals with retries, including retries scheduled during this very hour,
        // so that start times never go backwards.
        while true {
            let arrival: Arrival
            if let retry = pendingRetries.first, retry.time < hourEndMs,
                nextNew == arrivals.count || retry.time < arrivals[nextNew].time
            {
                arrival = retry
                pendingRetries.removeFirst()
            } else if nextNew < arrivals.count {
                arrival = arrivals[nextNew]
                nextNew += 1
            } else {
                break
            }
            var t = arrival.time
            active.removeAll { $0 <= t }
            if active.count >= limit {
                result.throttles += 1
                continue
            }
            let onProvisioned = (function.provisionedConcurrency ?? 0) > active.count
            let cold = !onProvisioned && rng.chance(w.coldStartRate)
            let initCenti = cold ? max(1, Int64((w.initMedianMilliseconds * rng.lognormalFactor(sigma: w.initSpread) * 100).rounded())) : 0
            let u = rng.unit()
            var outcome: SimulatedInvocation.Outcome = u < w.timeoutRate ? .timeout : (u < w.timeoutRate + w.errorRate ? .error : .success)
            if arrival.poison && outcome == .success { outcome = .error }
            var durationCenti = max(1, Int64((w.meanDurationMilliseconds(memoryMB: memory) * rng.lognormalFactor(sigma: w.durationSpread) * 100).rounded()))
            if outcome == .timeout || durationCenti >= timeoutCenti {
                outcome = .timeout
                // A hung invocation is stopped a little after the limit but billed the limit exactly.
                durationCenti = timeoutCenti + Int64(rng.int(in: 100...6000))
            }
            let billedMs = outcome == .timeout
                ? Int64(function.timeoutSeconds) * 1000
                : (durationCenti + (onProvisioned ? 0 : initCenti) + 99) / 100
            let used = Int((w.memoryUsedMedianMB * rng.lognormalFactor(sigma: w.memoryUsedSpread)).rounded())
            let idHigh = rng.next()
            let idLow = rng.next()
            // Keep every line inside the month so logs, metrics and CUR cover the same invocations.
            let busyMs = (initCenti + durationCenti + 99) / 100
            if t + busyMs >= monthEndMs { t = max(hourStartMs, monthEndMs - busyMs - 2) }
            var sampled = false
            if function.tracingActive {
                // X-Ray's default rule: the first request each second, then 5%.
                let second = t / 1000
                if second != lastSampledSecond {
                    sampled = true
                    lastSampledSecond = second
                } else {
                    sampled = rng.chance(0.05)
                }
            }
            var invocation = SimulatedInvocation(
                idHigh: idHigh, idLow: idLow, startMs: t, durationCenti: durationCenti, initCenti: initCenti,
                billedMs: billedMs, memoryMB: memory, maxMemoryUsedMB: min(max(used, 20), memory), outcome: outcome,
                sampled: sampled, onProvisioned: onProvisioned, attempt: arrival.attempt, toDeadLetter: false)
            if outcome != .success && function.isAsync {
                if arrival.attempt < 2 {
                    let retryAt = invocation.endMs + 60_000 * Int64(arrival.attempt + 1)
                    if retryAt < monthEndMs {
                        pendingRetries.append(Arrival(time: retryAt, attempt: arrival.attempt + 1, poison: arrival.poison))
                        pendingRetries.sort { $0.time < $1.time }
                    }
                } else if function.deadLetterQueueName != nil {
                    invocation.toDeadLetter = true
                }
            }
            active.append(invocation.endMs)
            result.maxConcurrency = max(result.maxConcurrency, active.count)
            result.invocations.append(invocation)
        }
        result.invocations.sort { ($0.startMs, $0.idHigh) < ($1.startMs, $1.idHigh) }
        return result
    }
}
