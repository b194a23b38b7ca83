import Foundation
import LambdaCostCore
import Testing

@testable import LambdaCostModel

@Suite struct ModelRecommenderTests {
    let w = ModelTestWorkload()

    func cpuHeavyProfile(runtime: String? = "python3.12", maxMemoryUsed: Int = 100) -> WorkloadProfile {
        ModelTestWorkload.profile(
            samples: [
                w.sample(memoryMB: 512, count: 20_000, maxMemoryUsed: maxMemoryUsed),
                w.sample(memoryMB: 1024, count: 20_000, maxMemoryUsed: maxMemoryUsed),
            ],
            configuration: FunctionConfiguration(
                memoryMB: 1024, timeoutSeconds: 30, runtime: runtime, packageType: "Zip"))
    }

    @Test func memoryFloorIsRespected() throws {
        let profile = cpuHeavyProfile(maxMemoryUsed: 700)
        for strategy in RecommendationStrategy.allCases {
            let r = Recommender.recommend(profile: profile, strategy: strategy, price: ModelTestWorkload.tier1Price)
            // 700 MB × 1.2 = 840 MB.
            #expect(r.recommended.memoryMB >= 840)
            #expect(r.pareto.allSatisfy { $0.memoryMB >= 840 })
        }
        let sim = try #require(Simulator(profile: profile))
        #expect(sim.memoryFloorMB == 840)
        var spec = VariantSpec(profile.configuration)
        spec.memoryMB = 768
        #expect(sim.predict(spec).problems.map(\.code).contains("memory_below_floor"))
    }

    @Test func paretoFrontierIsNonDominated() throws {
        let r = Recommender.recommend(profile: cpuHeavyProfile(), price: ModelTestWorkload.tier1Price)
        #expect(r.pareto.count >= 2)
        for a in r.pareto {
            for b in r.pareto where a != b {
                let dominates = a.cost <= b.cost && a.p99Ms <= b.p99Ms && (a.cost < b.cost || a.p99Ms < b.p99Ms)
                #expect(!dominates, "\(a) dominates \(b)")
            }
        }
        #expect(r.pareto.map(\.cost) == r.pareto.map(\.cost).sorted())
    }

    @Test func p99ConstraintIsObeyed() throws {
        let profile = cpuHeavyProfile()
        let free = Recommender.recommend(profile: profile, strategy: .cost, price: ModelTestWorkload.tier1Price)
        // Ask for a p99 well below what the cheapest choice gives, but reachable with more CPU:
        // at ≥ 1,769 MB the true p99 is about 40·ln(100) + 90 ≈ 274 ms.
        let limit = 0.6 * free.predicted.durationP99Ms
        #expect(limit > 300)
        let r = Recommender.recommend(
            profile: profile, constraints: RecommendationConstraints(maxP99Ms: limit), strategy: .cost,
            price: ModelTestWorkload.tier1Price)
        #expect(r.constraintsMet)
        #expect(r.predicted.durationP99Ms <= limit)
        #expect(r.recommended.memoryMB > free.recommended.memoryMB)
        // An impossible limit is reported, not silently ignored.
        let impossible = Recommender.recommend(
            profile: profile, constraints: RecommendationConstraints(maxP99Ms: 1), price: ModelTestWorkload.tier1Price)
        #expect(!impossible.constraintsMet)
        #expect(impossible.risks.contains { $0.contains("no variant meets every constraint") })
    }

    @Test func armIsRecommendedOnlyWhenCompatible() {
        let r = Recommender.recommend(profile: cpuHeavyProfile(), price: ModelTestWorkload.tier1Price)
        #expect(r.recommended.arch == .arm64)
        #expect(r.risks.contains { $0.contains("validate before switching") })
        #expect(r.savings.expected > 0)
        #expect(r.savings.low <= r.savings.expected && r.savings.expected <= r.savings.high)
        let go = Recommender.recommend(profile: cpuHeavyProfile(runtime: "go1.x"), price: ModelTestWorkload.tier1Price)
        #expect(go.recommended.arch == .x86_64)
    }

    @Test func boundedModelGivesASavingsRange() {
        let profile = ModelTestWorkload.profile(
            samples: [w.sample(memoryMB: 1024, count: 20_000)],
            configuration: FunctionConfiguration(memoryMB: 1024, timeoutSeconds: 30, runtime: "go1.x"))
        let r = Recommender.recommend(profile: profile, price: ModelTestWorkload.tier1Price)
        #expect(r.predicted.model.kind == .bounded)
        if r.recommended.memoryMB != 1024 {
            #expect(r.savings.low < r.savings.high)
            #expect(r.risks.contains { $0.contains("I/O–CPU split is unknown") })
        }
    }

    @Test func breakEvenAtTierOne() throws {
        // BRIEF §4: 0.60 at tier 1 (x86).
        let x86 = try #require(Recommender.breakEvenUtilisation(arch: .x86_64, price: ModelTestWorkload.tier1Price))
        #expect(abs(x86 - 0.0000041667 / (0.0000166667 - 0.0000097222)) < 1e-12)
        #expect(abs(x86 - 0.60) < 0.001)
    }

    @Test func retentionOptionsAndMinimum() {
        var profile = cpuHeavyProfile()
        profile.logBytesPerInvocation = 2000
        let r = Recommender.recommend(
            profile: profile, constraints: RecommendationConstraints(minRetentionDays: 14),
            price: ModelTestWorkload.tier1Price)
        #expect(r.recommended.logRetentionDays == 14)
        #expect(r.retentionOptions.first?.days == 14)
        #expect(r.retentionOptions.last?.days == nil)
        #expect(r.retentionOptions.allSatisfy { ($0.days ?? 14) >= 14 })
        let costs = r.retentionOptions.map(\.logsStorageCost)
        #expect(costs == costs.sorted())
    }

    @Test func noDataKeepsConfiguration() {
        let profile = ModelTestWorkload.profile(samples: [], configuration: FunctionConfiguration(memoryMB: 256))
        let r = Recommender.recommend(profile: profile, price: ModelTestWorkload.tier1Price)
        #expect(r.recommended == r.current)
        #expect(r.savings.expected == 0)
    }
}

@Suite struct ModelRecommenderConcurrencyTests {
    /// Erlang-B by the textbook sum, independent of the implementation's recursion.
    func erlangB(_ c: Int, _ a: Double) -> Double {
        var term = 1.0
        var sum = 1.0
        for k in 1...c {
            term *= a / Double(k)
            sum += term
        }
        return term / sum
    }

    @Test func throttleLimitRaisesReservationToTheSmallestSufficient() throws {
        let month = Month(year: 2025, month: 9)
        var h = LogHistogram()
        h.add(1000, count: UInt64(3600 * month.hours))
        let s = MemorySample(
            memoryMB: 1024, invocations: Int64(3600 * month.hours), durationMsSum: 1000 * Double(3600 * month.hours),
            duration: h)
        let profile = ModelTestWorkload.profile(
            samples: [s],
            configuration: FunctionConfiguration(memoryMB: 1024, timeoutSeconds: 10, reservedConcurrency: 2),
            hourly: Array(repeating: 3600, count: month.hours))
        let r = Recommender.recommend(
            profile: profile,
            constraints: RecommendationConstraints(maxThrottleRate: 0.01, allowArchitectureChange: false),
            price: ModelTestWorkload.tier1Price)
        #expect(r.constraintsMet)
        let c = try #require(r.recommended.reservedConcurrency)
        let load = r.predicted.durationMeanMs / 1000  // 3,600 arrivals an hour = 1 per second
        #expect(erlangB(c, load) <= 0.01 + 1e-9)
        #expect(erlangB(c - 1, load) > 0.01)
        #expect(abs(r.predicted.throttleRate - erlangB(c, load)) < 1e-9)
        // Current: B(2, 1) = 0.2 breaks the limit and is said so.
        #expect(abs(r.currentPrediction.throttleRate - 0.2) < 1e-9)
        #expect(r.reasons.contains { $0.contains("reserved concurrency 2 →") })
    }
}
