import LambdaCostCore

/// Reads `terraform show -json PLANFILE`: `resource_changes` (actions with before and after),
/// or, when a document has none, the resources in `planned_values` (or a state's `values`) as
/// declared settings.
enum TerraformPlanReader {
    static let functionType = "aws_lambda_function"
    static let logGroupType = "aws_cloudwatch_log_group"
    static let provisionedType = "aws_lambda_provisioned_concurrency_config"

    static func read(_ document: JSONValue, path: String) throws -> InfrastructurePlan {
        var assembler = PlanAssembler()
        if let changes = document["resource_changes"]?.arrayValue {
            for change in changes where (change["mode"]?.stringValue ?? "managed") == "managed" {
                let actions = (change["change"]?["actions"]?.arrayValue ?? []).compactMap(\.stringValue)
                let op: PlannedFunctionChange.Operation
                switch Set(actions) {
                case ["no-op"]: op = .same
                case ["create"]: op = .create
                case ["update"]: op = .update
                case ["delete"]: op = .delete
                case ["delete", "create"]: op = .replace
                default: continue  // read, forget: no change to cost settings
                }
                let before = change["change"]?["before"].flatMap { $0.isNull ? nil : $0 }
                let after = change["change"]?["after"].flatMap { $0.isNull ? nil : $0 }
                add(
                    type: change["type"]?.stringValue ?? "", logical: change["address"]?.stringValue ?? "", op: op, old: before,
                    new: op == .delete ? nil : after, to: &assembler)
            }
        } else if let root = document.value(at: ["planned_values", "root_module"]) ?? document.value(at: ["values", "root_module"]) {
            for resource in resources(in: root) where (resource["mode"]?.stringValue ?? "managed") == "managed" {
                add(
                    type: resource["type"]?.stringValue ?? "", logical: resource["address"]?.stringValue ?? "", op: .declared, old: nil,
                    new: resource["values"], to: &assembler)
            }
        } else {
            throw LambdaCostError.badInput(
                file: path, line: 0, column: nil, expected: "\"resource_changes\" or \"planned_values\" (terraform show -json)",
                found: "neither")
        }
        let (functions, warnings) = assembler.assemble()
        return InfrastructurePlan(kind: .terraformPlan, functions: functions, warnings: warnings)
    }

    /// Resources of a module and its child modules, depth first.
    static func resources(in module: JSONValue) -> [JSONValue] {
        var result = module["resources"]?.arrayValue ?? []
        for child in module["child_modules"]?.arrayValue ?? [] { result += resources(in: child) }
        return result
    }

    static func settings(_ v: JSONValue) -> PlannedSettings {
        var s = PlannedSettings()
        s.memoryMB = v["memory_size"]?.intValue
        s.timeoutSeconds = v["timeout"]?.intValue
        s.arch = v["architectures"]?[0]?.stringValue.flatMap(Architecture.init(rawValue:))
        if let reserved = v["reserved_concurrent_executions"], let n = reserved.intValue {
            s.reservedConcurrency = n < 0 ? .unset : .value(n)
        }
        // Nested blocks are lists of one object in Terraform's JSON.
        s.ephemeralStorageMB = (v["ephemeral_storage"]?[0] ?? v["ephemeral_storage"])?["size"]?.intValue
        s.runtime = v["runtime"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        return s
    }

    static func retention(_ v: JSONValue) -> PlannedValue<Int> {
        guard let days = v["retention_in_days"]?.intValue, days > 0 else { return .unset }
        return .value(days)
    }

    static func add(
        type: String, logical: String, op: PlannedFunctionChange.Operation, old: JSONValue?, new: JSONValue?,
        to assembler: inout PlanAssembler
    ) {
        let current = new ?? old ?? .object([])
        switch type {
        case functionType:
            let change = PlannedFunctionChange(
                logicalName: logical, physicalName: current["function_name"]?.stringValue, resourceType: type, operation: op,
                before: old.map(settings), after: new.map(settings) ?? PlannedSettings())
            let configured = (current["logging_config"]?[0] ?? current["logging_config"])?["log_group"]?.stringValue
            assembler.add(change, configuredLogGroup: configured.flatMap { $0.isEmpty ? nil : $0 })
        case logGroupType:
            assembler.logGroups.append(
                PlanAssembler.LogGroup(
                    logicalName: logical, name: current["name"]?.stringValue, linkedFunction: nil, resourceType: type, operation: op,
                    before: old.map(retention), after: new.map(retention) ?? .unset))
        case provisionedType:
            assembler.provisioned.append(
                PlanAssembler.Provisioned(
                    logicalName: logical, function: current["function_name"]?.stringValue, resourceType: type, operation: op,
                    before: old?["provisioned_concurrent_executions"]?.intValue, after: new?["provisioned_concurrent_executions"]?.intValue))
        default:
            break
        }
    }
}
