import LambdaCostCore
import LambdaCostStore

/// Reads `aws lambda list-functions`, `get-function` and `get-function-configuration` JSON into
/// `function_configs`.
///
/// Only `get-function` says anything about reserved concurrency: its `Concurrency` member holds
/// the reservation, and its absence means none. The other two forms leave reserved concurrency
/// unknown. Identity comes from `FunctionArn` (qualifiers fold), else `FunctionName` plus
/// `--account`/`--region`.
enum LambdaFunctionsIngestor: FormatIngestor {
    static func ingest(_ context: IngestContext) throws -> SourceReadout {
        let document = try context.readDocument()
        let observedAt = context.observedAtMs()
        var out = SourceReadout()
        var records: [FunctionConfigurationRecord] = []
        if let functions = document["Functions"] {
            guard let list = functions.arrayValue else {
                throw context.bad(expected: "\"Functions\" to be an array", found: "another value")
            }
            for (index, element) in list.enumerated() {
                out.rowsRead += 1
                do {
                    records.append(try record(element, observedAt: observedAt, context: context))
                } catch let error as LambdaCostError where context.options.skipBadRows {
                    out.rowsRejected += 1
                    if out.warnings.count < 5 { out.warnings.append("Functions[\(index)]: \(error)") }
                }
            }
            if document["NextMarker"]?.stringValue != nil {
                out.warnings.append("the export has a NextMarker: it is one page and more functions exist (let the AWS CLI paginate)")
            }
        } else if let configuration = document["Configuration"] {
            out.rowsRead = 1
            var r = try record(configuration, observedAt: observedAt, context: context)
            r.reservedKnown = true
            if let concurrency = document["Concurrency"], !concurrency.isNull {
                guard let reserved = concurrency["ReservedConcurrentExecutions"] else {
                    throw context.bad(expected: "Concurrency.ReservedConcurrentExecutions", found: "a Concurrency object without it")
                }
                guard reserved.isNull || reserved.intValue != nil else {
                    throw context.bad(expected: "an integer ReservedConcurrentExecutions", found: "\(reserved)")
                }
                r.reservedConcurrency = reserved.intValue
            }
            records.append(r)
        } else {
            out.rowsRead = 1
            records.append(try record(document, observedAt: observedAt, context: context))
        }
        for r in records { try context.store.insertFunctionConfiguration(r, sourceID: context.sourceID) }
        out.rowsKept = records.count
        out.coverageStartMs = observedAt
        out.coverageEndMs = observedAt
        out.coverage = "configuration of \(records.count) function\(records.count == 1 ? "" : "s")"
        if records.isEmpty && out.rowsRejected == 0 { out.warnings.append("no functions in the export") }
        return out
    }

    /// One function configuration object (a `list-functions` element or `get-function`'s `Configuration`).
    static func record(_ fn: JSONValue, observedAt: Int64, context: IngestContext) throws -> FunctionConfigurationRecord {
        let identity: FunctionIdentity
        if let arn = fn["FunctionArn"]?.stringValue, let fromARN = FunctionIdentity.fromLambdaARN(arn) {
            identity = fromARN
        } else if let name = fn["FunctionName"]?.stringValue, !name.isEmpty {
            identity = context.identity(name: name)
        } else {
            throw context.bad(expected: "a function with FunctionArn or FunctionName", found: "an object without either")
        }
        var arch: Architecture?
        if let first = fn["Architectures"]?[0]?.stringValue {
            guard let known = Architecture(rawValue: first) else {
                throw context.bad(expected: "an architecture x86_64 or arm64", found: "'\(first)' for \(identity.name)")
            }
            arch = known
        }
        func int(_ path: [String]) throws -> Int? {
            guard let value = fn.value(at: path), !value.isNull else { return nil }
            guard let number = value.intValue else {
                throw context.bad(expected: "an integer \(path.joined(separator: "."))", found: "\(value) for \(identity.name)")
            }
            return number
        }
        return FunctionConfigurationRecord(
            identity: identity, observedAtMs: observedAt, memoryMB: try int(["MemorySize"]), timeoutSeconds: try int(["Timeout"]),
            arch: arch, ephemeralStorageMB: try int(["EphemeralStorage", "Size"]), runtime: fn["Runtime"]?.stringValue,
            packageType: fn["PackageType"]?.stringValue, tracingMode: fn.value(at: ["TracingConfig", "Mode"])?.stringValue,
            dlqTarget: fn.value(at: ["DeadLetterConfig", "TargetArn"])?.stringValue,
            logFormat: fn.value(at: ["LoggingConfig", "LogFormat"])?.stringValue,
            logGroup: fn.value(at: ["LoggingConfig", "LogGroup"])?.stringValue,
            snapStart: fn.value(at: ["SnapStart", "ApplyOn"])?.stringValue)
    }
}
