import LambdaCostCore
import LambdaCostModel
import LambdaCostPricing
import LambdaCostReport
import LambdaCostStore

/// Builds a ``MonthSummary`` from the database: the month's hourly aggregates merged per
/// function, priced with the catalog using the configuration in force (provisioned
/// concurrency, ephemeral storage, architecture) and billed log volumes, then reconciled with
/// what the bill says.
struct MonthSummaryBuilder {
    let store: Store
    let catalog: PriceCatalog
    var basis: BillCostBasis = .unblended

    /// Above this relative difference, modeled and billed cost are flagged (issue: 1%).
    static let reconciliationTolerance = 0.01

    func build(month: Month, functionName: String?) throws -> MonthSummary {
        let facts = try MonthFacts.load(store: store, month: month, basis: basis, includeSources: true)
        let functions = try store.functions()
        let monthsByFunction = try store.functionMonths(month: month)
        var usages: [FunctionUsage] = []
        var rows: [(FunctionIdentity, FunctionSummary)] = []
        var assumptions: [String] = [
            "Per-function costs are marginal costs at the account's volume tier without free tier; totals apply the free tier and tiers once per account.",
            "Compute, requests, provisioned concurrency and ephemeral storage are modeled from REPORT lines (Billed Duration as AWS bills it) and the configuration in force; log ingest and storage are the bill's usage quantities priced by the catalog.",
        ]
        for (fid, data) in monthsByFunction {
            guard let identity = functions[fid] else { continue }
            if let functionName, identity.name != functionName { continue }
            let config = facts.configuration(of: identity)
            var total = InvocationHour(hour: 0, memoryMB: 0, arch: .x86_64)
            var billedMBMs: Int64 = 0
            var archCounts: [Architecture: Int64] = [:]
            var memorySizes = Set<Int>()
            let arrivals = data.hourlyInvocations
            for h in data.samples {
                total.merge(h)
                billedMBMs += h.billedMBMs
                archCounts[h.arch, default: 0] += h.invocations
                memorySizes.insert(h.memoryMB)
            }
            let dataArch = archCounts.max(by: { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) })?.key ?? .x86_64
            let arch = config?.arch ?? dataArch
            let gbSeconds = Double(billedMBMs) / 1000 / 1024
            var usage = FunctionUsage(identity: identity, architecture: arch)
            usage.requests = Double(total.invocations)
            usage.onDemandGBSeconds = gbSeconds
            // Provisioned concurrency: configured environments all month (as observed); the
            // invocations they serve bill at the duration-on-PC rate, the Erlang-B spillover on demand.
            if let pc = config?.provisionedConcurrency, pc > 0 {
                let memory = config?.memoryMB ?? memorySizes.max() ?? 128
                usage.provisionedConfiguredGBSeconds = Double(pc) * Double(memory) / 1024 * Double(month.hours) * 3600
                let meanSeconds = Double(total.durationCentiMs) / 100_000 / Double(max(total.invocations, 1))
                let spill = ErlangB.overflow(hourlyArrivals: arrivals, meanDurationSeconds: meanSeconds, servers: pc).spilloverFraction
                usage.provisionedDurationGBSeconds = gbSeconds * (1 - spill)
                usage.onDemandGBSeconds = gbSeconds * spill
                assumptions.append(
                    "\(identity.name): provisioned concurrency \(pc) enabled all month; \(Display.percent(spill, 2)) of invocations spill over to on-demand (Erlang-B per hour).")
            }
            if let ephemeral = config?.ephemeralStorageMB, ephemeral > 512 {
                usage.ephemeralExtraGBSeconds = Double(ephemeral - 512) / 1024 * Double(total.billedMs) / 1000
            }
            if let bytes = facts.billedLogBytes(of: identity) { usage.logIngestBytes = bytes }
            if let storage = facts.billedLogStorageGBMonths(of: identity) { usage.logStorageGBMonths = storage }
            if let cls = facts.logGroups[identity]?.logClass, cls.uppercased().contains("INFREQUENT") { usage.logClass = .infrequentAccess }
            usages.append(usage)
            let n = Double(max(total.invocations, 1))
            let stats = DurationStats(
                mean: Double(total.durationCentiMs) / 100 / n,
                p50: total.durations.quantile(0.5) ?? 0, p90: total.durations.quantile(0.9) ?? 0,
                p99: total.durations.quantile(0.99) ?? 0, max: Double(total.durationMaxCentiMs) / 100)
            var row = FunctionSummary(
                function: identity.name, account: identity.account, region: identity.region, arch: arch.rawValue,
                memoryMB: memorySizes.sorted(), invocations: total.invocations, coldStarts: total.coldStarts,
                errors: total.errors, timeouts: total.timeouts, billedGBSeconds: gbSeconds,
                maxMemoryUsedMB: total.maxMemoryUsedMB, durationMs: stats, modeledCostUSD: .zero)
            row.throttles = facts.throttles[identity].map { Int64($0.rounded()) }
            row.concurrencyPeak = facts.concurrencyPeak[identity].map { Int($0.rounded()) }
            let group = facts.logGroups[identity]
            if let config {
                row.configuration = ConfigurationSummary(
                    memoryMB: config.memoryMB, timeoutS: config.timeoutSeconds, arch: config.arch?.rawValue,
                    ephemeralStorageMB: config.ephemeralStorageMB, runtime: config.runtime, packageType: config.packageType,
                    reservedConcurrency: config.reservedConcurrency, reservedKnown: config.reservedKnown,
                    provisionedConcurrency: config.provisionedConcurrency, logRetentionDays: group?.retentionDays,
                    logGroupKnown: group != nil)
            }
            row.drift = Self.drift(config: config, group: group, memorySizes: memorySizes, timedOutMaxCentiMs: data.timedOutMaxDurationCentiMs)
            row.sources = (facts.sources[identity] ?? []).map { SourceReference(id: $0.id, path: $0.path, format: $0.format) }
            rows.append((identity, row))
        }
        let priced = try CostEngine(catalog: catalog).price(month: month, usages: usages, applyFreeTier: true)
        rows.sort { $0.0 < $1.0 }
        var functionsOut: [FunctionSummary] = []
        for (identity, var row) in rows {
            row.modeledCostUSD = priced.perFunction[identity] ?? .zero
            if let billed = facts.billed {
                let bill = billed.functions[identity] ?? .zero
                row.billedCostUSD = bill
                if bill.total > 0 {
                    let diff = (row.modeledCostUSD.total - bill.total) / bill.total
                    row.differencePercent = diff * 100
                    if abs(diff) > Self.reconciliationTolerance {
                        row.reconciliationNotes = Self.likelyCauses(modeled: row.modeledCostUSD, billed: bill)
                    }
                }
            }
            functionsOut.append(row)
        }
        var totals = SummaryTotals(
            functions: functionsOut.count, invocations: functionsOut.reduce(0) { $0 + $1.invocations },
            coldStarts: functionsOut.reduce(0) { $0 + $1.coldStarts },
            billedGBSeconds: functionsOut.reduce(0) { $0 + $1.billedGBSeconds }, modeledCostUSD: priced.accountTotal)
        totals.billedCostUSD = facts.billed?.total
        assumptions += priced.assumptions
        if facts.billed != nil {
            assumptions.append("Billed cost basis: \(basis.rawValue); bills are compared per function on every cost key.")
        } else {
            assumptions.append("No bill ingested for \(month): modeled cost only.")
        }
        return MonthSummary(
            month: month.description, functions: functionsOut, totals: totals,
            prices: PricesReference(version: priced.pricesVersion, source: priced.pricesSource), assumptions: assumptions)
    }

    /// Likely causes of a modeled/billed difference, from which keys differ.
    static func likelyCauses(modeled: CostBreakdown, billed: CostBreakdown) -> [String] {
        var notes: [String] = []
        for key in CostKey.allCases where key != .total {
            let m = modeled[key]
            let b = billed[key]
            guard abs(m - b) > max(0.005, 0.01 * max(abs(b), abs(m))) else { continue }
            switch key {
            case .compute, .requests:
                notes.append(
                    b < m
                        ? "\(key.rawValue): billed \(Display.usd(b)) < modeled \(Display.usd(m)): Savings Plans, credits or free tier on the bill, or duplicate log lines"
                        : "\(key.rawValue): billed \(Display.usd(b)) > modeled \(Display.usd(m)): REPORT logs missing for part of the month")
            case .provisioned:
                notes.append("provisioned: billed \(Display.usd(b)) vs modeled \(Display.usd(m)): provisioned concurrency not enabled all month, or configuration not ingested")
            case .logsIngest, .logsStorage:
                notes.append("\(key.rawValue): billed \(Display.usd(b)) vs modeled \(Display.usd(m)): CloudWatch Logs free tier or log class")
            default:
                notes.append("\(key.rawValue): billed \(Display.usd(b)) vs modeled \(Display.usd(m))")
            }
        }
        return notes
    }

    /// Where observed behaviour disagrees with the configuration in force.
    static func drift(config: FunctionConfigurationRecord?, group: LogGroupRecord?, memorySizes: Set<Int>, timedOutMaxCentiMs: Int64?) -> [String] {
        var notes: [String] = []
        if let configured = config?.memoryMB {
            let other = memorySizes.subtracting([configured]).sorted()
            if !other.isEmpty {
                notes.append("REPORT lines at \(other.map { "\($0) MB" }.joined(separator: ", ")), but the configuration says \(configured) MB")
            }
        }
        if let timeout = config?.timeoutSeconds {
            // A timed-out invocation's duration runs to about the timeout; a maximum far from the
            // configured timeout means the timeout changed.
            if let m = timedOutMaxCentiMs {
                let seconds = Double(m) / 100_000
                if abs(seconds - Double(timeout)) > max(1, 0.1 * Double(timeout)) {
                    notes.append("timeouts at about \(Display.fixed(seconds, 1)) s, but the configured timeout is \(timeout) s")
                }
            }
        }
        if let group, group.retentionDays == nil {
            notes.append("log group \(group.name) never expires (no retention set)")
        }
        return notes
    }
}
