import Foundation
import LambdaCostCore
import Testing

@testable import LambdaCostModel

@Suite struct ModelSimulatorTests {
    /// A sample whose invocations take exactly the given durations.
    func exactSample(memoryMB: Int, durations: [(ms: Double, count: Int)], initCount: Int64 = 0) -> MemorySample {
        var h = LogHistogram()
        var sum = 0.0
        var n: Int64 = 0
        for d in durations {
            h.add(d.ms, count: UInt64(d.count))
            sum += d.ms * Double(d.count)
            n += Int64(d.count)
        }
        return MemorySample(memoryMB: memoryMB, invocations: n, durationMsSum: sum, duration: h, initCount: initCount)
    }

    @Test func workedExampleUsage() throws {
        // BRIEF §5: 3M requests × 120 ms at 1,536 MB = 540,000 GB-s.
        let s = exactSample(memoryMB: 1536, durations: [(120, 3_000_000)])
        let profile = ModelTestWorkload.profile(
            samples: [s], configuration: FunctionConfiguration(memoryMB: 1536, timeoutSeconds: 3))
        let sim = try #require(Simulator(profile: profile))
        let p = sim.predict(VariantSpec(profile.configuration))
        #expect(abs(p.usage.requests - 3_000_000) < 1e-6)
        #expect(abs(p.usage.onDemandGBSeconds - 540_000) < 1e-6)
        #expect(p.timeoutRate == 0)
        #expect(p.throttleRate == 0)
        let cost = ModelTestWorkload.tier1Price(p.usage, .x86_64)
        // Without the free tier: 540,000 × 0.0000166667 + 3 × 0.20.
        #expect(abs(cost.total - (540_000 * 0.0000166667 + 0.60)) < 1e-9)
    }

    @Test func timeoutRateFromTheTail() throws {
        // 900 calls of 100 ms and 100 hung calls cut at the 3 s timeout; async → retries.
        let s = exactSample(memoryMB: 1024, durations: [(100, 900), (3000, 100)])
        let config = FunctionConfiguration(memoryMB: 1024, timeoutSeconds: 3, isAsync: true)
        let profile = ModelTestWorkload.profile(samples: [s], configuration: config, timeouts: 100)
        let sim = try #require(Simulator(profile: profile))
        let current = sim.predict(VariantSpec(config))
        #expect(abs(current.timeoutRate - 0.1) < 1e-12)
        #expect(current.durationP99Ms == 3000)
        // Observed invocations already include retries: requests match the month.
        #expect(abs(current.usage.requests - 1000) < 1e-9)
        #expect(abs(current.usage.retries - 1000 * 0.11 / 1.11) < 1e-9)
        // A 1 s timeout also cuts nothing of the fast calls, so the rate stays 10 %; hung calls
        // bill 1 s instead of 3 s.
        var shorter = VariantSpec(config)
        shorter.timeoutSeconds = 1
        let p = sim.predict(shorter)
        #expect(abs(p.timeoutRate - 0.1) < 1e-12)
        let billedMs = p.usage.onDemandGBSeconds * 1000 / p.usage.requests
        #expect(billedMs < current.usage.onDemandGBSeconds * 1000 / current.usage.requests)
        // 0.9 × ~100 ms + 0.1 × 1000 ms ≈ 190 ms per request (±1 % histogram resolution).
        #expect(abs(billedMs - 190) < 2)
        // A timeout below the fast calls times everything out.
        shorter.timeoutSeconds = 1
        let tiny = exactSample(memoryMB: 1024, durations: [(1500, 10)])
        let all = try #require(
            Simulator(profile: ModelTestWorkload.profile(samples: [tiny], configuration: config)))
        #expect(all.predict(shorter).timeoutRate == 1)
    }

    @Test func provisionedConcurrencySpilloverAndUtilisation() throws {
        // 3,600 calls an hour of exactly 1 s: A = 1 erlang; with 2 PC environments B(2, 1) = 0.2.
        let month = Month(year: 2025, month: 9)
        let s = exactSample(memoryMB: 1024, durations: [(1000, 3600 * month.hours)], initCount: 720)
        let config = FunctionConfiguration(memoryMB: 1024, timeoutSeconds: 10)
        let profile = ModelTestWorkload.profile(
            samples: [s], configuration: config, hourly: Array(repeating: 3600, count: month.hours))
        let sim = try #require(
            Simulator(profile: profile, options: SimulatorOptions(billing: BilledDurationRule(initBilled: false))))
        var spec = VariantSpec(config)
        spec.provisionedConcurrency = 2
        let p = sim.predict(spec)
        #expect(abs((p.provisionedSpillover ?? -1) - 0.2) < 1e-9)
        #expect(abs((p.provisionedUtilisation ?? -1) - 0.4) < 1e-9)
        #expect(abs(p.usage.provisionedConfiguredGBSeconds - 2 * Double(month.hours) * 3600) < 1e-6)
        let total = Double(3600 * month.hours)
        #expect(abs(p.usage.durationOnProvisionedGBSeconds - 0.8 * total) < 1e-6)
        #expect(abs(p.usage.onDemandGBSeconds - 0.2 * total) < 1e-6)
        // Cold starts only on spilled calls.
        let base = sim.predict(VariantSpec(config)).coldStartRate
        #expect(abs(p.coldStartRate - base * 0.2) < 1e-12)
    }

    @Test func reservedConcurrencyThrottlesAndProblems() throws {
        let month = Month(year: 2025, month: 9)
        let s = exactSample(memoryMB: 1024, durations: [(1000, 3600 * month.hours)])
        let config = FunctionConfiguration(memoryMB: 1024, timeoutSeconds: 10, reservedConcurrency: 2)
        let profile = ModelTestWorkload.profile(
            samples: [s], configuration: config, hourly: Array(repeating: 3600, count: month.hours))
        let sim = try #require(Simulator(profile: profile))
        let p = sim.predict(VariantSpec(config))
        #expect(abs(p.throttleRate - 0.2) < 1e-9)
        var huge = VariantSpec(config)
        huge.reservedConcurrency = 950
        let problems = sim.predict(huge).problems
        #expect(problems.map(\.code) == ["reserved_concurrency_infeasible"])
        var bad = VariantSpec(config)
        bad.timeoutSeconds = 901
        bad.logRetentionDays = 2
        bad.provisionedConcurrency = 3
        #expect(
            Set(sim.problems(bad).map(\.code))
                == ["timeout_out_of_range", "retention_not_allowed", "provisioned_exceeds_reserved"])
    }

    /// Observed throttles that hourly Erlang-B cannot explain (bursts within the hour) calibrate
    /// a load factor: the current configuration then predicts the observed rate, and a larger
    /// reservation predicts fewer throttles.
    @Test func observedThrottlesCalibrateBursts() throws {
        let month = Month(year: 2025, month: 9)
        // 60 calls an hour of 1 s on 5 reserved environments: hourly Erlang-B says ~0 throttles.
        let s = exactSample(memoryMB: 512, durations: [(1000, 60 * month.hours)])
        let config = FunctionConfiguration(memoryMB: 512, timeoutSeconds: 10, reservedConcurrency: 5)
        var profile = ModelTestWorkload.profile(samples: [s], configuration: config, hourly: Array(repeating: 60, count: month.hours))
        let uncalibrated = try #require(Simulator(profile: profile))
        #expect(uncalibrated.burstFactor == 1)
        #expect(uncalibrated.predict(VariantSpec(config)).throttleRate < 1e-6)
        // 3% of requests were throttled.
        let invocations = Double(60 * month.hours)
        profile.throttles = Int64((invocations * 0.03 / 0.97).rounded())
        let sim = try #require(Simulator(profile: profile))
        #expect(sim.burstFactor > 1)
        let now = sim.predict(VariantSpec(config))
        #expect(abs(now.throttleRate - 0.03) < 0.001)
        #expect(now.model.assumptions.contains { $0.contains("throttling calibrated") })
        var more = VariantSpec(config)
        more.reservedConcurrency = 10
        #expect(sim.predict(more).throttleRate < now.throttleRate / 10)
    }

    @Test func logStorageFollowsRetention() throws {
        let s = exactSample(memoryMB: 512, durations: [(50, 720_000)])
        let config = FunctionConfiguration(memoryMB: 512, timeoutSeconds: 3, logRetentionDays: 30)
        let profile = ModelTestWorkload.profile(samples: [s], configuration: config, logBytes: 1490.0)
        let sim = try #require(Simulator(profile: profile))
        let p = sim.predict(VariantSpec(config))
        let bytes = 720_000 * 1490.0
        #expect(abs(p.usage.logIngestBytes - bytes) < 1e-3)
        // Daily ingest × 30 days × 0.15 compression, in GiB.
        let expected = bytes / 1_073_741_824 / 30 * 30 * 0.15
        #expect(abs(p.usage.logStoredGBMonths - expected) < 1e-12)
    }
}
