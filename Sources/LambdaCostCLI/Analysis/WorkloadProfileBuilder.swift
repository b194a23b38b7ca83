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
        let fromHour = month.startEpochSeconds / 3600
        let toHour = month.endEpochSeconds / 3600
        var result: [Built] = []
        for (fid, hours) in try store.invocationHours(fromHour: fromHour, toHour: toHour) {
            guard let identity = functions[fid] else { continue }
            if let functionName, identity.name != functionName { continue }
            result.append(profile(identity: identity, hours: hours, fromHour: fromHour))
        }
        return result.sorted { $0.profile.function < $1.profile.function }
    }

    func profile(identity: FunctionIdentity, hours: [InvocationHour], fromHour: Int64) -> Built {
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
        let samples = merged.values.sorted { ($0.memoryMB, $0.arch) < ($1.memoryMB, $1.arch) }.map { h in
            MemorySample(
                memoryMB: h.memoryMB, arch: h.arch, invocations: h.invocations, billedMsSum: h.billedMs,
                durationMsSum: Double(h.durationCentiMs) / 100, duration: h.durations, initCount: h.coldStarts,
                initDuration: h.initDurations, maxMemoryUsedMB: h.maxMemoryUsedMB, maxMemoryUsed: h.memoryUsed)
        }
        var assumptions: [String] = []
        // Without an observed configuration, the latest memory size and architecture in the data
        // are taken as current, and the timeout as the longest observed duration rounded up.
        let current = latest ?? InvocationHour(hour: 0, memoryMB: 128, arch: .x86_64)
        let inferredTimeout = max(3, Int((Double(maxDurationCentiMs) / 100_000).rounded(.up)))
        assumptions.append(
            "\(identity.name): no configuration export ingested; current memory \(current.memoryMB) MB and \(current.arch.rawValue) taken from the latest REPORT lines, timeout assumed \(inferredTimeout) s (longest observed duration, rounded up), log retention assumed never-expire, no reserved or provisioned concurrency.")
        let configuration = FunctionConfiguration(
            memoryMB: current.memoryMB, timeoutSeconds: inferredTimeout, arch: current.arch, logRetentionDays: nil,
            reservedConcurrency: nil, provisionedConcurrency: nil)
        let profile = WorkloadProfile(
            function: identity, month: month, samples: samples, hourlyArrivals: arrivals, errors: errors, timeouts: timeouts,
            configuration: configuration)
        return Built(profile: profile, assumptions: assumptions)
    }
}
