import Foundation
import LambdaCostCore
import Testing

@testable import LambdaCostModel

/// Deterministic workloads for the model's tests: each invocation spends `io` ms waiting and
/// `cpuAtOneVCPU` ms of single-threaded CPU work, stretched by 1769/min(m, 1769) at m MB.
struct ModelTestWorkload {
    struct SplitMix64 {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    }

    var ioMean = 40.0
    var cpuMean = 60.0
    var seed: UInt64 = 42

    /// Samples `count` invocations at `memoryMB` and returns the sample with its exact mean.
    func sample(memoryMB: Int, count: Int, arch: Architecture = .x86_64, maxMemoryUsed: Int = 100) -> MemorySample {
        var rng = SplitMix64(state: seed &+ UInt64(memoryMB))
        var h = LogHistogram()
        var sum = 0.0
        var billed: Int64 = 0
        let stretch = 1769.0 / min(Double(memoryMB), 1769)
        for _ in 0..<count {
            let io = -ioMean * log(1 - rng.unit())  // exponential
            let cpu = cpuMean * (0.5 + rng.unit())  // uniform on [0.5, 1.5] × mean
            let d = io + cpu * stretch
            h.add(d)
            sum += d
            billed += Int64(d.rounded(.up))
        }
        var mem = IntHistogram()
        mem.add(maxMemoryUsed, count: UInt64(count))
        return MemorySample(
            memoryMB: memoryMB, arch: arch, invocations: Int64(count), billedMsSum: billed, durationMsSum: sum,
            duration: h, maxMemoryUsedMB: maxMemoryUsed, maxMemoryUsed: mem)
    }

    /// The true mean at `memoryMB`.
    func trueMean(memoryMB: Int) -> Double { ioMean + cpuMean * 1769 / min(Double(memoryMB), 1769) }

    static func profile(
        samples: [MemorySample], configuration: FunctionConfiguration, hourly: [Int]? = nil, timeouts: Int64 = 0,
        logBytes: Double? = nil
    ) -> WorkloadProfile {
        let month = Month(year: 2025, month: 9)
        let total = samples.reduce(0) { $0 + Int($1.invocations) }
        let hours = month.hours
        let series = hourly ?? (0..<hours).map { total / hours + ($0 < total % hours ? 1 : 0) }
        return WorkloadProfile(
            function: FunctionIdentity(account: "123456789012", region: "us-east-1", name: "f"), month: month,
            samples: samples, hourlyArrivals: series, timeouts: timeouts, logBytesPerInvocation: logBytes,
            configuration: configuration)
    }

    /// BRIEF §2 tier-1 us-east-1 prices, free tier excluded (marginal cost).
    static func tier1Price(_ u: VariantUsage, _ arch: Architecture) -> CostBreakdown {
        let arm = arch == .arm64
        var c = CostBreakdown()
        c.compute = u.onDemandGBSeconds * (arm ? 0.0000133334 : 0.0000166667)
        c.requests = u.requests * 0.20 / 1_000_000
        c.provisioned =
            u.provisionedConfiguredGBSeconds * (arm ? 0.0000033334 : 0.0000041667)
            + u.durationOnProvisionedGBSeconds * (arm ? 0.0000077778 : 0.0000097222)
        c.ephemeralStorage = u.ephemeralStorageGBSeconds * 0.0000000309
        c.logsIngest = u.logIngestBytes / 1_073_741_824 * 0.50
        c.logsStorage = u.logStoredGBMonths * 0.03
        return c
    }
}

@Suite struct ModelDurationTests {
    @Test func fitPredictsThirdSizeWithinTenPercent() throws {
        let w = ModelTestWorkload()
        let profile = ModelTestWorkload.profile(
            samples: [w.sample(memoryMB: 512, count: 20_000), w.sample(memoryMB: 1024, count: 20_000)],
            configuration: FunctionConfiguration(memoryMB: 512, timeoutSeconds: 30))
        let model = try #require(DurationModel(profile: profile))
        #expect(model.kind == .fitted)
        // Split recovered: I/O ≈ 40 ms, CPU at 512 MB ≈ 60 × 1769/512 = 207 ms.
        #expect(abs(model.ioMs - 40) < 4)
        #expect(abs(model.cpuMs - 60 * 1769 / 512) < 10)
        for target in [256, 1769, 3008] {
            let truth = w.sample(memoryMB: target, count: 20_000)
            let predicted = model.predictedMeanMs(memoryMB: target).expected
            let actual = try #require(truth.meanDurationMs)
            #expect(abs(predicted - actual) / actual < 0.10, "at \(target) MB: \(predicted) vs \(actual)")
            // The whole distribution scales: the median moves too.
            let p50 = try #require(model.predictedHistogram(memoryMB: target).quantile(0.5))
            let trueP50 = try #require(truth.duration.quantile(0.5))
            #expect(abs(p50 - trueP50) / trueP50 < 0.15, "p50 at \(target) MB: \(p50) vs \(trueP50)")
        }
    }

    @Test func singleSizeGivesARangeContainingTheTruth() throws {
        let w = ModelTestWorkload()
        let profile = ModelTestWorkload.profile(
            samples: [w.sample(memoryMB: 512, count: 20_000)],
            configuration: FunctionConfiguration(memoryMB: 512, timeoutSeconds: 30))
        let model = try #require(DurationModel(profile: profile))
        #expect(model.kind == .bounded)
        for target in [128, 256, 1024, 2048] {
            let range = model.predictedMeanMs(memoryMB: target)
            let truth = w.trueMean(memoryMB: target)
            #expect(range.low <= truth && truth <= range.high, "\(target) MB: \(truth) not in \(range)")
            #expect(range.low < range.high)
        }
        // At the measured size there is no uncertainty.
        let here = model.predictedMeanMs(memoryMB: 512)
        #expect(here.low == here.high)
    }

    @Test func timeoutRateAtAnotherSizeFollowsTheScaledTail() throws {
        let w = ModelTestWorkload()
        let config = FunctionConfiguration(memoryMB: 1024, timeoutSeconds: 1)
        let profile = ModelTestWorkload.profile(
            samples: [w.sample(memoryMB: 512, count: 20_000), w.sample(memoryMB: 1024, count: 20_000)],
            configuration: config)
        let sim = try #require(Simulator(profile: profile))
        // At 128 MB the CPU part alone is 415–1,244 ms, so a 1 s timeout cuts a good share;
        // the truth is counted from fresh draws.
        let truth128 = w.sample(memoryMB: 128, count: 20_000).duration
        var spec = VariantSpec(config)
        spec.memoryMB = 128
        let rate = sim.predict(spec).timeoutRate
        let trueRate = truth128.fractionAbove(1000)
        #expect(trueRate > 0.1)
        #expect(abs(rate - trueRate) < 0.05, "1 s timeout at 128 MB: \(rate) vs \(trueRate)")
        let truth256 = w.sample(memoryMB: 256, count: 20_000).duration
        for cut in [400.0, 500, 600] {
            let predicted = sim.model.predictedHistogram(memoryMB: 256).fractionAbove(cut)
            let actual = truth256.fractionAbove(cut)
            #expect(actual > 0.01)
            #expect(abs(predicted - actual) < 0.05, "above \(cut) ms at 256 MB: \(predicted) vs \(actual)")
        }
    }

    @Test func cpuShareCapsAtUsableThreads() {
        #expect(DurationModel.cpuShare(memoryMB: 3538, usableThreads: 1) == 1)
        #expect(DurationModel.cpuShare(memoryMB: 3538, usableThreads: 2) == 2)
        #expect(DurationModel.cpuShare(memoryMB: 10_240, usableThreads: 8) == 10_240.0 / 1769)
        #expect(abs(DurationModel.cpuShare(memoryMB: 10_240, usableThreads: 6) - 10_240.0 / 1769) < 1e-12)
    }

    @Test func histogramScalingMovesQuantiles() throws {
        var h = LogHistogram()
        for v in stride(from: 10.0, through: 1000, by: 10) { h.add(v) }
        let scaled = DurationModel.scale(h, by: 2.5)
        let q = try #require(h.quantile(0.9))
        let sq = try #require(scaled.quantile(0.9))
        #expect(abs(sq / q - 2.5) < 0.025)
        #expect(scaled.totalCount == h.totalCount)
    }
}
