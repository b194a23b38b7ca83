import LambdaCostCore
import LambdaCostStore

/// Reads `aws logs describe-log-groups` JSON into `log_groups`.
///
/// A group without `retentionInDays` never expires (stored as NULL). Account and Region come
/// from the group's `arn`, else `--account`/`--region`. `/aws/lambda/<name>` groups link to that
/// function; other groups link to a function whose stored `LoggingConfig.LogGroup` names them
/// (here when that configuration was ingested first, otherwise when read).
enum LogGroupsIngestor: FormatIngestor {
    static func ingest(_ context: IngestContext) throws -> SourceReadout {
        let document = try context.readDocument()
        guard let groups = document["logGroups"]?.arrayValue else {
            throw context.bad(expected: "\"logGroups\" to be an array", found: "another value")
        }
        let observedAt = context.observedAtMs()
        var out = SourceReadout()
        var kept = 0
        for (index, group) in groups.enumerated() {
            out.rowsRead += 1
            do {
                let record = try record(group, index: index, observedAt: observedAt, context: context)
                try context.store.insertLogGroup(record, sourceID: context.sourceID)
                kept += 1
            } catch let error as LambdaCostError where context.options.skipBadRows {
                if case .io = error { throw error }
                out.rowsRejected += 1
                if out.warnings.count < 5 { out.warnings.append("\(error)") }
            }
        }
        if document["nextToken"]?.stringValue != nil {
            out.warnings.append("the export has a nextToken: it is one page and more log groups exist (let the AWS CLI paginate)")
        }
        out.rowsKept = kept
        out.coverageStartMs = observedAt
        out.coverageEndMs = observedAt
        out.coverage = "\(kept) log group\(kept == 1 ? "" : "s")"
        return out
    }

    static func record(_ group: JSONValue, index: Int, observedAt: Int64, context: IngestContext) throws -> LogGroupRecord {
        guard let name = group["logGroupName"]?.stringValue, !name.isEmpty else {
            throw context.bad(expected: "logGroups[\(index)].logGroupName", found: "none")
        }
        var account = context.options.account ?? ""
        var region = context.options.region ?? "us-east-1"
        // arn:aws:logs:<region>:<account>:log-group:<name>[:*]
        if let arn = group["arn"]?.stringValue ?? group["logGroupArn"]?.stringValue {
            let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            if parts.count >= 5, parts[0] == "arn", parts[2] == "logs" {
                region = String(parts[3])
                account = String(parts[4])
            }
        }
        var retention: Int?
        if let value = group["retentionInDays"], !value.isNull {
            guard let days = value.intValue, days > 0 else {
                throw context.bad(expected: "a positive integer retentionInDays for \(name)", found: "\(value)")
            }
            retention = days
        }
        var stored: Int64?
        if let value = group["storedBytes"], !value.isNull {
            guard let bytes = value.int64Value, bytes >= 0 else {
                throw context.bad(expected: "a non-negative integer storedBytes for \(name)", found: "\(value)")
            }
            stored = bytes
        }
        var function: FunctionIdentity?
        if let fn = FunctionIdentity.nameFromLogGroup(name) {
            function = FunctionIdentity(account: account, region: region, name: fn)
        } else {
            function = try context.store.function(writingTo: name, account: account, region: region)
        }
        return LogGroupRecord(
            account: account, region: region, name: name, function: function, observedAtMs: observedAt, retentionDays: retention,
            storedBytes: stored, logClass: group["logGroupClass"]?.stringValue)
    }
}
