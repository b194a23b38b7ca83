import LambdaCostCore
import LambdaCostModel
import LambdaCostReport

/// `lambdacost recommend`: the best configuration per function under constraints.
enum RecommendCommand: Command {
    static let name = "recommend"
    static let summary = "Recommend memory, timeout, retention, concurrency and architecture per function."
    static let usage = """
        recommend [--function NAME | --all] [--month YYYY-MM] [--strategy cost|speed|balanced] [--weight W]
                         [--max-p99-ms X] [--max-throttle-rate R] [--max-timeout-rate R] [--min-retention-days D] [--format …]
        """
    static let discussion = """
        From the measured month, every variant's duration distribution, timeout, throttle and cold-start
        rates and cost are predicted; the recommendation is the best one under the constraints for the
        strategy (cost: cheapest; speed: fastest p99; balanced: --weight W of cost against p99, default
        0.5). Savings are a low–high range when the duration model is bounded rather than fitted.
        """
    static let options: [OptionSpec] = [
        OptionSpec("function", value: "NAME", help: "Only this function."),
        OptionSpec("all", help: "Every function with data in the month (the default)."),
        OptionSpec("month", value: "YYYY-MM", help: "Month of data (default: latest)."),
        OptionSpec("strategy", value: "cost|speed|balanced", help: "What to optimise (default cost)."),
        OptionSpec("weight", value: "W", help: "Balanced strategy: weight of cost vs p99 in [0, 1] (default 0.5)."),
        OptionSpec("max-p99-ms", value: "X", help: "Constraint: predicted p99 duration at most X ms."),
        OptionSpec("max-throttle-rate", value: "R", help: "Constraint: throttle rate at most R (fraction)."),
        OptionSpec("max-timeout-rate", value: "R", help: "Constraint: timeout rate at most R (fraction)."),
        OptionSpec("min-retention-days", value: "D", help: "Constraint: keep logs at least D days."),
        OptionSpec("no-arch-change", help: "Never recommend a different architecture."),
        OptionSpec("arm-speed-ratio", value: "R", help: "Assumed arm64 duration ÷ x86_64 duration (default 1.0)."),
        OptionSpec("account-concurrency-limit", value: "N", help: "Account concurrency limit (default 1000)."),
        OptionSpec("other-reserved-concurrency", value: "N", help: "Concurrency reserved outside these functions (default 0)."),
        OptionSpec("emit", value: "pulumi|terraform|cloudformation", help: "Print the infrastructure-as-code edits that apply the recommendations."),
        OptionSpec("format", value: "table|json|csv|md", help: "Output format (default table)."),
    ]

    /// Builds every recommendation of a month (shared with `report`).
    static func recommendations(_ analysis: MonthAnalysis, constraints: RecommendationConstraints, strategy: RecommendationStrategy, weight: Double)
        -> [Recommendation]
    {
        analysis.profiles.map { built in
            Recommender.recommend(
                profile: built.profile, constraints: constraints, strategy: strategy, weight: weight, options: analysis.options,
                price: analysis.pricing.closure(for: built.profile.function))
        }
    }

    static func run(_ a: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        try a.expectNoPositionals()
        if a.flag("all"), a.value("function") != nil {
            throw LambdaCostError.usage(message: "--all and --function exclude each other", command: name)
        }
        let format = try a.choice("format", OutputFormat.self) ?? .table
        let strategy = try a.choice("strategy", RecommendationStrategy.self) ?? .cost
        let weight = try a.double("weight", in: 0...1) ?? 0.5
        var constraints = RecommendationConstraints()
        constraints.maxP99Ms = try a.double("max-p99-ms", in: 0...900_000)
        constraints.maxThrottleRate = try a.double("max-throttle-rate", in: 0...1)
        constraints.maxTimeoutRate = try a.double("max-timeout-rate", in: 0...1)
        constraints.minRetentionDays = try a.int("min-retention-days", in: 1...3653)
        if a.flag("no-arch-change") { constraints.allowArchitectureChange = false }
        var options = SimulatorOptions()
        if let r = try a.double("arm-speed-ratio", in: 0.1...10) { options.armSpeedRatio = r }
        if let l = try a.int("account-concurrency-limit", in: 1...10_000_000) { options.accountConcurrencyLimit = l }
        if let o = try a.int("other-reserved-concurrency", in: 0...10_000_000) { options.otherReservedConcurrency = o }
        let analysis = try MonthAnalysis.load(
            store: try context.store(), catalog: try context.catalog(), month: try a.month(), functionName: a.value("function"),
            options: options, databasePath: context.databasePath)
        let recs = recommendations(analysis, constraints: constraints, strategy: strategy, weight: weight)
        let output = RecommendationsJSON(
            month: analysis.month.description, strategy: strategy.rawValue, functions: recs.map(RecommendationJSON.init),
            assumptions: analysis.profiles.flatMap(\.assumptions) + Self.modelAssumptions(options),
            prices: PricesReference(version: analysis.catalog.version, source: analysis.catalog.source))
        if let tool = try a.choice("emit", InfrastructureTool.self) {
            context.out(InfrastructureChange.render(output.functions, tool: tool))
            return 0
        }
        if format == .json {
            context.out(try JSONOutput.encode(output))
            return 0
        }
        context.out(render(output, format))
        return 0
    }

    static func modelAssumptions(_ o: SimulatorOptions) -> [String] {
        [
            "arm64 duration = x86_64 duration × \(o.armSpeedRatio) (validate on arm64 before switching).",
            "Memory floor: peak Max Memory Used × \(o.memoryHeadroom).",
            "Account concurrency limit \(o.accountConcurrencyLimit), unreserved minimum \(o.unreservedMinimum), other reserved \(o.otherReservedConcurrency).",
            "Log storage at a compression ratio of \(o.logCompressionRatio); never-expire retention costed as \(o.neverExpireCostedDays) days held.",
        ]
    }

    static func describe(_ c: ConfigurationJSON) -> String {
        var parts = ["\(c.memoryMB) MB", c.arch, "\(c.timeoutS) s"]
        parts.append("logs \(c.logRetentionDays.map { "\($0) d" } ?? "never")")
        if let r = c.reservedConcurrency { parts.append("reserved \(r)") }
        if c.provisionedConcurrency > 0 { parts.append("PC \(c.provisionedConcurrency)") }
        return parts.joined(separator: ", ")
    }

    static func render(_ o: RecommendationsJSON, _ format: OutputFormat) -> String {
        let table = TextTable(
            headers: ["function", "current", "recommended", "cost_now", "cost_new", "savings (low–high)", "p99_now_ms", "p99_new_ms"],
            alignments: [.left, .left, .left, .right, .right, .right, .right, .right],
            rows: o.functions.map { f in
                [
                    f.function, describe(f.current), f.isNoChange ? "(keep)" : describe(f.recommended), Display.usd(f.currentPrediction.costUSD.total),
                    Display.usd(f.predicted.costUSD.total),
                    "\(Display.usd(f.savingsUSD.expected)) (\(Display.usd(f.savingsUSD.low))–\(Display.usd(f.savingsUSD.high)))",
                    Display.fixed(f.currentPrediction.durationMs.p99, 1), Display.fixed(f.predicted.durationMs.p99, 1),
                ]
            })
        var text = ""
        if format != .csv { text += "Recommendations for \(o.month), strategy \(o.strategy)\n\n" }
        text += table.render(format)
        if format == .csv { return text }
        for f in o.functions where !f.reasons.isEmpty || !f.risks.isEmpty {
            text += "\n\(f.function):\n"
            for r in f.reasons { text += "  why:  \(r)\n" }
            for r in f.risks { text += "  risk: \(r)\n" }
        }
        return text
    }
}
