import Foundation
import LambdaCostCore
import LambdaCostModel
import LambdaCostPricing
import LambdaCostReport

/// `lambdacost whatif`: the cost and behaviour of a configuration, either for a described
/// workload (no data needed) or as a variant of a function's measured month (`--function`).
enum WhatIfCommand: Command {
    static let name = "whatif"
    static let summary = "Price a described workload, or a variant of a function's measured month."
    static let usage = """
        whatif --invocations N --duration-ms D --memory MB [--arch A] [--region R] [--free-tier] [...]
               whatif --function NAME [--month YYYY-MM] [--memory MB] [--timeout S] [--log-retention DAYS|never]
                      [--reserved-concurrency C|none] [--provisioned-concurrency P] [--arch A]
        """
    static let discussion = """
        Described workload: invocations spread over a 730-hour month unless --rps is given; arrivals
        are Poisson, so --reserved-concurrency gives an Erlang-B throttle rate. Free tier is off
        unless --free-tier (it belongs to the account). With --function, the flags describe a variant
        of the function's measured month; the output has the baseline, the variant and the delta.
        """
    static let options: [OptionSpec] = [
        OptionSpec("function", value: "NAME", help: "Model a variant of this function's measured month."),
        OptionSpec("month", value: "YYYY-MM", help: "Month of data to model (default: latest)."),
        OptionSpec("invocations", value: "N", help: "Described workload: invocations per month."),
        OptionSpec("duration-ms", value: "D", help: "Described workload: average billed duration (ms)."),
        OptionSpec("memory", value: "MB", help: "Memory size, 128–10240 MB."),
        OptionSpec("arch", value: "x86_64|arm64", help: "Architecture."),
        OptionSpec("region", value: "R", help: "Region (default us-east-1)."),
        OptionSpec("timeout", value: "S", help: "With --function: timeout in seconds (1–900)."),
        OptionSpec("ephemeral-storage", value: "MB", help: "Ephemeral storage, 512–10240 MB."),
        OptionSpec("provisioned-concurrency", value: "P", help: "Provisioned concurrency environments."),
        OptionSpec("provisioned-hours", value: "H", help: "Hours provisioned concurrency is enabled (default 730)."),
        OptionSpec("log-bytes-per-invocation", value: "B", help: "Log bytes written per invocation."),
        OptionSpec("log-retention", value: "DAYS|never", help: "Log retention in days, or never."),
        OptionSpec("log-class", value: "standard|infrequent-access", help: "CloudWatch Logs class."),
        OptionSpec("xray-sampling", value: "F", help: "Fraction of invocations traced by X-Ray (0–1)."),
        OptionSpec("dlq-messages", value: "N", help: "Messages sent to an SQS dead-letter queue per month."),
        OptionSpec("free-tier", help: "Apply the account's monthly free tier (described workload)."),
        OptionSpec("rps", value: "R", help: "Mean arrivals per second (default: invocations over 730 hours)."),
        OptionSpec("reserved-concurrency", value: "C|none", help: "Reserved concurrency (throttling via Erlang-B)."),
        OptionSpec("account-concurrency-limit", value: "N", help: "Account concurrency limit (default 1000)."),
        OptionSpec("other-reserved-concurrency", value: "N", help: "Concurrency reserved by other functions (default 0)."),
        OptionSpec("arm-speed-ratio", value: "R", help: "Assumed arm64 duration ÷ x86_64 duration (default 1.0)."),
        OptionSpec("format", value: "table|json|csv|md", help: "Output format (default table)."),
    ]

    static func run(_ a: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        try a.expectNoPositionals()
        let format = try a.choice("format", OutputFormat.self) ?? .table
        if let function = a.value("function") {
            return try runFunction(function, a, context, format)
        }
        return try runDescribed(a, context, format)
    }

    static func retention(_ a: ParsedArguments) throws -> Int?? {
        guard let text = a.value("log-retention") else { return .none }
        if text == "never" { return .some(nil) }
        guard let days = Int(text), VariantSpec.allowedRetentionDays.contains(days) else {
            throw LambdaCostError.usage(
                message: "--log-retention takes one of \(VariantSpec.allowedRetentionDays.map(String.init).joined(separator: ", ")) or never, not '\(text)'",
                command: name)
        }
        return .some(days)
    }

    static func reserved(_ a: ParsedArguments) throws -> Int?? {
        guard let text = a.value("reserved-concurrency") else { return .none }
        if text == "none" { return .some(nil) }
        guard let c = Int(text), c >= 0 else {
            throw LambdaCostError.usage(message: "--reserved-concurrency takes a whole number ≥ 0 or none, not '\(text)'", command: name)
        }
        return .some(c)
    }

    // MARK: Described workload

    struct DescribedOutput: Encodable {
        let result: WhatIfCostResult
        let throttleRate: Double
        let feasible: Bool
        let problems: [ModelProblem]
        let rps: Double
        let reservedConcurrency: Int?

        enum CodingKeys: String, CodingKey {
            case throttleRate = "throttle_rate"
            case feasible, problems, rps
            case reservedConcurrency = "reserved_concurrency"
        }

        func encode(to encoder: any Encoder) throws {
            try result.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(throttleRate, forKey: .throttleRate)
            try c.encode(feasible, forKey: .feasible)
            try c.encode(problems, forKey: .problems)
            try c.encode(rps, forKey: .rps)
            try c.encode(reservedConcurrency, forKey: .reservedConcurrency)
        }
    }

    static func runDescribed(_ a: ParsedArguments, _ context: CommandContext, _ format: OutputFormat) throws -> Int32 {
        guard let invocations = try a.double("invocations", in: 0...1e15), let duration = try a.double("duration-ms", in: 0...900_000),
            let memory = try a.int("memory", in: 128...10_240)
        else {
            throw LambdaCostError.usage(message: "whatif needs --invocations, --duration-ms and --memory (or --function NAME)", command: name)
        }
        var w = DescribedWorkload(invocations: invocations, durationMs: duration, memoryMB: memory)
        if let arch = try a.choice("arch", Architecture.self) { w.architecture = arch }
        if let region = a.value("region") { w.region = region }
        if let e = try a.int("ephemeral-storage", in: 512...10_240) { w.ephemeralStorageMB = e }
        if let p = try a.int("provisioned-concurrency", in: 0...100_000) { w.provisionedConcurrency = p }
        if let h = try a.double("provisioned-hours", in: 0...744) { w.provisionedHours = h }
        if let b = try a.double("log-bytes-per-invocation", in: 0...1e9) { w.logBytesPerInvocation = b }
        if case .some(let r) = try retention(a) { w.logRetentionDays = r }
        if let c = try a.choice("log-class", LogClass.self) { w.logClass = c }
        if let x = try a.double("xray-sampling", in: 0...1) { w.xraySampling = x }
        if let d = try a.double("dlq-messages", in: 0...1e15) { w.dlqMessages = d }
        w.freeTier = a.flag("free-tier")
        let result = try DescribedWorkloadCost.compute(w, catalog: try context.catalog())
        // Concurrency: Poisson arrivals at the mean rate; Erlang-B loss with c reserved.
        let rps = try a.double("rps", in: 0...1e9) ?? invocations / (DescribedWorkload.hoursPerMonth * 3600)
        let offered = rps * duration / 1000
        var reservedValue: Int?
        if case .some(let r) = try reserved(a) { reservedValue = r }
        let throttle = reservedValue.map { ErlangB.blocking(servers: $0, offeredLoad: offered) } ?? 0
        let limit = try a.int("account-concurrency-limit", in: 1...10_000_000) ?? 1000
        let others = try a.int("other-reserved-concurrency", in: 0...10_000_000) ?? 0
        let problems = ConcurrencyPlanCheck.check(
            reservations: [(FunctionIdentity(region: w.region, name: "described-workload"), reservedValue)], accountLimit: limit, unreservedMinimum: min(100, limit),
            otherReserved: others)
        let output = DescribedOutput(result: result, throttleRate: throttle, feasible: problems.isEmpty, problems: problems, rps: rps, reservedConcurrency: reservedValue)
        if format == .json {
            context.out(try JSONOutput.encode(output))
            return 0
        }
        var rows = CostKey.allCases.map { [$0.rawValue, Display.usd(result.costUSD[$0])] }
        rows.append(["gb_seconds", Display.fixed(result.gbSeconds, 3)])
        rows.append(["throttle_rate", Display.percent(throttle, 4)])
        rows.append(["feasible", problems.isEmpty ? "yes" : "no"])
        var text = TextTable(headers: ["item", "value"], alignments: [.left, .right], rows: rows).render(format)
        if format != .csv {
            for p in problems { text += "problem: \(p.message)\n" }
            text += "\nAssumptions:\n" + result.assumptions.map { "- \($0)\n" }.joined()
            text += "Prices: catalog version \(result.pricesVersion) (\(result.pricesSource))\n"
        }
        context.out(text)
        return 0
    }

    // MARK: Variant of a measured month

    static func runFunction(_ function: String, _ a: ParsedArguments, _ context: CommandContext, _ format: OutputFormat) throws -> Int32 {
        for described in ["invocations", "duration-ms", "rps", "free-tier", "provisioned-hours", "log-bytes-per-invocation", "xray-sampling", "dlq-messages", "log-class"]
        where a.value(described) != nil || a.flag(described) {
            throw LambdaCostError.usage(message: "--\(described) describes a workload; it does not go with --function", command: name)
        }
        var options = SimulatorOptions()
        if let r = try a.double("arm-speed-ratio", in: 0.1...10) { options.armSpeedRatio = r }
        if let l = try a.int("account-concurrency-limit", in: 1...10_000_000) { options.accountConcurrencyLimit = l }
        if let o = try a.int("other-reserved-concurrency", in: 0...10_000_000) { options.otherReservedConcurrency = o }
        let analysis = try MonthAnalysis.load(
            store: try context.store(), catalog: try context.catalog(), month: try a.month(), functionName: function, options: options,
            databasePath: context.databasePath)
        guard let built = analysis.profiles.first, let sim = Simulator(profile: built.profile, options: analysis.options) else {
            throw LambdaCostError.missingInput(path: context.databasePath, reason: "no invocations for '\(function)' in \(analysis.month)")
        }
        let baselineSpec = VariantSpec(built.profile.configuration)
        var spec = baselineSpec
        if let m = try a.int("memory", in: 128...10_240) { spec.memoryMB = m }
        if let t = try a.int("timeout", in: 1...900) { spec.timeoutSeconds = t }
        if case .some(let r) = try retention(a) { spec.logRetentionDays = r }
        if case .some(let r) = try reserved(a) { spec.reservedConcurrency = r }
        if let p = try a.int("provisioned-concurrency", in: 0...100_000) { spec.provisionedConcurrency = p }
        if let arch = try a.choice("arch", Architecture.self) { spec.arch = arch }
        if let e = try a.int("ephemeral-storage", in: 512...10_240) { spec.ephemeralStorageMB = e }
        let price = analysis.pricing.closure(for: built.profile.function)
        let base = sim.predict(baselineSpec)
        let variant = sim.predict(spec)
        let output = FunctionWhatIf(
            function: function, month: analysis.month.description, baseline: PredictionJSON(base, cost: price(base.usage, base.spec.arch)),
            variant: PredictionJSON(variant, cost: price(variant.usage, variant.spec.arch)), assumptions: built.assumptions + variant.model.assumptions)
        if format == .json {
            context.out(try JSONOutput.encode(output))
            return 0
        }
        context.out(render(output, format))
        return 0
    }

    static func render(_ w: FunctionWhatIf, _ format: OutputFormat) -> String {
        func config(_ c: ConfigurationJSON) -> String {
            "\(c.memoryMB) MB \(c.arch), timeout \(c.timeoutS) s, retention \(c.logRetentionDays.map { "\($0) d" } ?? "never"), reserved \(c.reservedConcurrency.map(String.init) ?? "none"), provisioned \(c.provisionedConcurrency)"
        }
        let b = w.baseline
        let v = w.variant
        let rows: [[String]] = [
            ["configuration", config(b.configuration), config(v.configuration), ""],
            ["mean_ms", Display.fixed(b.durationMs.mean, 1), Display.fixed(v.durationMs.mean, 1), Display.fixed(w.delta.durationMs.mean, 1)],
            ["p99_ms", Display.fixed(b.durationMs.p99, 1), Display.fixed(v.durationMs.p99, 1), Display.fixed(w.delta.durationMs.p99, 1)],
            ["timeout_rate", Display.percent(b.timeoutRate, 4), Display.percent(v.timeoutRate, 4), Display.percent(w.delta.timeoutRate, 4)],
            ["throttle_rate", Display.percent(b.throttleRate, 4), Display.percent(v.throttleRate, 4), Display.percent(w.delta.throttleRate, 4)],
            ["cold_start_rate", Display.percent(b.coldStartRate, 2), Display.percent(v.coldStartRate, 2), Display.percent(w.delta.coldStartRate, 2)],
            ["cost_usd", Display.usd(b.costUSD.total), Display.usd(v.costUSD.total), Display.usd(w.delta.costUSD.total)],
            ["feasible", b.feasible ? "yes" : "no", v.feasible ? "yes" : "no", ""],
            ["model", b.model.kind, v.model.kind, ""],
        ]
        var text = ""
        if format != .csv { text += "\(w.function), \(w.month)\n\n" }
        text += TextTable(headers: ["", "baseline", "variant", "delta"], alignments: [.left, .right, .right, .right], rows: rows).render(format)
        if format != .csv {
            for p in v.problems { text += "problem: \(p.message)\n" }
            if !w.assumptions.isEmpty { text += "\nAssumptions:\n" + w.assumptions.map { "- \($0)\n" }.joined() }
        }
        return text
    }
}
