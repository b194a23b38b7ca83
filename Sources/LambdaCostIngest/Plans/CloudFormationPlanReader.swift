import LambdaCostCore

/// Reads CloudFormation and SAM templates in JSON (`AWS::Lambda::Function`,
/// `AWS::Serverless::Function` with SAM `Globals.Function`, `AWS::Logs::LogGroup`,
/// `AWS::Lambda::Alias`/`Version` provisioned concurrency). A template is a desired state, so
/// every function is `declared`.
///
/// Intrinsic functions are not evaluated, except `Ref` to a parameter with a `Default` and the
/// log group forms `{"Fn::Sub": "/aws/lambda/${Fn}"}` and
/// `{"Fn::Join": ["", ["/aws/lambda/", {"Ref": "Fn"}]]}`, which link the group to function `Fn`.
/// A `FunctionName` that is not a plain string leaves the physical name unknown.
enum CloudFormationPlanReader {
    static func read(_ document: JSONValue, path: String) throws -> InfrastructurePlan {
        guard let resources = document["Resources"]?.objectValue else {
            throw LambdaCostError.badInput(file: path, line: 0, column: nil, expected: "a \"Resources\" object", found: "none")
        }
        let parameters = document["Parameters"]
        let globals = document.value(at: ["Globals", "Function"])
        var assembler = PlanAssembler()
        var warnings: [String] = []

        func resolve(_ value: JSONValue?, _ what: String, _ logical: String) -> JSONValue? {
            guard let value, !value.isNull else { return nil }
            // Only a one-member object keyed Ref or Fn::… is an intrinsic; others are plain properties.
            guard let members = value.objectValue, members.count == 1,
                members[0].key == "Ref" || members[0].key.hasPrefix("Fn::")
            else { return value }
            if members.count == 1, members[0].key == "Ref", let name = members[0].value.stringValue,
                let fallback = parameters?[name]?["Default"]
            {
                return fallback
            }
            warnings.append("\(logical).\(what) is an intrinsic function the parser does not evaluate: treated as not specified")
            return nil
        }

        for (logical, resource) in resources {
            let type = resource["Type"]?.stringValue ?? ""
            let props = resource["Properties"] ?? .object([])
            switch type {
            case "AWS::Lambda::Function", "AWS::Serverless::Function":
                let isSAM = type == "AWS::Serverless::Function"
                func prop(_ key: String) -> JSONValue? {
                    resolve(props[key] ?? (isSAM ? globals?[key] : nil), key, logical)
                }
                var s = PlannedSettings()
                s.memoryMB = prop("MemorySize")?.intValue
                s.timeoutSeconds = prop("Timeout")?.intValue
                s.arch = prop("Architectures")?[0]?.stringValue.flatMap(Architecture.init(rawValue:))
                if let reserved = prop("ReservedConcurrentExecutions") {
                    s.reservedConcurrency = reserved.intValue.map { .value($0) } ?? .notSpecified
                }
                s.ephemeralStorageMB = prop("EphemeralStorage")?["Size"]?.intValue
                s.runtime = prop("Runtime")?.stringValue
                if isSAM, let pc = prop("ProvisionedConcurrencyConfig")?["ProvisionedConcurrentExecutions"]?.intValue {
                    s.provisionedConcurrency = pc
                }
                let name = props["FunctionName"]?.stringValue
                let configured = props["LoggingConfig"]?["LogGroup"]?.stringValue
                assembler.add(
                    PlannedFunctionChange(logicalName: logical, physicalName: name, resourceType: type, operation: .declared, after: s),
                    configuredLogGroup: configured)
            case "AWS::Logs::LogGroup":
                var name: String?
                var linked: String?
                let raw = props["LogGroupName"]
                if let text = raw?.stringValue {
                    name = text
                } else if let target = linkedFunction(raw) {
                    linked = target
                }
                var retention: PlannedValue<Int> = .unset
                if let days = resolve(props["RetentionInDays"], "RetentionInDays", logical) {
                    retention = days.intValue.map { $0 > 0 ? .value($0) : .unset } ?? .notSpecified
                }
                assembler.logGroups.append(
                    PlanAssembler.LogGroup(
                        logicalName: logical, name: name, linkedFunction: linked, resourceType: type, operation: .declared, before: nil,
                        after: retention))
            case "AWS::Lambda::Alias", "AWS::Lambda::Version":
                guard let pc = props["ProvisionedConcurrencyConfig"]?["ProvisionedConcurrentExecutions"]?.intValue else { continue }
                let target = props["FunctionName"]
                let function = target?.stringValue ?? target?["Ref"]?.stringValue
                assembler.provisioned.append(
                    PlanAssembler.Provisioned(
                        logicalName: logical, function: function, resourceType: type, operation: .declared, before: nil, after: pc))
            default:
                continue
            }
        }
        assembler.warnings += warnings
        let (functions, allWarnings) = assembler.assemble()
        return InfrastructurePlan(kind: .cloudFormation, functions: functions, warnings: allWarnings)
    }

    /// The function a `/aws/lambda/${Fn}` Sub or Join names.
    static func linkedFunction(_ value: JSONValue?) -> String? {
        guard let value else { return nil }
        if let sub = value["Fn::Sub"]?.stringValue ?? value["Fn::Sub"]?[0]?.stringValue {
            let prefix = "/aws/lambda/${"
            guard sub.hasPrefix(prefix), sub.hasSuffix("}") else { return nil }
            return String(sub.dropFirst(prefix.count).dropLast())
        }
        if let parts = value["Fn::Join"]?[1]?.arrayValue, parts.count == 2, parts[0].stringValue == "/aws/lambda/" {
            return parts[1]["Ref"]?.stringValue
        }
        return nil
    }
}
