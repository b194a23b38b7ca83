import Foundation
import LambdaCostCore

extension Recommender {
    /// Sentences saying why the recommendation differs from the current configuration, and what
    /// could make it wrong.
    static func explain(
        sim: Simulator, current: Candidate, chosen: Candidate, savings: Recommendation.Savings, breakEven: Double?,
        compatibility: ArchitectureCompatibility, constraintsMet: Bool, price: Pricing
    ) -> (reasons: [String], risks: [String]) {
        var reasons: [String] = []
        var risks: [String] = []
        let from = current.prediction
        let to = chosen.prediction
        let model = sim.model
        let profile = sim.profile
        func ms(_ v: Double) -> String { String(format: "%.1f ms", v) }
        func usd(_ v: Double) -> String { String(format: "$%.2f", v) }
        func pct(_ v: Double) -> String { String(format: "%.3g%%", v * 100) }

        if to.spec == from.spec {
            reasons.append("current configuration kept: no eligible variant is better under the strategy by at least 1% and $0.01 a month")
        }
        if to.spec.memoryMB != from.spec.memoryMB {
            reasons.append(
                "memory \(from.spec.memoryMB) → \(to.spec.memoryMB) MB: predicted mean \(ms(from.durationMeanMs)) →"
                    + " \(ms(to.durationMeanMs)), p99 \(ms(from.durationP99Ms)) → \(ms(to.durationP99Ms))")
        }
        switch model.kind {
        case .fitted:
            let sizes = model.measured.keys.sorted().map(String.init).joined(separator: ", ")
            reasons.append(
                "duration model fitted on \(sizes) MB: d_io = \(ms(model.ioMs)), d_cpu = \(ms(model.cpuMs)) at"
                    + " \(model.referenceMemoryMB) MB (k = \(model.usableThreads))")
        case .bounded:
            if to.spec.memoryMB != model.referenceMemoryMB {
                risks.append(
                    "only \(model.referenceMemoryMB) MB was measured: the I/O–CPU split is unknown, so the duration"
                        + " at \(to.spec.memoryMB) MB lies between \(ms(to.model.meanLowMs)) (all-CPU or all-I/O) and"
                        + " \(ms(to.model.meanHighMs)); savings are a range for that reason")
            }
        }
        if to.spec.arch != from.spec.arch {
            reasons.append("architecture \(from.spec.arch.rawValue) → \(to.spec.arch.rawValue): lower duration price")
            risks.append(
                "arm64/x86_64 speed ratio \(sim.options.armSpeedRatio) is an assumption (--arm-speed-ratio):"
                    + " validate before switching")
            switch compatibility {
            case .compatible(let note), .needsRebuild(let note): risks.append(note)
            case .unknown: risks.append("runtime and package type unknown: check arm64 support before switching")
            case .incompatible(let why): risks.append(why)
            }
        }
        if to.spec.timeoutSeconds != from.spec.timeoutSeconds {
            reasons.append(
                "timeout \(from.spec.timeoutSeconds) → \(to.spec.timeoutSeconds) s: p\(timeoutQuantile * 100) of"
                    + " predicted durations × \(timeoutMargin); predicted timeout rate \(pct(to.timeoutRate))")
        }
        let attempts = (profile.configuration.isAsync ?? false) ? 3.0 : 1.0
        let gb = Double(to.spec.memoryMB) / 1024
        let exposure = price(
            VariantUsage(requests: attempts, onDemandGBSeconds: Double(to.spec.timeoutSeconds) * gb * attempts),
            to.spec.arch
        ).total
        risks.append(
            "worst case per hung invocation: \(to.spec.timeoutSeconds) s billed"
                + (attempts > 1 ? " × 3 attempts (async retries)" : "") + String(format: " = $%.6f", exposure))
        if profile.timeouts > 0 {
            risks.append(
                "\(profile.timeouts) timeouts observed: durations are censored at the current timeout, so the true"
                    + " tail is unknown; timed-out invocations may be hung, not slow")
        }
        if to.spec.logRetentionDays != from.spec.logRetentionDays {
            let name = { (d: Int?) in d.map { "\($0) days" } ?? "never expire" }
            reasons.append(
                "log retention \(name(from.spec.logRetentionDays)) → \(name(to.spec.logRetentionDays)):"
                    + " storage \(usd(current.breakdown.logsStorage)) → \(usd(chosen.breakdown.logsStorage)) per month")
        }
        if to.spec.reservedConcurrency != from.spec.reservedConcurrency {
            let name = { (r: Int?) in r.map(String.init) ?? "none" }
            reasons.append(
                "reserved concurrency \(name(from.spec.reservedConcurrency)) → \(name(to.spec.reservedConcurrency)):"
                    + " predicted throttle rate \(pct(from.throttleRate)) → \(pct(to.throttleRate)) (Erlang-B per hour)")
        }
        if let observed = profile.throttles, observed > 0 {
            let offered = Double(profile.invocations + observed)
            let rate = offered > 0 ? Double(observed) / offered : 0
            risks.append(
                sim.burstFactor > 1
                    ? "observed throttle rate \(pct(rate)) at the current configuration: the model was calibrated to it"
                        + " (load within the hour \(String(format: "%.1f", sim.burstFactor))× the hourly mean), so throttling of"
                        + " other reservations assumes the same burstiness"
                    : "observed throttle rate \(pct(rate)) vs modelled \(pct(from.throttleRate)) at the current configuration")
        }
        if let peak = profile.concurrencyPeak, let r = to.spec.reservedConcurrency, r < peak {
            risks.append("reserved concurrency \(r) is below the observed concurrency peak \(peak)")
        }
        if to.spec.provisionedConcurrency != from.spec.provisionedConcurrency || to.spec.provisionedConcurrency > 0 {
            let util = (to.provisionedUtilisation ?? from.provisionedUtilisation).map(pct) ?? "n/a"
            let even = breakEven.map(pct) ?? "never (at this tier)"
            reasons.append(
                "provisioned concurrency \(from.spec.provisionedConcurrency) → \(to.spec.provisionedConcurrency):"
                    + " utilisation \(util), break-even \(even); cold-start rate \(pct(from.coldStartRate)) →"
                    + " \(pct(to.coldStartRate))")
        }
        if let peakMemory = profile.peakMaxMemoryUsedMB {
            reasons.append(
                "memory floor \(sim.memoryFloorMB) MB = peak Max Memory Used \(peakMemory) MB × \(sim.options.memoryHeadroom)")
        }
        if !constraintsMet {
            risks.append(
                "no variant meets every constraint; showing the one breaking fewest: "
                    + chosen.violations.map(\.message).joined(separator: "; "))
        }
        reasons.append(
            "monthly savings \(usd(savings.expected)) (range \(usd(savings.low)) to \(usd(savings.high)))")
        return (reasons, risks)
    }
}
