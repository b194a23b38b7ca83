import LambdaCostCore
import LambdaCostPricing
import LambdaCostReport
import LambdaCostStore

/// Builds a ``MonthSummary`` from the database: reads the month's hourly aggregates, merges
/// them per function, and prices them with the catalog.
struct MonthSummaryBuilder {
    let store: Store
    let catalog: PriceCatalog

    func build(month: Month, functionName: String?) throws -> MonthSummary {
        let functions = try store.functions()
        let fromHour = month.startEpochSeconds / 3600
        let toHour = month.endEpochSeconds / 3600
        let hoursByFunction = try store.invocationHours(fromHour: fromHour, toHour: toHour)
        var usages: [FunctionUsage] = []
        var rows: [(FunctionIdentity, FunctionSummary)] = []
        for (fid, hours) in hoursByFunction {
            guard let identity = functions[fid] else { continue }
            if let functionName, identity.name != functionName { continue }
            var total = InvocationHour(hour: 0, memoryMB: 0, arch: .x86_64)
            var billedMBMs: Int64 = 0
            var archCounts: [Architecture: Int64] = [:]
            var memorySizes = Set<Int>()
            for h in hours {
                total.merge(h)
                billedMBMs += h.billedMBMs
                archCounts[h.arch, default: 0] += h.invocations
                memorySizes.insert(h.memoryMB)
            }
            let arch = archCounts.max(by: { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) })?.key ?? .x86_64
            let gbSeconds = Double(billedMBMs) / 1000 / 1024
            var usage = FunctionUsage(identity: identity, architecture: arch)
            usage.requests = Double(total.invocations)
            usage.onDemandGBSeconds = gbSeconds
            usages.append(usage)
            let n = Double(max(total.invocations, 1))
            let stats = DurationStats(
                mean: Double(total.durationCentiMs) / 100 / n,
                p50: total.durations.quantile(0.5) ?? 0, p90: total.durations.quantile(0.9) ?? 0,
                p99: total.durations.quantile(0.99) ?? 0, max: Double(total.durationMaxCentiMs) / 100)
            rows.append(
                (
                    identity,
                    FunctionSummary(
                        function: identity.name, account: identity.account, region: identity.region, arch: arch.rawValue,
                        memoryMB: memorySizes.sorted(), invocations: total.invocations, coldStarts: total.coldStarts,
                        errors: total.errors, timeouts: total.timeouts, billedGBSeconds: gbSeconds,
                        maxMemoryUsedMB: total.maxMemoryUsedMB, durationMs: stats, modeledCostUSD: .zero)
                ))
        }
        let priced = try CostEngine(catalog: catalog).price(month: month, usages: usages, applyFreeTier: true)
        rows.sort { $0.0 < $1.0 }
        var functionsOut: [FunctionSummary] = []
        for (identity, var row) in rows {
            row.modeledCostUSD = priced.perFunction[identity] ?? .zero
            functionsOut.append(row)
        }
        let totals = SummaryTotals(
            functions: functionsOut.count, invocations: functionsOut.reduce(0) { $0 + $1.invocations },
            coldStarts: functionsOut.reduce(0) { $0 + $1.coldStarts },
            billedGBSeconds: functionsOut.reduce(0) { $0 + $1.billedGBSeconds }, modeledCostUSD: priced.accountTotal)
        var assumptions = priced.assumptions
        assumptions.insert(
            "Per-function costs are marginal costs at the account's volume tier without free tier; totals apply the free tier and tiers once per account.",
            at: 0)
        assumptions.append("Billed duration is taken from each REPORT line's Billed Duration, as AWS bills it.")
        return MonthSummary(
            month: month.description, functions: functionsOut, totals: totals,
            prices: PricesReference(version: priced.pricesVersion, source: priced.pricesSource), assumptions: assumptions)
    }
}
