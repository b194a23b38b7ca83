import LambdaCostCore

/// Collects a plan's functions, log groups and provisioned-concurrency resources, then folds the
/// last two into the functions they belong to.
///
/// A log group belongs to a function when the format links them (a template's
/// `/aws/lambda/${Fn}`), when its name is `/aws/lambda/<physical or logical name>`, or when the
/// function's logging configuration names it. A log group or provisioned-concurrency resource
/// for a function outside the plan becomes a change of its own, so the matcher can still tie it
/// to the database (by log group or function name).
struct PlanAssembler {
    /// A log group resource.
    struct LogGroup {
        var logicalName: String
        var name: String?
        /// The logical name of the function a template links it to.
        var linkedFunction: String?
        var resourceType: String
        var operation: PlannedFunctionChange.Operation
        var before: PlannedValue<Int>?
        var after: PlannedValue<Int>
    }

    /// A provisioned-concurrency resource (one alias or version).
    struct Provisioned {
        var logicalName: String
        /// The function's physical name, or its logical name in a template.
        var function: String?
        var resourceType: String
        var operation: PlannedFunctionChange.Operation
        var before: Int?
        var after: Int?
    }

    var functions: [PlannedFunctionChange] = []
    /// Per function (by index): the log group name its logging configuration names.
    var configuredLogGroups: [Int: String] = [:]
    var logGroups: [LogGroup] = []
    var provisioned: [Provisioned] = []
    var warnings: [String] = []

    mutating func add(_ change: PlannedFunctionChange, configuredLogGroup: String? = nil) {
        if let configuredLogGroup { configuredLogGroups[functions.count] = configuredLogGroup }
        functions.append(change)
    }

    func functionIndex(forLogGroup g: LogGroup) -> Int? {
        if let linked = g.linkedFunction, let i = functions.firstIndex(where: { $0.logicalName == linked }) { return i }
        guard let name = g.name else { return nil }
        if let i = configuredLogGroups.first(where: { $0.value == name })?.key { return i }
        guard let fn = FunctionIdentity.nameFromLogGroup(name) else { return nil }
        return functions.firstIndex { $0.physicalName == fn } ?? functions.firstIndex { $0.physicalName == nil && $0.logicalName == fn }
    }

    func functionIndex(forProvisioned p: Provisioned) -> Int? {
        guard let fn = p.function else { return nil }
        return functions.firstIndex { $0.physicalName == fn } ?? functions.firstIndex { $0.logicalName == fn }
    }

    /// The functions with their log groups and provisioned concurrency folded in.
    func assemble() -> (functions: [PlannedFunctionChange], warnings: [String]) {
        var result = functions
        var warnings = warnings
        for g in logGroups {
            let index: Int
            if let i = functionIndex(forLogGroup: g) {
                index = i
            } else if let name = g.name, FunctionIdentity.nameFromLogGroup(name) != nil {
                // Retention for a function the plan does not define: match it by log group later.
                result.append(
                    PlannedFunctionChange(
                        logicalName: g.logicalName, physicalName: nil, logGroupName: name, resourceType: g.resourceType,
                        operation: g.operation, before: g.before.map { PlannedSettings(logRetentionDays: $0) }, after: PlannedSettings()))
                index = result.count - 1
            } else {
                warnings.append(
                    "log group \(g.name ?? g.logicalName) belongs to no function in the plan (its name is not /aws/lambda/<function>): its retention is ignored")
                continue
            }
            result[index].logGroupName = g.name ?? result[index].logGroupName
            if g.operation == .delete {
                // Deleting the group: Lambda recreates it on the next write, with no retention.
                result[index].after.logRetentionDays = .unset
            } else {
                result[index].after.logRetentionDays = g.after
            }
            if let before = g.before {
                var b = result[index].before ?? PlannedSettings()
                b.logRetentionDays = before
                result[index].before = b
            }
            if result[index].operation == .same && g.operation != .same { result[index].operation = .update }
        }
        for p in provisioned {
            let index: Int
            if let i = functionIndex(forProvisioned: p) {
                index = i
            } else if let fn = p.function {
                if let existing = result.firstIndex(where: { $0.physicalName == fn && $0.resourceType == p.resourceType }) {
                    index = existing
                } else {
                    result.append(
                        PlannedFunctionChange(
                            logicalName: p.logicalName, physicalName: fn, resourceType: p.resourceType, operation: p.operation,
                            before: p.before == nil ? nil : PlannedSettings(), after: PlannedSettings()))
                    index = result.count - 1
                }
            } else {
                warnings.append("provisioned concurrency \(p.logicalName) names no function the plan knows: ignored")
                continue
            }
            let after = p.operation == .delete ? 0 : (p.after ?? 0)
            result[index].after.provisionedConcurrency = (result[index].after.provisionedConcurrency ?? 0) + after
            if let before = p.before {
                var b = result[index].before ?? PlannedSettings()
                b.provisionedConcurrency = (b.provisionedConcurrency ?? 0) + before
                result[index].before = b
            }
            if result[index].operation == .same && p.operation != .same { result[index].operation = .update }
        }
        return (result, warnings)
    }
}
