import LambdaCostCore
import LambdaCostModel
import LambdaCostStore

/// Turns a month of stored aggregates into the model's ``WorkloadProfile``s: samples per memory
/// size, arrivals per hour, errors and timeouts, and the configuration in force (observed
/// configuration when ingested, else what the data implies, each inference stated).
struct WorkloadProfileBuilder {
    let store: Store
    let month: Month

    /// A profile and the assumptions made to build it.
    struct Built {
        var profile: WorkloadProfile
        var assumptions: [String]
    }

    /// Profiles for every function with invocations in the month (or only `functionName`),
    /// sorted by identity.
    func build(functionName: String? = nil) throws -> [Built] {
        let functions = try store.functions()
        let facts = try MonthFacts.load(store: store, month: month)
        let fromHour = month.startEpochSeconds / 3600
        let toHour = month.endEpochSeconds / 3600
        var result: [Built] = []
        // Two earlier months, for memory sizes this month did not run at (duration-model fit only).
        let historyHours = try store.invocationHours(fromHour: month.previous.previous.startEpochSeconds / 3600, toHour: fromHour)
        for (fid, hours) in try store.invocationHours(fromHour: fromHour, toHour: toHour) {
            guard let identity = functions[fid] else { continue }
            if let functionName, identity.name != functionName { continue }
            var hourlyThrottles: [Int: Double] = [:]
            if facts.throttles[identity] != nil {
                hourlyThrottles = try store.hourlyMetric(month: month, functionID: fid, metric: "Throttles", stat: "Sum")
            }
            var built = profile(identity: identity, hours: hours, fromHour: fromHour, facts: facts, hourlyThrottles: hourlyThrottles)
            let seen = Set(built.profile.samples.map(\.memoryMB))
            let history = Self.samples(historyHours[fid] ?? []).filter { !seen.contains($0.memoryMB) }
            if !history.isEmpty {
                built.profile.history = history
                built.assumptions.append(
                    "\(identity.name): the duration model also uses \(history.map { "\($0.memoryMB) MB" }.joined(separator: ", ")) from the two previous months (sizes not run this month).")
            }
            result.append(built)
        }
        return result.sorted { $0.profile.function < $1.profile.function }
    }

    func profile(
        identity: FunctionIdentity, hours: [InvocationHour], fromHour: Int64, facts: MonthFacts, hourlyThrottles: [Int: Double]
    ) -> Built {
        struct SampleKey: Hashable {
            var memoryMB: Int
            var arch: Architecture
        }
        var merged: [SampleKey: InvocationHour] = [:]
        var arrivals = [Int](repeating: 0, count: month.hours)
        var errors: Int64 = 0
        var timeouts: Int64 = 0
        var latest: InvocationHour?
        var maxDurationCentiMs: Int64 = 0
        for h in hours {
            let key = SampleKey(memoryMB: h.memoryMB, arch: h.arch)
            merged[key, default: InvocationHour(hour: 0, memoryMB: h.memoryMB, arch: h.arch)].merge(h)
            let index = Int(h.hour - fromHour)
            if arrivals.indices.contains(index) { arrivals[index] += Int(h.invocations) }
            errors += h.errors
            timeouts += h.timeouts
            maxDurationCentiMs = max(maxDurationCentiMs, h.durationMaxCentiMs)
            if latest == nil || h.hour >= latest!.hour { latest = h }
        }
        let samples = Self.samples(Array(merged.values))
        var assumptions: [String] = []
        // Throttled requests are offered load too (they are not in Invocations).
        for (hour, count) in hourlyThrottles where arrivals.indices.contains(hour) { arrivals[hour] += Int(count.rounded()) }
        let current = latest ?? InvocationHour(hour: 0, memoryMB: 128, arch: .x86_64)
        let inferredTimeout = max(3, Int((Double(maxDurationCentiMs) / 100_000).rounded(.up)))
        let observed = facts.configuration(of: identity)
        let group = facts.logGroups[identity]
        var configuration = FunctionConfiguration(
            memoryMB: observed?.memoryMB ?? current.memoryMB, timeoutSeconds: observed?.timeoutSeconds ?? inferredTimeout,
            arch: observed?.arch ?? current.arch, logRetentionDays: group?.retentionDays,
            reservedConcurrency: observed?.reservedConcurrency, provisionedConcurrency: observed?.provisionedConcurrency,
            ephemeralStorageMB: observed?.ephemeralStorageMB ?? 512, runtime: observed?.runtime, packageType: observed?.packageType)
        if observed == nil {
            assumptions.append(
                "\(identity.name): no configuration export ingested; current memory \(current.memoryMB) MB and \(current.arch.rawValue) taken from the latest REPORT lines, timeout assumed \(inferredTimeout) s (longest observed duration, rounded up), no reserved or provisioned concurrency.")
        } else {
            if observed?.timeoutSeconds == nil {
                assumptions.append("\(identity.name): timeout not in the configuration export; assumed \(inferredTimeout) s.")
            }
            if observed?.reservedKnown == false {
                assumptions.append("\(identity.name): reserved concurrency unknown (list-functions does not carry it); assumed none.")
            }
        }
        if group == nil {
            configuration.logRetentionDays = nil
            assumptions.append("\(identity.name): log group not in a describe-log-groups export; retention assumed never-expire.")
        }
        let invocations = hours.reduce(Int64(0)) { $0 + $1.invocations }
        let logBytes = facts.billedLogBytes(of: identity).map { $0 / Double(max(invocations, 1)) }
        let profile = WorkloadProfile(
            function: identity, month: month, samples: samples, hourlyArrivals: arrivals, errors: errors, timeouts: timeouts,
            throttles: facts.throttles[identity].map { Int64($0.rounded()) }, concurrencyPeak: facts.concurrencyPeak[identity].map { Int($0.rounded()) },
            logBytesPerInvocation: logBytes, configuration: configuration)
        return Built(profile: profile, assumptions: assumptions)
    }

    /// Hourly aggregates merged into one model sample per memory size and architecture.
    static func samples(_ hours: [InvocationHour]) -> [MemorySample] {
        struct Key: Hashable {
            var memoryMB: Int
            var arch: Architecture
        }
        var merged: [Key: InvocationHour] = [:]
        for h in hours {
            merged[Key(memoryMB: h.memoryMB, arch: h.arch), default: InvocationHour(hour: 0, memoryMB: h.memoryMB, arch: h.arch)].merge(h)
        }
        return merged.values.sorted { ($0.memoryMB, $0.arch) < ($1.memoryMB, $1.arch) }.map { h in
            MemorySample(
                memoryMB: h.memoryMB, arch: h.arch, invocations: h.invocations, billedMsSum: h.billedMs,
                durationMsSum: Double(h.durationCentiMs) / 100, duration: h.durations, initCount: h.coldStarts,
                initDuration: h.initDurations, maxMemoryUsedMB: h.maxMemoryUsedMB, maxMemoryUsed: h.memoryUsed)
        }
    }
}
