import LambdaCostCore

/// Reads LambdaCost's own plan format: per-function settings for one account and Region.
///
/// ```json
/// {
///   "schema_version": 1,
///   "kind": "lambdacost-plan",
///   "account": "123456789012",
///   "region": "us-east-1",
///   "account_concurrency_limit": 1000,
///   "other_reserved_concurrency": 860,
///   "functions": [
///     {"name": "order-processor-dev", "operation": "update", "memory_mb": 512, "timeout_s": 30,
///      "arch": "x86_64", "ephemeral_storage_mb": 512, "runtime": "nodejs20.x",
///      "reserved_concurrency": 50, "provisioned_concurrency": 0, "log_retention_days": 7}
///   ]
/// }
/// ```
/// Every setting is optional: an absent key means "not specified"; `null` means "none" for
/// `reserved_concurrency` (no reservation; 0 disables the function) and "never expire" for
/// `log_retention_days` (BRIEF §6 encodings). `operation` defaults to `update`;
/// `other_reserved_concurrency` is what functions outside the plan reserve. `name` is the
/// deployed function name (physical and logical at once).
enum LambdaCostPlanReader {
    static let supportedVersion = 1

    static func read(_ document: JSONValue, path: String) throws -> InfrastructurePlan {
        func bad(_ expected: String, _ found: String) -> LambdaCostError {
            .badInput(file: path, line: 0, column: nil, expected: expected, found: found)
        }
        guard let version = document["schema_version"]?.intValue, version == supportedVersion else {
            throw bad("schema_version \(supportedVersion)", "\(document["schema_version"] ?? .null)")
        }
        guard let list = document["functions"]?.arrayValue else { throw bad("a \"functions\" array", "none") }
        func int(_ object: JSONValue, _ key: String, context: String) throws -> Int? {
            guard let value = object[key], !value.isNull else { return nil }
            guard let n = value.intValue, n >= 0 else { throw bad("a non-negative integer \(key)\(context)", "\(value)") }
            return n
        }
        func nullable(_ object: JSONValue, _ key: String, context: String) throws -> PlannedValue<Int> {
            guard let value = object[key] else { return .notSpecified }
            if value.isNull { return .unset }
            return .value(try int(object, key, context: context)!)
        }
        var functions: [PlannedFunctionChange] = []
        for (index, fn) in list.enumerated() {
            guard let name = fn["name"]?.stringValue, !name.isEmpty else { throw bad("functions[\(index)].name", "none") }
            let at = " for \(name)"
            var s = PlannedSettings()
            s.memoryMB = try int(fn, "memory_mb", context: at)
            s.timeoutSeconds = try int(fn, "timeout_s", context: at)
            if let arch = fn["arch"]?.stringValue {
                guard let known = Architecture(rawValue: arch) else { throw bad("arch x86_64 or arm64\(at)", "'\(arch)'") }
                s.arch = known
            }
            s.ephemeralStorageMB = try int(fn, "ephemeral_storage_mb", context: at)
            s.runtime = fn["runtime"]?.stringValue
            s.reservedConcurrency = try nullable(fn, "reserved_concurrency", context: at)
            s.provisionedConcurrency = try int(fn, "provisioned_concurrency", context: at)
            s.logRetentionDays = try nullable(fn, "log_retention_days", context: at)
            if s.logRetentionDays.value == 0 { throw bad("log_retention_days > 0 or null (never expire)\(at)", "0") }
            var op = PlannedFunctionChange.Operation.update
            if let text = fn["operation"]?.stringValue {
                guard let known = PlannedFunctionChange.Operation(rawValue: text) else {
                    throw bad("operation create|update|delete|same|replace|declared\(at)", "'\(text)'")
                }
                op = known
            }
            functions.append(
                PlannedFunctionChange(
                    logicalName: name, physicalName: name, logGroupName: fn["log_group"]?.stringValue, resourceType: "lambdacost-function",
                    operation: op, after: s))
        }
        return InfrastructurePlan(
            kind: .lambdaCostPlan, account: document["account"]?.stringValue, region: document["region"]?.stringValue,
            functions: functions, accountConcurrencyLimit: try int(document, "account_concurrency_limit", context: ""),
            otherReservedConcurrency: try int(document, "other_reserved_concurrency", context: ""))
    }
}
