import LambdaCostCore

/// Prices a month of usage with a catalog: account totals with tiers and the free tier applied once
/// per account, and each function's marginal cost at its account's tier.
public struct CostEngine: Sendable {
    /// The catalog prices come from.
    public let catalog: PriceCatalog

    /// Creates an engine over a catalog.
    public init(catalog: PriceCatalog) {
        self.catalog = catalog
    }

    /// Bytes in a GB for data (2^30), as AWS bills log data.
    public static let bytesPerGB = 1_073_741_824.0

    /// Prices the usages of one month.
    /// - Parameters:
    ///   - month: the month, which selects the rules in force (nil = latest rules).
    ///   - usages: one entry per function; entries with the same identity are added together.
    ///   - applyFreeTier: whether account totals deduct the monthly free tier (once per account).
    /// - Throws: `.missingInput` when a Region or an item used has no price in the catalog.
    public func price(month: Month?, usages: [FunctionUsage], applyFreeTier: Bool) throws -> PricedMonth {
        let rules = catalog.rules(for: month)
        var regionPrices: [String: RegionPrices] = [:]
        for region in Set(usages.map(\.identity.region)).sorted() {
            regionPrices[region] = try catalog.prices(region: region)
        }
        let byAccount = Dictionary(grouping: usages, by: \.identity.account)
        var perFunction: [FunctionIdentity: CostBreakdown] = [:]
        var perAccount: [String: CostBreakdown] = [:]
        for account in byAccount.keys.sorted() {
            let accountUsages = byAccount[account] ?? []
            var meters: [MeterKey: Meter] = [:]
            var contributions: [(FunctionIdentity, MeterKey, Double)] = []
            for usage in accountUsages {
                for (item, quantity, eligible) in Self.quantities(of: usage, rules: rules) where quantity > 0 {
                    let key = MeterKey(region: usage.identity.region, item: item)
                    meters[key, default: Meter()].total += quantity
                    if eligible { meters[key, default: Meter()].freeEligible += quantity }
                    contributions.append((usage.identity, key, quantity))
                }
            }
            var remaining: [FreePool: Double] = [:]
            if applyFreeTier {
                for pool in FreePool.allCases { remaining[pool] = pool.quantity(in: catalog.freeTier) }
            }
            var accountCost = CostBreakdown()
            var position: [MeterKey: Double] = [:]
            var prices: [MeterKey: PriceItem] = [:]
            for key in meters.keys.sorted() {
                let meter = meters[key] ?? Meter()
                let item = try (regionPrices[key.region] ?? catalog.prices(region: key.region)).item(key.item)
                prices[key] = item
                var free = 0.0
                if let pool = FreePool(item: key.item) {
                    free = min(remaining[pool] ?? 0, meter.freeEligible)
                    remaining[pool] = (remaining[pool] ?? 0) - free
                }
                let billable = meter.total - free
                position[key] = billable
                accountCost[key.item.costKey] += item.cost(from: 0, quantity: billable)
            }
            perAccount[account] = accountCost
            for (identity, key, quantity) in contributions {
                guard let item = prices[key] else { continue }
                let rate = item.marginalRate(atPosition: position[key] ?? 0)
                perFunction[identity, default: CostBreakdown()][key.item.costKey] += quantity * rate
            }
        }
        let total = perAccount.values.reduce(CostBreakdown(), +)
        return PricedMonth(
            month: month, perFunction: perFunction, perAccount: perAccount, accountTotal: total,
            assumptions: assumptions(month: month, rules: rules, usages: usages, applyFreeTier: applyFreeTier),
            pricesVersion: catalog.version, pricesSource: catalog.source)
    }

    /// The priced quantities of a usage: item, quantity, and whether the free tier may cover it.
    static func quantities(of usage: FunctionUsage, rules: RulesInForce) -> [(PriceItemKey, Double, Bool)] {
        let arch = usage.architecture
        let lambdaEligible = !usage.hasProvisionedConcurrency
        let ingestItem: PriceItemKey
        switch usage.logClass {
        case .standard: ingestItem = rules.lambdaLogsVended ? .logsIngestVended : .logsIngestStandard
        case .infrequentAccess: ingestItem = .logsIngestInfrequentAccess
        }
        return [
            (.requests(arch), usage.requests, lambdaEligible),
            (.duration(arch), usage.onDemandGBSeconds, lambdaEligible),
            (.ephemeralStorage(arch), usage.ephemeralExtraGBSeconds, false),
            (.provisionedConcurrency(arch), usage.provisionedConfiguredGBSeconds, false),
            (.durationProvisioned(arch), usage.provisionedDurationGBSeconds, false),
            (ingestItem, usage.logIngestBytes / bytesPerGB, true),
            (.logsStorage, usage.logStorageGBMonths, true),
            (.xrayTracesRecorded, usage.xrayTracesRecorded, true),
            (.xrayTracesScanned, usage.xrayTracesScanned, true),
            (.sqsRequests, usage.sqsRequests, true),
            (.alarmStandard, usage.alarms, true),
            (.dashboard, usage.dashboards, true),
        ]
    }

    func assumptions(month: Month?, rules: RulesInForce, usages: [FunctionUsage], applyFreeTier: Bool) -> [String] {
        var out: [String] = []
        out.append("Prices: catalog version \(catalog.version) (\(catalog.source)).")
        let monthText = month.map { "Month \($0)" } ?? "Latest rules"
        out.append(
            "\(monthText): duration billed per \(rules.billingGranularityMs) ms; INIT duration "
                + (rules.initBilled ? "billed" : "not billed") + "; Lambda logs priced as "
                + (rules.lambdaLogsVended ? "vended logs (tiered ingest)" : "standard log ingest") + ".")
        out.append(
            "Volume tiers count aggregate monthly usage per account, Region and architecture; per-function "
                + "figures are marginal costs at the account's tier, free tier excluded.")
        if applyFreeTier {
            out.append(
                "Free tier applied once per account and month, shared across Regions (x86_64 before arm64, "
                    + "Regions alphabetically; CloudWatch Logs' 5 GB to ingest before storage); functions with "
                    + "provisioned concurrency get no Lambda free tier.")
        } else {
            out.append("Free tier not applied.")
        }
        if usages.contains(where: { $0.identity.account.isEmpty }) {
            out.append("Functions without a known account are treated as one account.")
        }
        out.append("GB for data is 2^30 bytes.")
        return out
    }
}
