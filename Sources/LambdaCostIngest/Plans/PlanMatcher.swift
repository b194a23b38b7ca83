import LambdaCostCore

/// Ties a plan's functions to the functions in the database.
///
/// In order: the physical name; the log group `/aws/lambda/<name>`; then, for a plan that has no
/// usable physical name yet (a create step, a Pulumi auto-name `<logical>-<7 hex>` with a new
/// suffix, a template without `FunctionName`), the logical name, or a known name built from it
/// (Pulumi `<logical>-<7 hex>`, CloudFormation `<stack>-<Logical>-<suffix>`). A logical match
/// is a guess and a warning says so; a function matching nothing gets a warning too.
public enum PlanMatcher {
    /// The plan with ``PlannedFunctionChange/matchedBy`` and `matchedFunction` filled in and
    /// the matching warnings appended.
    public static func match(_ plan: InfrastructurePlan, knownFunctions: [FunctionIdentity]) -> InfrastructurePlan {
        var result = plan
        // A plan that names its account or Region only matches functions there ("" = unknown).
        let candidates = knownFunctions.filter { f in
            (plan.account.map { f.account.isEmpty || $0.isEmpty || f.account == $0 } ?? true)
                && (plan.region.map { f.region == $0 } ?? true)
        }.sorted()
        var byName: [String: [FunctionIdentity]] = [:]
        for f in candidates { byName[f.name, default: []].append(f) }

        for i in result.functions.indices {
            var change = result.functions[i]
            change.matchedBy = .none
            change.matchedFunction = nil
            if let physical = change.physicalName, let found = byName[physical] {
                change.matchedBy = .physicalName
                change.matchedFunction = pick(found, change, &result.warnings)
            } else if let group = change.logGroupName, let fn = FunctionIdentity.nameFromLogGroup(group), let found = byName[fn] {
                change.matchedBy = .logGroup
                change.matchedFunction = pick(found, change, &result.warnings)
            } else if let found = logicalMatches(change, candidates), !found.isEmpty {
                change.matchedBy = .logicalName
                change.matchedFunction = pick(found, change, &result.warnings)
                let why =
                    change.physicalName.map { "its physical name \($0) is not in the database (an auto-name with a new suffix?)" }
                    ?? "the plan has no physical name for it (a create step or a template without FunctionName)"
                result.warnings.append(
                    "\(change.logicalName): matched \(change.matchedFunction!) by logical name only — \(why); check it is the same function")
            } else if change.operation == .create {
                result.warnings.append("\(change.displayName): a new function (create): nothing in the database to compare with")
            } else {
                result.warnings.append(
                    "\(change.displayName) (\(change.resourceType)) matches no function in the database by physical name, log group or logical name")
            }
            result.functions[i] = change
        }
        return result
    }

    static func pick(_ found: [FunctionIdentity], _ change: PlannedFunctionChange, _ warnings: inout [String]) -> FunctionIdentity {
        if found.count > 1 {
            warnings.append(
                "\(change.displayName) matches \(found.count) functions (\(found.map(\.description).joined(separator: ", "))): using \(found[0])")
        }
        return found[0]
    }

    /// Known functions whose name is the change's logical name or built from it.
    static func logicalMatches(_ change: PlannedFunctionChange, _ candidates: [FunctionIdentity]) -> [FunctionIdentity]? {
        var stems = [change.logicalName]
        // Terraform addresses: aws_lambda_function.order_processor → order_processor, order-processor.
        if let last = change.logicalName.split(separator: ".").last, String(last) != change.logicalName {
            stems.append(String(last))
            stems.append(last.replacingOccurrences(of: "_", with: "-"))
        }
        // A Pulumi auto-name in the plan: its stem is the logical name too.
        if let physical = change.physicalName, let stem = autoNameStem(physical) { stems.append(stem) }
        let exact = candidates.filter { stems.contains($0.name) }
        if !exact.isEmpty { return exact }
        return candidates.filter { f in
            stems.contains { stem in autoNameStem(f.name) == stem || isCloudFormationName(f.name, logical: stem) }
        }
    }

    /// `order-processor` for a Pulumi auto-name `order-processor-1a2b3c4`; nil for other names.
    public static func autoNameStem(_ name: String) -> String? {
        guard let dash = name.lastIndex(of: "-") else { return nil }
        let suffix = name[name.index(after: dash)...]
        guard suffix.count == 7, suffix.allSatisfy(\.isHexDigit), dash > name.startIndex else { return nil }
        return String(name[..<dash])
    }

    /// Whether `name` is CloudFormation's generated `<stack>-<logical>-<SUFFIX>` for `logical`.
    static func isCloudFormationName(_ name: String, logical: String) -> Bool {
        let parts = name.split(separator: "-")
        guard parts.count >= 3, let suffix = parts.last, suffix.count >= 8,
            suffix.allSatisfy({ $0.isUppercase || $0.isNumber })
        else { return false }
        return parts[parts.count - 2] == logical || name.dropLast(suffix.count + 1).hasSuffix("-" + logical)
    }
}
