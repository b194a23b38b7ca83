import LambdaCostCore

/// Reads `pulumi preview --json` (steps with old and new state) and `pulumi stack export`
/// (the deployed resources) for the AWS resource types that carry Lambda cost settings.
enum PulumiPlanReader {
    /// The value Pulumi prints for an output not known until the resource is created.
    static let unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

    static let functionType = "aws:lambda/function:Function"
    static let logGroupType = "aws:cloudwatch/logGroup:LogGroup"
    static let provisionedType = "aws:lambda/provisionedConcurrencyConfig:ProvisionedConcurrencyConfig"

    /// `pulumi preview --json`.
    static func preview(_ document: JSONValue, path: String) throws -> InfrastructurePlan {
        guard let steps = document["steps"]?.arrayValue else {
            throw LambdaCostError.badInput(file: path, line: 0, column: nil, expected: "\"steps\" to be an array", found: "another value")
        }
        var assembler = PlanAssembler()
        for step in steps {
            let op: PlannedFunctionChange.Operation
            switch step["op"]?.stringValue ?? "" {
            case "same": op = .same
            case "create": op = .create
            case "update": op = .update
            case "delete": op = .delete
            case "replace": op = .replace
            default: continue  // create-replacement, delete-replaced, read, refresh: covered by the replace step or not changes
            }
            let old = step["oldState"].flatMap { $0.isNull ? nil : $0 }
            let new = step["newState"].flatMap { $0.isNull ? nil : $0 }
            let type = new?["type"]?.stringValue ?? old?["type"]?.stringValue ?? ""
            let urn = step["urn"]?.stringValue ?? new?["urn"]?.stringValue ?? old?["urn"]?.stringValue ?? ""
            add(
                type: type, logical: logicalName(urn: urn), op: op, old: old.map(properties), new: op == .delete ? nil : new.map(properties),
                to: &assembler)
        }
        let (functions, warnings) = assembler.assemble()
        return InfrastructurePlan(kind: .pulumiPreview, functions: functions, warnings: warnings)
    }

    /// `pulumi stack export`: the deployed state, every function `same`.
    static func stackExport(_ document: JSONValue, path: String) throws -> InfrastructurePlan {
        guard let resources = document.value(at: ["deployment", "resources"])?.arrayValue else {
            throw LambdaCostError.badInput(
                file: path, line: 0, column: nil, expected: "\"deployment.resources\" to be an array", found: "none")
        }
        var assembler = PlanAssembler()
        for resource in resources {
            let type = resource["type"]?.stringValue ?? ""
            add(
                type: type, logical: logicalName(urn: resource["urn"]?.stringValue ?? ""), op: .same, old: nil,
                new: properties(resource), to: &assembler)
        }
        let (functions, warnings) = assembler.assemble()
        return InfrastructurePlan(kind: .pulumiStackExport, functions: functions, warnings: warnings)
    }

    /// A resource's properties: outputs (the provider's view, with defaults) over inputs, and the id.
    static func properties(_ state: JSONValue) -> [String: JSONValue] {
        var merged: [String: JSONValue] = [:]
        for (key, value) in state["inputs"]?.objectValue ?? [] where merged[key] == nil { merged[key] = value }
        for (key, value) in state["outputs"]?.objectValue ?? [] where !isUnknown(value) { merged[key] = value }
        if let id = state["id"]?.stringValue, !id.isEmpty, id != unknown { merged["__id"] = .string(id) }
        return merged
    }

    static func isUnknown(_ value: JSONValue) -> Bool { value.stringValue == unknown }

    /// The resource name at the end of a URN (`urn:pulumi:stack::project::type::name`).
    static func logicalName(urn: String) -> String {
        guard let range = urn.range(of: "::", options: .backwards) else { return urn }
        return String(urn[range.upperBound...])
    }

    static func string(_ p: [String: JSONValue], _ key: String) -> String? {
        guard let s = p[key]?.stringValue, s != unknown, !s.isEmpty else { return nil }
        return s
    }

    static func settings(_ p: [String: JSONValue]) -> PlannedSettings {
        var s = PlannedSettings()
        s.memoryMB = p["memorySize"]?.intValue
        s.timeoutSeconds = p["timeout"]?.intValue
        s.arch = p["architectures"]?[0]?.stringValue.flatMap(Architecture.init(rawValue:))
        if let reserved = p["reservedConcurrentExecutions"], !isUnknown(reserved) {
            if let n = reserved.intValue { s.reservedConcurrency = n < 0 ? .unset : .value(n) } else if reserved.isNull { s.reservedConcurrency = .unset }
        }
        s.ephemeralStorageMB = p["ephemeralStorage"]?["size"]?.intValue
        s.runtime = string(p, "runtime")
        return s
    }

    static func retention(_ p: [String: JSONValue]) -> PlannedValue<Int> {
        // An absent or zero retentionInDays is CloudWatch Logs' "never expire".
        guard let value = p["retentionInDays"], !isUnknown(value), let days = value.intValue, days > 0 else { return .unset }
        return .value(days)
    }

    static func add(
        type: String, logical: String, op: PlannedFunctionChange.Operation, old: [String: JSONValue]?, new: [String: JSONValue]?,
        to assembler: inout PlanAssembler
    ) {
        let current = new ?? old ?? [:]
        switch type {
        case functionType:
            let physical = string(current, "name") ?? string(current, "__id")
            let change = PlannedFunctionChange(
                logicalName: logical, physicalName: physical, resourceType: type, operation: op, before: old.map(settings),
                after: new.map(settings) ?? PlannedSettings())
            let configured = current["loggingConfig"]?["logGroup"]?.stringValue.flatMap { $0 == unknown ? nil : $0 }
            assembler.add(change, configuredLogGroup: configured)
        case logGroupType:
            assembler.logGroups.append(
                PlanAssembler.LogGroup(
                    logicalName: logical, name: string(current, "name") ?? string(current, "__id"), linkedFunction: nil, resourceType: type,
                    operation: op, before: old.map(retention), after: new.map(retention) ?? .unset))
        case provisionedType:
            assembler.provisioned.append(
                PlanAssembler.Provisioned(
                    logicalName: logical, function: string(current, "functionName"), resourceType: type, operation: op,
                    before: old?["provisionedConcurrentExecutions"]?.intValue, after: new?["provisionedConcurrentExecutions"]?.intValue))
        default:
            break
        }
    }
}
