import LambdaCostCore
import LambdaCostStore

/// Reads `aws lambda get-account-settings` JSON: the account's concurrency limit and the
/// concurrency no function has reserved. The output names neither account nor Region, so they
/// come from `--account` and `--region` (default us-east-1); a warning says so when absent.
enum AccountSettingsIngestor: FormatIngestor {
    static func ingest(_ context: IngestContext) throws -> SourceReadout {
        let document = try context.readDocument()
        guard let limit = document["AccountLimit"], limit.objectValue != nil else {
            throw context.bad(expected: "an \"AccountLimit\" object", found: "another value")
        }
        func int(_ key: String) throws -> Int? {
            guard let value = limit[key], !value.isNull else { return nil }
            guard let number = value.intValue, number >= 0 else {
                throw context.bad(expected: "a non-negative integer AccountLimit.\(key)", found: "\(value)")
            }
            return number
        }
        let concurrency = try int("ConcurrentExecutions")
        let unreserved = try int("UnreservedConcurrentExecutions")
        guard concurrency != nil || unreserved != nil else {
            throw context.bad(
                expected: "AccountLimit.ConcurrentExecutions or UnreservedConcurrentExecutions", found: "neither")
        }
        if let concurrency, let unreserved, unreserved > concurrency {
            throw context.bad(
                expected: "UnreservedConcurrentExecutions at most ConcurrentExecutions",
                found: "\(unreserved) unreserved of \(concurrency)")
        }
        let observedAt = context.observedAtMs()
        let record = AccountSettingsRecord(
            account: context.options.account ?? "", region: context.options.region ?? "us-east-1", observedAtMs: observedAt,
            concurrencyLimit: concurrency, unreservedConcurrency: unreserved)
        try context.store.insertAccountSettings(record, sourceID: context.sourceID)
        var out = SourceReadout(rowsRead: 1, rowsKept: 1, coverageStartMs: observedAt, coverageEndMs: observedAt)
        out.coverage = "account settings of \(record.account.isEmpty ? "an unnamed account" : record.account) in \(record.region)"
        if context.options.account == nil || context.options.region == nil {
            out.warnings.append("get-account-settings names no account or Region: pass --account and --region (Region assumed \(record.region))")
        }
        return out
    }
}
