import Foundation
import LambdaCostCore

/// Predicts what each ``VariantSpec`` of one function would use and how it would behave over the
/// measured month, from the month's aggregates only.
///
/// Work per prediction is proportional to the histogram's bucket count plus the hours of the
/// month (for Erlang-B), never to the number of invocations.
public struct Simulator: Sendable {
    /// A histogram flattened for repeated scaling.
    struct Distribution: Sendable {
        var values: [Double]
        var counts: [Double]
        var total: Double
        /// Exact mean ÷ mean of bucket representatives: calibrates sums to the exact mean.
        var calibration: Double

        init(_ histogram: LogHistogram, exactMean: Double?) {
            let buckets = histogram.buckets
            values = buckets.map { LogHistogram.value(ofIndex: $0.index) }
            counts = buckets.map { Double($0.count) }
            total = counts.reduce(0, +)
            let approx = histogram.approximateMean ?? 0
            calibration = (exactMean.map { approx > 0 ? $0 / approx : 1 }) ?? 1
        }

        var mean: Double {
            guard total > 0 else { return 0 }
            var s = 0.0
            for i in values.indices { s += values[i] * counts[i] }
            return s / total * calibration
        }

        func quantile(_ q: Double, factor: Double) -> Double {
            guard total > 0 else { return 0 }
            let rank = max(1, (q * total).rounded(.up))
            var seen = 0.0
            for i in values.indices {
                seen += counts[i]
                if seen >= rank { return values[i] * factor * calibration }
            }
            return (values.last ?? 0) * factor * calibration
        }
    }

    /// Duration statistics under one scale factor and timeout.
    struct Stats {
        var meanMs = 0.0
        var billedMeanMs = 0.0
        var timeoutRate = 0.0
    }

    /// Invocations a measured size needs before its own histogram replaces the model's prediction.
    public static let minimumDirectSample: Int64 = 100

    /// The measured month being simulated.
    public let profile: WorkloadProfile
    /// The assumptions in force.
    public let options: SimulatorOptions
    /// The fitted or bounded duration model.
    public let model: DurationModel
    let reference: Distribution
    let measured: [String: Distribution]
    let initMeanMs: Double
    let arrivals: [Int]
    let hours: Int
    /// Cold starts per on-demand invocation (with PC off).
    let onDemandColdRate: Double
    /// Invocations net of timeout retries (what callers asked for).
    let baseInvocations: Double
    let currentThrottleRate: Double
    /// Offered load within the hour relative to the hourly mean, calibrated so that Erlang-B
    /// reproduces the observed throttle rate at the current concurrency (1 when nothing was
    /// throttled or the hourly model already explains it): bursts inside the hour.
    public let burstFactor: Double

    /// Prepares a simulator; nil when the profile has no invocations to model.
    public init?(profile: WorkloadProfile, options: SimulatorOptions = SimulatorOptions()) {
        guard let model = DurationModel(profile: profile, usableThreads: options.usableThreads) else { return nil }
        self.profile = profile
        self.options = options
        self.model = model
        let refSample = model.measured[model.referenceMemoryMB]
        reference = Distribution(model.referenceDuration, exactMean: refSample?.meanDurationMs)
        var measured: [String: Distribution] = [:]
        var best: [String: Int64] = [:]
        for s in profile.samples where s.invocations > best[Self.key(s.memoryMB, s.arch), default: 0] {
            // A size seen a few times is noise: below the threshold the model predicts it instead.
            let isReference = s.memoryMB == model.referenceMemoryMB && s.arch == model.arch
            guard s.invocations >= Self.minimumDirectSample || isReference else { continue }
            best[Self.key(s.memoryMB, s.arch)] = s.invocations
            measured[Self.key(s.memoryMB, s.arch)] = Distribution(s.duration, exactMean: s.meanDurationMs)
        }
        self.measured = measured
        initMeanMs = model.referenceInit.approximateMean ?? 0
        let total = profile.invocations
        let hours = profile.hourlyArrivals.isEmpty ? profile.month.hours : profile.hourlyArrivals.count
        self.hours = hours
        if profile.hourlyArrivals.isEmpty {
            // No hourly series: spread the month evenly, as BRIEF §6 does for described workloads.
            let each = Int(total) / max(hours, 1)
            let extra = Int(total) % max(hours, 1)
            arrivals = (0..<hours).map { each + ($0 < extra ? 1 : 0) }
        } else {
            arrivals = profile.hourlyArrivals
        }
        let n = Double(total)
        let observedTimeoutRate = n > 0 ? Double(profile.timeouts) / n : 0
        let isAsync = profile.configuration.isAsync ?? false
        baseInvocations = isAsync ? n / (1 + observedTimeoutRate + observedTimeoutRate * observedTimeoutRate) : n
        let initRate = n > 0 ? Double(profile.samples.reduce(0) { $0 + $1.initCount }) / n : 0
        let current = VariantSpec(profile.configuration)
        let currentHold = (reference.mean + initRate * initMeanMs) / 1000
        let pc = current.provisionedConcurrency
        if pc > 0 {
            let spill = ErlangB.overflow(hourlyArrivals: arrivals, meanDurationSeconds: currentHold, servers: pc)
            onDemandColdRate = min(1, initRate / max(spill.spilloverFraction, 1e-9))
        } else {
            onDemandColdRate = min(1, initRate)
        }
        var burst = 1.0
        let hourly = Self.throttleRate(for: current, holdingSeconds: currentHold, arrivals: arrivals, options: options)
        if let throttles = profile.throttles, throttles > 0, n > 0 {
            let observed = Double(throttles) / (n + Double(throttles))
            if hourly < observed {
                burst = Self.calibrateBurst(observed: observed, spec: current, holdingSeconds: currentHold, arrivals: arrivals, options: options)
            }
        }
        burstFactor = burst
        currentThrottleRate = burst == 1
            ? hourly : Self.throttleRate(for: current, holdingSeconds: currentHold * burst, arrivals: arrivals, options: options)
    }

    /// The load factor k ≥ 1 at which the arrival-weighted B(c, k·A_h) equals `observed`
    /// (bisection; capped at 10^4).
    static func calibrateBurst(
        observed: Double, spec: VariantSpec, holdingSeconds: Double, arrivals: [Int], options: SimulatorOptions
    ) -> Double {
        func rate(_ k: Double) -> Double {
            throttleRate(for: spec, holdingSeconds: holdingSeconds * k, arrivals: arrivals, options: options)
        }
        var low = 1.0
        var high = 2.0
        while rate(high) < observed && high < 10_000 { low = high; high *= 2 }
        if rate(high) < observed { return high }
        for _ in 0..<50 {
            let mid = (low + high) / 2
            if rate(mid) < observed { low = mid } else { high = mid }
        }
        return high
    }

    static func key(_ memoryMB: Int, _ arch: Architecture) -> String { "\(memoryMB)/\(arch.rawValue)" }

    /// The memory floor: peak Max Memory Used × headroom, rounded up to whole MB, at least 128.
    public var memoryFloorMB: Int {
        guard let peak = profile.peakMaxMemoryUsedMB else { return 128 }
        return max(128, Int((Double(peak) * options.memoryHeadroom).rounded(.up)))
    }

    /// The distribution and the (expected, low, high) factors that predict `memoryMB` on `arch`.
    func basis(memoryMB: Int, arch: Architecture) -> (Distribution, (Double, Double, Double), Bool, [String]) {
        if let d = measured[Self.key(memoryMB, arch)] { return (d, (1, 1, 1), true, []) }
        let f = model.scaleFactors(memoryMB: memoryMB)
        var assumptions: [String] = []
        var a = 1.0
        if arch != model.arch {
            a = arch == .arm64 ? 1 / options.armSpeedRatio : options.armSpeedRatio
            assumptions.append(
                "arm64 runs at \(options.armSpeedRatio)× the speed of x86_64 (assumed, --arm-speed-ratio):"
                    + " validate before switching")
        }
        if model.kind == .bounded && memoryMB != model.referenceMemoryMB {
            assumptions.append(
                "only one memory size measured: duration bounded between all-I/O and all-CPU, expectation half-way")
        }
        return (reference, (f.expected * a, f.low * a, f.high * a), false, assumptions)
    }

    func stats(_ d: Distribution, factor: Double, timeoutMs: Double) -> Stats {
        guard d.total > 0 else { return Stats() }
        let scale = factor * d.calibration
        let cut = timeoutMs * (1 - LogHistogram.relativeAccuracy)
        var sum = 0.0
        var billed = 0.0
        var timedOut = 0.0
        for i in d.values.indices {
            let v = d.values[i] * scale
            let c = d.counts[i]
            if v >= cut {
                timedOut += c
                sum += c * timeoutMs
                billed += c * options.billing.billedMs(durationMs: timeoutMs)
            } else {
                sum += c * v
                billed += c * options.billing.billedMs(durationMs: v)
            }
        }
        return Stats(meanMs: sum / d.total, billedMeanMs: billed / d.total, timeoutRate: timedOut / d.total)
    }

    static func throttleRate(
        for spec: VariantSpec, holdingSeconds: Double, arrivals: [Int], options: SimulatorOptions
    ) -> Double {
        let servers =
            spec.reservedConcurrency
            ?? max(0, options.accountConcurrencyLimit - options.otherReservedConcurrency)
        return ErlangB.throttleRate(hourlyArrivals: arrivals, meanDurationSeconds: holdingSeconds, servers: servers)
    }

    /// The duration (ms) at quantile `q` predicted for `memoryMB` on `arch`, before any timeout.
    public func durationQuantileMs(_ q: Double, memoryMB: Int, arch: Architecture) -> Double {
        let (d, f, _, _) = basis(memoryMB: memoryMB, arch: arch)
        return d.quantile(q, factor: f.0)
    }

    /// Predicts one variant.
    public func predict(_ spec: VariantSpec) -> VariantPrediction {
        let (dist, factors, isMeasured, assumptions) = basis(memoryMB: spec.memoryMB, arch: spec.arch)
        let timeoutMs = Double(spec.timeoutSeconds) * 1000
        let expected = stats(dist, factor: factors.0, timeoutMs: timeoutMs)
        let low = stats(dist, factor: factors.1, timeoutMs: timeoutMs)
        let high = stats(dist, factor: factors.2, timeoutMs: timeoutMs)
        let hold = (expected.meanMs + onDemandColdRate * initMeanMs * factors.0) / 1000
        let throttle = Self.throttleRate(for: spec, holdingSeconds: hold * burstFactor, arrivals: arrivals, options: options)
        let servedFactor = currentThrottleRate < 1 ? (1 - throttle) / (1 - currentThrottleRate) : 1 - throttle
        var spill = 1.0
        var utilisation: Double?
        if spec.provisionedConcurrency > 0 {
            let o = ErlangB.overflow(hourlyArrivals: arrivals, meanDurationSeconds: hold, servers: spec.provisionedConcurrency)
            spill = o.spilloverFraction
            utilisation = o.carriedErlangHours / Double(spec.provisionedConcurrency * max(hours, 1))
        }
        let isAsync = profile.configuration.isAsync ?? false
        func usage(_ s: Stats, _ factor: Double) -> VariantUsage {
            let served = baseInvocations * servedFactor
            let retries = isAsync ? served * (s.timeoutRate + s.timeoutRate * s.timeoutRate) : 0
            let requests = served + retries
            let gb = Double(spec.memoryMB) / 1024
            let onDemand = requests * spill
            let onPC = requests - onDemand
            let initBilledMs = options.billing.initBilled ? onDemandColdRate * initMeanMs * factor : 0
            var u = VariantUsage(requests: requests, retries: retries)
            u.onDemandGBSeconds = onDemand * (s.billedMeanMs + initBilledMs) / 1000 * gb
            u.durationOnProvisionedGBSeconds = onPC * s.billedMeanMs / 1000 * gb
            u.provisionedConfiguredGBSeconds = Double(spec.provisionedConcurrency) * gb * Double(hours) * 3600
            let extraEphemeralGB = Double(max(0, spec.ephemeralStorageMB - 512)) / 1024
            u.ephemeralStorageGBSeconds =
                extraEphemeralGB * (u.onDemandGBSeconds + u.durationOnProvisionedGBSeconds) / gb
            let bytes = requests * (profile.logBytesPerInvocation ?? 0)
            u.logIngestBytes = bytes
            let days = max(Double(hours) / 24, 1)
            let retention = Double(spec.logRetentionDays ?? options.neverExpireCostedDays)
            u.logStoredGBMonths = bytes / 1_073_741_824 / days * retention * options.logCompressionRatio
            return u
        }
        var info = VariantPrediction.ModelInfo(
            kind: model.kind, ioMs: model.ioMs, cpuMs: model.cpuMs, referenceMemoryMB: model.referenceMemoryMB,
            usableThreads: model.usableThreads, measured: isMeasured, meanLowMs: min(low.meanMs, high.meanMs),
            meanHighMs: max(low.meanMs, high.meanMs), assumptions: assumptions)
        if burstFactor > 1 {
            info.assumptions.append(
                "throttling calibrated to the observed \(String(format: "%.2f", currentThrottleRate * 100))% at the current concurrency:"
                    + " load within the hour taken as \(String(format: "%.1f", burstFactor))× the hourly mean (bursts)")
        }
        if spec.logRetentionDays == nil && (profile.logBytesPerInvocation ?? 0) > 0 {
            info.assumptions.append(
                "never-expire logs costed as \(options.neverExpireCostedDays) days held, compressed to"
                    + " \(options.logCompressionRatio) of raw size")
        }
        // Same cut as `stats`: a value within histogram resolution of the timeout is a timeout.
        let cap = { (v: Double) in v >= timeoutMs * (1 - LogHistogram.relativeAccuracy) ? timeoutMs : v }
        return VariantPrediction(
            spec: spec, durationMeanMs: expected.meanMs, durationP50Ms: cap(dist.quantile(0.5, factor: factors.0)),
            durationP90Ms: cap(dist.quantile(0.9, factor: factors.0)),
            durationP99Ms: cap(dist.quantile(0.99, factor: factors.0)), timeoutRate: expected.timeoutRate,
            throttleRate: throttle, coldStartRate: onDemandColdRate * spill,
            provisionedSpillover: spec.provisionedConcurrency > 0 ? spill : nil,
            provisionedUtilisation: utilisation, usage: usage(expected, factors.0),
            usageLow: usage(low, factors.1), usageHigh: usage(high, factors.2), problems: problems(spec),
            model: info)
    }

    /// Why `spec` cannot be deployed as it stands.
    public func problems(_ spec: VariantSpec) -> [ModelProblem] {
        var out: [ModelProblem] = []
        if !(128...10_240).contains(spec.memoryMB) {
            out.append(ModelProblem(code: "memory_out_of_range", message: "memory \(spec.memoryMB) MB is outside 128–10,240 MB"))
        }
        if spec.memoryMB < memoryFloorMB {
            out.append(
                ModelProblem(
                    code: "memory_below_floor",
                    message: "memory \(spec.memoryMB) MB is below peak Max Memory Used"
                        + " \(profile.peakMaxMemoryUsedMB ?? 0) MB × \(options.memoryHeadroom) headroom = \(memoryFloorMB) MB"))
        }
        if !(1...900).contains(spec.timeoutSeconds) {
            out.append(ModelProblem(code: "timeout_out_of_range", message: "timeout \(spec.timeoutSeconds) s is outside 1–900 s"))
        }
        if let days = spec.logRetentionDays, !VariantSpec.allowedRetentionDays.contains(days) {
            out.append(ModelProblem(code: "retention_not_allowed", message: "log retention \(days) days is not a value CloudWatch Logs accepts"))
        }
        if let reserved = spec.reservedConcurrency, spec.provisionedConcurrency > reserved {
            out.append(
                ModelProblem(
                    code: "provisioned_exceeds_reserved",
                    message: "provisioned concurrency \(spec.provisionedConcurrency) exceeds reserved concurrency \(reserved)"))
        }
        out += ConcurrencyPlanCheck.check(
            reservations: [(profile.function, spec.reservedConcurrency)], accountLimit: options.accountConcurrencyLimit,
            unreservedMinimum: options.unreservedMinimum, otherReserved: options.otherReservedConcurrency)
        if spec.arch != profile.configuration.arch,
            case .incompatible(let why) = ArchitectureCompatibility.assess(profile.configuration, target: spec.arch)
        {
            out.append(ModelProblem(code: "architecture_incompatible", message: why))
        }
        return out
    }
}
