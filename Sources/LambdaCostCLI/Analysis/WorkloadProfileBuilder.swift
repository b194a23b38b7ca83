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
    func build(functionName: String? = nil, facts given: MonthFacts? = nil) throws -> [Built] {
        let functions = try store.functions()
        let facts = try given ?? MonthFacts.load(store: store, month: month)
        let wanted = functionName.map { name in functions.filter { $0.value.name == name }.map(\.key) }
        var months: [Int64: FunctionMonth] = [:]
        // Two earlier months, for memory sizes this month did not run at (duration-model fit only).
        var history: [Int64: [InvocationHour]] = [:]
        for fid in wanted.map({ $0.map(Optional.some) }) ?? [nil] {
            months.merge(try store.functionMonths(month: month, functionID: fid)) { a, _ in a }
            for earlier in [month.previous, month.previous.previous] {
                for (id, m) in try store.functionMonths(month: earlier, functionID: fid) { history[id, default: []] += m.samples }
            }
        }
        var result: [Built] = []
        for (fid, data) in months {
            guard let identity = functions[fid] else { continue }
            var hourlyThrottles: [Int: Double] = [:]
            if facts.throttles[identity] != nil {
                hourlyThrottles = try store.hourlyMetric(month: month, functionID: fid, metric: "Throttles", stat: "Sum")
            }
            var built = profile(identity: identity, data: data, facts: facts, hourlyThrottles: hourlyThrottles)
            let seen = Set(built.profile.samples.map(\.memoryMB))
            var merged: [String: InvocationHour] = [:]
            for h in history[fid] ?? [] {
                merged["\(h.memoryMB)-\(h.arch)", default: InvocationHour(hour: 0, memoryMB: h.memoryMB, arch: h.arch)].merge(h)
            }
            let earlier = merged.values.sorted { ($0.memoryMB, $0.arch) < ($1.memoryMB, $1.arch) }.map(Self.sample)
                .filter { !seen.contains($0.memoryMB) }
            if !earlier.isEmpty {
                built.profile.history = earlier
                built.assumptions.append(
                    "\(identity.name): the duration model also uses \(earlier.map { "\($0.memoryMB) MB" }.joined(separator: ", ")) from the two previous months (sizes not run this month).")
            }
            result.append(built)
        }
        return result.sorted { $0.profile.function < $1.profile.function }
    }

    func profile(identity: FunctionIdentity, data: FunctionMonth, facts: MonthFacts, hourlyThrottles: [Int: Double]) -> Built {
        var arrivals = data.hourlyInvocations
        let total = data.total
        var assumptions: [String] = []
        // Throttled requests are offered load too (they are not in Invocations).
        for (hour, count) in hourlyThrottles where arrivals.indices.contains(hour) { arrivals[hour] += Int(count.rounded()) }
        let inferredTimeout = max(3, Int((Double(total.durationMaxCentiMs) / 100_000).rounded(.up)))
        let observed = facts.configuration(of: identity)
        let group = facts.logGroups[identity]
        let configuration = FunctionConfiguration(
            memoryMB: observed?.memoryMB ?? data.latestMemoryMB, timeoutSeconds: observed?.timeoutSeconds ?? inferredTimeout,
            arch: observed?.arch ?? data.latestArch, logRetentionDays: group?.retentionDays,
            reservedConcurrency: observed?.reservedConcurrency, provisionedConcurrency: observed?.provisionedConcurrency,
            ephemeralStorageMB: observed?.ephemeralStorageMB ?? 512, runtime: observed?.runtime, packageType: observed?.packageType)
        if observed == nil {
            assumptions.append(
                "\(identity.name): no configuration export ingested; current memory \(data.latestMemoryMB) MB and \(data.latestArch.rawValue) taken from the latest REPORT lines, timeout assumed \(inferredTimeout) s (longest observed duration, rounded up), no reserved or provisioned concurrency.")
        } else {
            if observed?.timeoutSeconds == nil {
                assumptions.append("\(identity.name): timeout not in the configuration export; assumed \(inferredTimeout) s.")
            }
            if observed?.reservedKnown == false {
                assumptions.append("\(identity.name): reserved concurrency unknown (list-functions does not carry it); assumed none.")
            }
        }
        if group == nil {
            assumptions.append("\(identity.name): log group not in a describe-log-groups export; retention assumed never-expire.")
        }
        let logBytes = facts.billedLogBytes(of: identity).map { $0 / Double(max(total.invocations, 1)) }
        let profile = WorkloadProfile(
            function: identity, month: month, samples: data.samples.map(Self.sample), hourlyArrivals: arrivals, errors: total.errors,
            timeouts: total.timeouts, throttles: facts.throttles[identity].map { Int64($0.rounded()) },
            concurrencyPeak: facts.concurrencyPeak[identity].map { Int($0.rounded()) }, logBytesPerInvocation: logBytes,
            configuration: configuration)
        return Built(profile: profile, assumptions: assumptions)
    }

    /// A merged aggregate as a model sample.
    static func sample(_ h: InvocationHour) -> MemorySample {
        MemorySample(
            memoryMB: h.memoryMB, arch: h.arch, invocations: h.invocations, billedMsSum: h.billedMs,
            durationMsSum: Double(h.durationCentiMs) / 100, duration: h.durations, initCount: h.coldStarts,
            initDuration: h.initDurations, maxMemoryUsedMB: h.maxMemoryUsedMB, maxMemoryUsed: h.memoryUsed)
    }
}
