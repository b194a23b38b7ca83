import LambdaCostCore
import LambdaCostStore

/// Reads `aws lambda get-function-concurrency` JSON: `{"ReservedConcurrentExecutions": 5}`, or
/// `{}` for a function without a reservation (that one needs `--input-format`, since `{}` says
/// nothing to detect). The output names no function, so the name comes from `--function` or the
/// file name.
enum FunctionConcurrencyIngestor: FormatIngestor {
    static func ingest(_ context: IngestContext) throws -> SourceReadout {
        let document = try context.readDocument()
        guard document.objectValue != nil else {
            throw context.bad(expected: "a JSON object {\"ReservedConcurrentExecutions\": n}", found: "another value")
        }
        guard let name = context.options.functionName ?? functionName(fromFileName: context.path) else {
            throw context.bad(expected: "a function name from --function or the file name", found: "a file name that names no function")
        }
        var reserved: Int?
        if let value = document["ReservedConcurrentExecutions"], !value.isNull {
            guard let number = value.intValue, number >= 0 else {
                throw context.bad(expected: "a non-negative integer ReservedConcurrentExecutions", found: "\(value)")
            }
            reserved = number
        }
        let observedAt = context.observedAtMs()
        let identity = context.identity(name: name)
        try context.store.insertFunctionConfiguration(
            FunctionConfigurationRecord(identity: identity, observedAtMs: observedAt, reservedConcurrency: reserved, reservedKnown: true),
            sourceID: context.sourceID)
        var out = SourceReadout(rowsRead: 1, rowsKept: 1, coverageStartMs: observedAt, coverageEndMs: observedAt)
        out.coverage = "reserved concurrency of \(identity)"
        return out
    }
}
