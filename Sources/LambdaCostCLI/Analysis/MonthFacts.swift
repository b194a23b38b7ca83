import LambdaCostCore
import LambdaCostStore

/// What the database knows about a month besides REPORT lines: configuration in force, log
/// groups, account settings, bills and metrics, each keyed by function. Loaded once and shared
/// by `summary`, the model and `report`.
struct MonthFacts {
    let month: Month
    let configuration: [FunctionIdentity: FunctionConfigurationRecord]
    let logGroups: [FunctionIdentity: LogGroupRecord]
    let accountSettings: [AccountSettingsRecord]
    /// Nil when no bill covers the month.
    let billed: BilledCosts?
    let billedUsage: [FunctionIdentity: [String: Double]]
    let throttles: [FunctionIdentity: Double]
    let concurrencyPeak: [FunctionIdentity: Double]
    let sources: [FunctionIdentity: [SourceRecord]]

    static func load(store: Store, month: Month, basis: BillCostBasis = .unblended, includeSources: Bool = false) throws -> MonthFacts {
        var groups: [FunctionIdentity: LogGroupRecord] = [:]
        for g in try store.logGroups(asOf: month) {
            if let f = g.function { groups[f] = g }
        }
        return MonthFacts(
            month: month, configuration: try store.configuration(asOf: month), logGroups: groups,
            accountSettings: try store.accountSettings(asOf: month),
            billed: try store.hasBills(month: month) ? store.billedCosts(month: month, basis: basis) : nil,
            billedUsage: try store.billedUsage(month: month),
            throttles: try store.metricTotals(month: month, metric: "Throttles", stat: "Sum"),
            concurrencyPeak: try store.metricTotals(month: month, metric: "ConcurrentExecutions", stat: "Maximum", maximum: true),
            sources: includeSources ? try store.sourcesByFunction(month: month) : [:])
    }

    /// Configuration of a function, matching an identity without account by Region and name.
    func configuration(of identity: FunctionIdentity) -> FunctionConfigurationRecord? {
        configuration[identity] ?? configuration.first { $0.key.name == identity.name && $0.key.region == identity.region }?.value
    }

    /// Log bytes the bill says the function ingested (vended or standard log data, GB → bytes).
    func billedLogBytes(of identity: FunctionIdentity) -> Double? {
        guard let usage = billedUsage[identity] else { return nil }
        let gb = (usage["VendedLog-Bytes"] ?? 0) + (usage["DataProcessing-Bytes"] ?? 0) + (usage["DataProcessingIA-Bytes"] ?? 0)
        return gb > 0 ? gb * 1_073_741_824 : nil
    }

    /// Log storage the bill says the function's log group used (GB-months).
    func billedLogStorageGBMonths(of identity: FunctionIdentity) -> Double? {
        billedUsage[identity]?["TimedStorage-ByteHrs"]
    }

    /// The account's concurrency limit and unreserved concurrency for a function's account/Region.
    func settings(for identity: FunctionIdentity) -> AccountSettingsRecord? {
        accountSettings.first { $0.region == identity.region && ($0.account == identity.account || $0.account.isEmpty) }
    }
}
