import LambdaCostCore
import LambdaCostStore

/// Reads `aws lambda list-provisioned-concurrency-configs` JSON.
///
/// Provisioned concurrency is configured per alias or version; the qualifiers fold into the
/// function, so a function's figure is the sum over its configurations of
/// `RequestedProvisionedConcurrentExecutions` (what is configured and billed), falling back to
/// `AllocatedProvisionedConcurrentExecutions` when the request is missing. A `FAILED`
/// configuration allocates nothing and counts as 0. An empty list with `--function` records that
/// function as having none.
enum ProvisionedConcurrencyIngestor: FormatIngestor {
    static func ingest(_ context: IngestContext) throws -> SourceReadout {
        let document = try context.readDocument()
        guard let configs = document["ProvisionedConcurrencyConfigs"]?.arrayValue else {
            throw context.bad(expected: "\"ProvisionedConcurrencyConfigs\" to be an array", found: "another value")
        }
        let observedAt = context.observedAtMs()
        var out = SourceReadout()
        var totals: [FunctionIdentity: Int] = [:]
        var order: [FunctionIdentity] = []
        for (index, config) in configs.enumerated() {
            out.rowsRead += 1
            do {
                guard let arn = config["FunctionArn"]?.stringValue, let identity = FunctionIdentity.fromLambdaARN(arn) else {
                    throw context.bad(expected: "ProvisionedConcurrencyConfigs[\(index)].FunctionArn, a Lambda function ARN", found: "\(config["FunctionArn"] ?? .null)")
                }
                let requested = config["RequestedProvisionedConcurrentExecutions"]?.intValue
                    ?? config["AllocatedProvisionedConcurrentExecutions"]?.intValue
                guard let requested, requested >= 0 else {
                    throw context.bad(expected: "ProvisionedConcurrencyConfigs[\(index)] with a provisioned concurrency count", found: "none for \(identity.name)")
                }
                let amount = config["Status"]?.stringValue == "FAILED" ? 0 : requested
                if totals[identity] == nil { order.append(identity) }
                totals[identity, default: 0] += amount
            } catch let error as LambdaCostError where context.options.skipBadRows {
                out.rowsRejected += 1
                if out.warnings.count < 5 { out.warnings.append("\(error)") }
            }
        }
        if configs.isEmpty, let name = context.options.functionName {
            let identity = context.identity(name: name)
            order.append(identity)
            totals[identity] = 0
        } else if configs.isEmpty {
            out.warnings.append("no provisioned concurrency configurations (pass --function to record that a function has none)")
        }
        for identity in order {
            try context.store.insertFunctionConfiguration(
                FunctionConfigurationRecord(identity: identity, observedAtMs: observedAt, provisionedConcurrency: totals[identity]),
                sourceID: context.sourceID)
        }
        out.rowsKept = out.rowsRead - out.rowsRejected
        out.coverageStartMs = observedAt
        out.coverageEndMs = observedAt
        out.coverage = "provisioned concurrency of \(order.count) function\(order.count == 1 ? "" : "s")"
        return out
    }
}
