import LambdaCostCore

/// Turns a described workload into one function's usage and prices it (`lambdacost whatif`).
public enum DescribedWorkloadCost {
    /// Log retention values CloudWatch Logs accepts, in days.
    public static let allowedRetentionDays: Set<Int> = [
        1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
    ]
    /// Days of accumulation assumed for logs that never expire, which have no steady state.
    public static let neverExpireAssumedDays = 365

    /// Prices the workload: its account total (the workload is the whole account), free tier only when asked.
    /// - Throws: `.usage` for an input out of range; `.missingInput` for a Region without prices.
    public static func compute(_ workload: DescribedWorkload, catalog: PriceCatalog) throws -> WhatIfCostResult {
        let w = workload.withDefaultsFilled()
        try validate(w)
        let (usage, gbSeconds, notes) = usage(of: w)
        let priced = try CostEngine(catalog: catalog).price(month: w.month, usages: [usage], applyFreeTier: w.freeTier)
        return WhatIfCostResult(
            inputs: w, costUSD: priced.accountTotal, gbSeconds: gbSeconds, assumptions: priced.assumptions + notes,
            pricesVersion: priced.pricesVersion, pricesSource: priced.pricesSource)
    }

    /// The monthly usage a workload implies, its total duration GB-seconds, and the assumptions made.
    public static func usage(of w: DescribedWorkload) -> (FunctionUsage, Double, [String]) {
        var notes: [String] = []
        let hours = DescribedWorkload.hoursPerMonth
        let memoryGB = Double(w.memoryMB) / 1024
        let seconds = w.invocations * w.durationMs / 1000
        let gbSeconds = seconds * memoryGB
        var u = FunctionUsage(
            identity: FunctionIdentity(account: "", region: w.region, name: "described-workload"),
            architecture: w.architecture)
        u.requests = w.invocations
        notes.append("Duration is the average billed duration per invocation; invocations spread evenly over a 730-hour month.")
        if w.provisionedConcurrency > 0 {
            let pcHours = w.provisionedHours ?? hours
            let concurrency = Double(w.provisionedConcurrency)
            u.provisionedConfiguredGBSeconds = concurrency * memoryGB * pcHours * 3600
            let averageConcurrency = seconds / (hours * 3600)
            let covered = min(pcHours, hours) / hours
            let share = averageConcurrency > 0 ? min(1, concurrency / averageConcurrency) : 1
            u.provisionedDurationGBSeconds = gbSeconds * covered * share
            u.onDemandGBSeconds = gbSeconds - u.provisionedDurationGBSeconds
            notes.append(
                "Provisioned concurrency \(w.provisionedConcurrency) for \(formatNumber(pcHours)) h: invocations in "
                    + "those hours run on it up to its capacity (average concurrency \(formatNumber(averageConcurrency))); "
                    + "the rest is on-demand duration.")
        } else {
            u.onDemandGBSeconds = gbSeconds
        }
        if w.ephemeralStorageMB > 512 {
            u.ephemeralExtraGBSeconds = seconds * Double(w.ephemeralStorageMB - 512) / 1024
            notes.append("Ephemeral storage above 512 MB is billed for invocation duration.")
        }
        if w.logBytesPerInvocation > 0 {
            u.logIngestBytes = w.invocations * w.logBytesPerInvocation
            u.logClass = w.logClass
            let days = w.logRetentionDays ?? neverExpireAssumedDays
            let dailyBytes = u.logIngestBytes * 24 / hours
            u.logStorageGBMonths = dailyBytes * Double(days) * w.logCompressionRatio / CostEngine.bytesPerGB
            let retention =
                w.logRetentionDays.map { "retention \($0) days, at steady state" }
                ?? "never expire: storage after \(neverExpireAssumedDays) days of accumulation"
            notes.append(
                "Log storage: daily ingest × days kept × compression ratio \(formatNumber(w.logCompressionRatio)) "
                    + "(AWS's examples assume 0.15–0.2); \(retention).")
        }
        if w.xraySampling > 0 {
            u.xrayTracesRecorded = w.invocations * w.xraySampling
            u.xrayTracesScanned = u.xrayTracesRecorded
            notes.append("X-Ray: one trace per sampled invocation, each retrieved or scanned once.")
        }
        if w.dlqMessages > 0 {
            u.sqsRequests = w.dlqMessages
            notes.append("Dead-letter queue: one SQS request per message sent; reading it is not counted.")
        }
        notes.append("List prices (the unblended cost basis); Savings Plans and credits are not applied to a described workload.")
        return (u, gbSeconds, notes)
    }

    static func validate(_ w: DescribedWorkload) throws {
        func fail(_ message: String) -> LambdaCostError { .usage(message: message, command: "whatif") }
        guard w.invocations >= 0, w.invocations.isFinite else { throw fail("--invocations must be 0 or more") }
        guard w.durationMs >= 0, w.durationMs.isFinite else { throw fail("--duration-ms must be 0 or more") }
        guard (128...10_240).contains(w.memoryMB) else { throw fail("--memory must be 128 to 10240 MB, found \(w.memoryMB)") }
        guard (512...10_240).contains(w.ephemeralStorageMB) else {
            throw fail("--ephemeral-storage must be 512 to 10240 MB, found \(w.ephemeralStorageMB)")
        }
        guard w.provisionedConcurrency >= 0 else { throw fail("--provisioned-concurrency must be 0 or more") }
        if let h = w.provisionedHours, !(h >= 0 && h <= 744) { throw fail("--provisioned-hours must be 0 to 744") }
        guard w.logBytesPerInvocation >= 0 else { throw fail("--log-bytes-per-invocation must be 0 or more") }
        if let days = w.logRetentionDays, !allowedRetentionDays.contains(days) {
            throw fail("--log-retention must be one of \(allowedRetentionDays.sorted().map(String.init).joined(separator: ", ")), found \(days)")
        }
        guard w.logCompressionRatio > 0, w.logCompressionRatio <= 1 else {
            throw fail("the log compression ratio must be in (0, 1]")
        }
        guard (0...1).contains(w.xraySampling) else { throw fail("--xray-sampling must be in [0, 1]") }
        guard w.dlqMessages >= 0 else { throw fail("--dlq-messages must be 0 or more") }
    }

    static func formatNumber(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
