/// The infrastructure-as-code tools `recommend --emit` writes changes for.
public enum InfrastructureTool: String, Sendable, CaseIterable {
    case pulumi, terraform, cloudformation
}

/// Renders recommendations as the IaC edits that apply them (`memorySize: 512 → 1024`), one
/// block per function that changes, in each tool's own property names.
public enum InfrastructureChange {
    /// One property edit: names per tool, old and new values as the tool writes them.
    struct Edit {
        var pulumi: String
        var terraform: String
        var cloudformation: String
        var resource: Resource
        var old: String
        var new: String
    }

    enum Resource { case function, logGroup, provisionedConcurrency }

    static func edits(_ r: RecommendationJSON) -> [Edit] {
        let c = r.current
        let n = r.recommended
        var out: [Edit] = []
        if c.memoryMB != n.memoryMB {
            out.append(Edit(pulumi: "memorySize", terraform: "memory_size", cloudformation: "MemorySize", resource: .function, old: "\(c.memoryMB)", new: "\(n.memoryMB)"))
        }
        if c.timeoutS != n.timeoutS {
            out.append(Edit(pulumi: "timeout", terraform: "timeout", cloudformation: "Timeout", resource: .function, old: "\(c.timeoutS)", new: "\(n.timeoutS)"))
        }
        if c.arch != n.arch {
            out.append(
                Edit(
                    pulumi: "architectures", terraform: "architectures", cloudformation: "Architectures", resource: .function,
                    old: "[\"\(c.arch)\"]", new: "[\"\(n.arch)\"]"))
        }
        if c.reservedConcurrency != n.reservedConcurrency {
            out.append(
                Edit(
                    pulumi: "reservedConcurrentExecutions", terraform: "reserved_concurrent_executions",
                    cloudformation: "ReservedConcurrentExecutions", resource: .function,
                    old: c.reservedConcurrency.map(String.init) ?? "(unset)", new: n.reservedConcurrency.map(String.init) ?? "(unset)"))
        }
        if c.logRetentionDays != n.logRetentionDays {
            out.append(
                Edit(
                    pulumi: "retentionInDays", terraform: "retention_in_days", cloudformation: "RetentionInDays", resource: .logGroup,
                    old: c.logRetentionDays.map(String.init) ?? "(never expire)", new: n.logRetentionDays.map(String.init) ?? "(never expire)"))
        }
        if c.provisionedConcurrency != n.provisionedConcurrency {
            out.append(
                Edit(
                    pulumi: "provisionedConcurrentExecutions", terraform: "provisioned_concurrent_executions",
                    cloudformation: "ProvisionedConcurrentExecutions", resource: .provisionedConcurrency,
                    old: "\(c.provisionedConcurrency)", new: n.provisionedConcurrency == 0 ? "(remove the config)" : "\(n.provisionedConcurrency)"))
        }
        return out
    }

    /// The edits for every function whose recommendation changes something.
    public static func render(_ recommendations: [RecommendationJSON], tool: InfrastructureTool) -> String {
        var text = ""
        for r in recommendations {
            let edits = edits(r)
            guard !edits.isEmpty else { continue }
            let savings = "saves \(Display.usd(r.savingsUSD.expected))/month (\(Display.usd(r.savingsUSD.low))–\(Display.usd(r.savingsUSD.high)))"
            for resource in [Resource.function, .logGroup, .provisionedConcurrency] {
                let group = edits.filter { $0.resource == resource }
                guard !group.isEmpty else { continue }
                text += header(r.function, resource, tool) + (resource == .function ? "  # \(savings)\n" : "\n")
                for e in group {
                    switch tool {
                    case .pulumi: text += "  \(e.pulumi): \(e.old) → \(e.new)\n"
                    case .terraform: text += "  \(e.terraform) = \(e.new)  # was \(e.old)\n"
                    case .cloudformation: text += "  \(e.cloudformation): \(e.new)  # was \(e.old)\n"
                    }
                }
            }
            text += "\n"
        }
        return text.isEmpty ? "# no changes recommended\n" : text
    }

    static func header(_ function: String, _ resource: Resource, _ tool: InfrastructureTool) -> String {
        switch (tool, resource) {
        case (.pulumi, .function): return "# \(function) (aws:lambda/function:Function)"
        case (.pulumi, .logGroup): return "# /aws/lambda/\(function) (aws:cloudwatch/logGroup:LogGroup)"
        case (.pulumi, .provisionedConcurrency): return "# \(function) (aws:lambda/provisionedConcurrencyConfig:ProvisionedConcurrencyConfig)"
        case (.terraform, .function): return "# aws_lambda_function for \(function)"
        case (.terraform, .logGroup): return "# aws_cloudwatch_log_group /aws/lambda/\(function)"
        case (.terraform, .provisionedConcurrency): return "# aws_lambda_provisioned_concurrency_config for \(function)"
        case (.cloudformation, .function): return "# AWS::Lambda::Function (or AWS::Serverless::Function) \(function) Properties:"
        case (.cloudformation, .logGroup): return "# AWS::Logs::LogGroup /aws/lambda/\(function) Properties:"
        case (.cloudformation, .provisionedConcurrency): return "# \(function) ProvisionedConcurrencyConfig:"
        }
    }
}
