import Foundation
import LambdaCostCore

/// Builds the configuration exports (`list-functions`, `get-account-settings`,
/// `describe-log-groups`, `list-provisioned-concurrency-configs`, `get-function-concurrency`)
/// as the AWS CLI prints them, for the state at the end of a month.
enum ConfigExportWriter {
    /// File name → document, in a stable order.
    static func documents(scenario: DemoScenario, month: Month, storedBytes: [String: Int64]) -> [(String, JSONValue)] {
        let deployedMs = (month.startEpochSeconds - 3 * 86_400) * 1000 + 33_764_000
        var docs: [(String, JSONValue)] = []
        var functions: [JSONValue] = []
        for f in scenario.functions {
            var m: [(String, JSONValue)] = [
                ("FunctionName", .string(f.name)),
                ("FunctionArn", .string(f.arn)),
            ]
            if let runtime = f.runtime, f.packageType == "Zip" { m.append(("Runtime", .string(runtime))) }
            m.append(("Role", .string("arn:aws:iam::\(f.accountId):role/\(f.name)-role")))
            if f.packageType == "Zip" { m.append(("Handler", .string("index.handler"))) }
            m += [
                ("CodeSize", .int(Int64(4096 + f.name.utf8.count * 1000))),
                ("Description", .string("")),
                ("Timeout", .int(Int64(f.timeoutSeconds))),
                ("MemorySize", .int(Int64(f.memoryMB))),
                ("LastModified", .string(lastModified(millis: deployedMs))),
                ("CodeSha256", .string(fakeSha(f.name))),
                ("Version", .string("$LATEST")),
                ("TracingConfig", .object([("Mode", .string(f.tracingActive ? "Active" : "PassThrough"))])),
            ]
            if let dlq = f.deadLetterQueueARN { m.append(("DeadLetterConfig", .object([("TargetArn", .string(dlq))]))) }
            m += [
                ("RevisionId", .string(uuidLike(f.name))),
                ("PackageType", .string(f.packageType)),
                ("Architectures", .array([.string(f.architecture.rawValue)])),
                ("EphemeralStorage", .object([("Size", .int(Int64(f.ephemeralStorageMB)))])),
                ("SnapStart", .object([("ApplyOn", .string("None")), ("OptimizationStatus", .string("Off"))])),
                ("LoggingConfig", .object([("LogFormat", .string("Text")), ("LogGroup", .string(f.logGroupName))])),
            ]
            functions.append(.object(m))
        }
        docs.append(("list-functions.json", .object([("Functions", .array(functions))])))

        let reserved = scenario.functions.compactMap(\.reservedConcurrency).reduce(0, +)
        docs.append(("get-account-settings.json", .object([
            ("AccountLimit", .object([
                ("TotalCodeSize", .int(80_530_636_800)),
                ("CodeSizeUnzipped", .int(262_144_000)),
                ("CodeSizeZipped", .int(52_428_800)),
                ("ConcurrentExecutions", .int(Int64(scenario.accountConcurrencyLimit))),
                ("UnreservedConcurrentExecutions", .int(Int64(scenario.accountConcurrencyLimit - reserved))),
            ])),
            ("AccountUsage", .object([
                ("TotalCodeSize", .int(Int64(scenario.functions.count) * 1_048_576)),
                ("FunctionCount", .int(Int64(scenario.functions.count))),
            ])),
        ])))

        // describe-log-groups lists groups in name order.
        let groups = scenario.functions.sorted { $0.logGroupName < $1.logGroupName }.map { f -> JSONValue in
            var g: [(String, JSONValue)] = [
                ("logGroupName", .string(f.logGroupName)),
                ("creationTime", .int((month.startEpochSeconds - 200 * 86_400) * 1000 + 1_234)),
            ]
            if let days = f.logRetentionDays { g.append(("retentionInDays", .int(Int64(days)))) }
            g += [
                ("metricFilterCount", .int(0)),
                ("arn", .string(f.logGroupARN + ":*")),
                ("storedBytes", .int(storedBytes[f.name] ?? 0)),
                ("logGroupClass", .string("STANDARD")),
                ("logGroupArn", .string(f.logGroupARN)),
            ]
            return .object(g)
        }
        docs.append(("describe-log-groups.json", .object([("logGroups", .array(groups))])))

        for f in scenario.functions {
            if let pc = f.provisionedConcurrency {
                docs.append(("list-provisioned-concurrency-configs-\(f.name).json", .object([
                    ("ProvisionedConcurrencyConfigs", .array([.object([
                        ("FunctionArn", .string(f.arn + ":live")),
                        ("RequestedProvisionedConcurrentExecutions", .int(Int64(pc))),
                        ("AvailableProvisionedConcurrentExecutions", .int(Int64(pc))),
                        ("AllocatedProvisionedConcurrentExecutions", .int(Int64(pc))),
                        ("Status", .string("READY")),
                        ("LastModified", .string(lastModified(millis: deployedMs))),
                    ])])),
                ])))
            }
            if let reserved = f.reservedConcurrency {
                docs.append(("get-function-concurrency-\(f.name).json", .object([
                    ("ReservedConcurrentExecutions", .int(Int64(reserved))),
                ])))
            }
        }
        return docs
    }

    /// Lambda's `LastModified` form: `2026-10-29T09:22:44.000+0000`.
    static func lastModified(millis: Int64) -> String {
        var text = NumberFormat.iso(millis: millis, fraction: true, zulu: true)
        text.removeLast()
        return text + "+0000"
    }

    private static func fakeSha(_ name: String) -> String {
        Data(ContentHasher.sha256(Array(name.utf8)).utf8.prefix(32)).base64EncodedString()
    }

    private static func uuidLike(_ name: String) -> String {
        let h = Array(ContentHasher.sha256(Array(("revision:" + name).utf8)))
        let s = String(h.prefix(32))
        func part(_ a: Int, _ b: Int) -> Substring { s.dropFirst(a).prefix(b - a) }
        return "\(part(0, 8))-\(part(8, 12))-\(part(12, 16))-\(part(16, 20))-\(part(20, 32))"
    }
}
