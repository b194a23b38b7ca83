import Foundation
import LambdaCostCore
import LambdaCostIngest
import LambdaCostModel
import LambdaCostReport
import LambdaCostStore

/// `lambdacost check --plan FILE`: judges a planned change before it deploys — account
/// concurrency feasibility in AWS's own words, and the cost and latency of each changed
/// function priced on its last measured month.
enum CheckCommand: Command {
    static let name = "check"
    static let summary = "Check a planned change (Pulumi, Terraform, CloudFormation/SAM or LambdaCost plan) before it deploys."
    static let usage = "check --plan FILE [--month YYYY-MM] [--fail-if-cost-increase-above 25|10%] [--format table|json|md]"
    static let discussion = """
        Plans: `pulumi preview --json`, `pulumi stack export`, `terraform show -json PLAN`, CloudFormation/SAM
        templates in JSON (convert YAML first), or LambdaCost's own JSON plan (see README). Reservations
        are checked against the account's concurrency limit and unreserved minimum (100): from the plan,
        else an ingested `aws lambda get-account-settings`, else --account-concurrency-limit and
        --other-reserved-concurrency. Exit 3 when the plan would fail to deploy or a gate trips.
        """
    static let options: [OptionSpec] = [
        OptionSpec("plan", value: "FILE", help: "The plan to check."),
        OptionSpec("month", value: "YYYY-MM", help: "Month of data to price changes on (default: latest)."),
        OptionSpec("account-concurrency-limit", value: "N", help: "Account concurrency limit when no settings are known (default 1000)."),
        OptionSpec("other-reserved-concurrency", value: "N", help: "Concurrency reserved by functions outside the plan (default: from account settings)."),
        OptionSpec("unreserved-minimum", value: "N", help: "Unreserved concurrency AWS keeps (default 100)."),
        OptionSpec("fail-if-cost-increase-above", value: "USD|P%", help: "Exit 3 when the plan raises monthly cost by more than this."),
        OptionSpec("format", value: "table|json|md", help: "Output format (default table; md suits a pull-request comment)."),
    ]

    static func run(_ a: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        try a.expectNoPositionals()
        guard let planPath = a.value("plan") else {
            throw LambdaCostError.usage(message: "check needs --plan FILE", command: name)
        }
        let format = try a.choice("format", OutputFormat.self) ?? .table
        let gate = try Threshold.option("fail-if-cost-increase-above", in: a)
        let store = try context.store()
        var plan = try PlanParser.parse(path: planPath)
        plan = PlanMatcher.match(plan, knownFunctions: Array(try store.functions().values).filter { !$0.name.isEmpty })
        let month = try a.month() ?? store.latestInvocationMonth()
        let analysis = try month.map {
            try MonthAnalysis.load(store: store, catalog: try context.catalog(), month: $0, databasePath: context.databasePath)
        }
        let facts = try month.map { try MonthFacts.load(store: store, month: $0) }
        let result = try evaluate(plan: plan, planPath: planPath, a: a, analysis: analysis, facts: facts, store: store)
        var report = result
        if let gate, gate.exceeded(before: result.costBeforeUSD, after: result.costAfterUSD) {
            report.gates.append(
                "cost increase \(Display.usd(result.costAfterUSD - result.costBeforeUSD))/month (\(Display.usd(result.costBeforeUSD)) → \(Display.usd(result.costAfterUSD))) is above --fail-if-cost-increase-above \(gate)")
        }
        switch format {
        case .json: context.out(try JSONOutput.encode(report))
        default: context.out(render(report, markdown: format == .md))
        }
        if !report.feasible {
            context.err("Error: the plan would not deploy: \(report.problems.first?.message ?? "infeasible")\n")
            return ExitCode.policyFailure.rawValue
        }
        if let tripped = report.gates.first {
            context.err("Gate failed: \(tripped)\n")
            return ExitCode.policyFailure.rawValue
        }
        return 0
    }

    // MARK: Evaluation

    struct Result: Encodable {
        var schemaVersion = JSONOutput.schemaVersion
        var plan: String
        var planKind: String
        var month: String?
        var account: AccountCheck
        var feasible: Bool
        var problems: [ModelProblem]
        var functions: [FunctionCheck]
        var costBeforeUSD: Double
        var costAfterUSD: Double
        var gates: [String]
        var warnings: [String]

        enum CodingKeys: String, CodingKey {
            case schemaVersion = "schema_version"
            case plan, month, account, feasible, problems, functions, gates, warnings
            case planKind = "plan_kind"
            case costBeforeUSD = "cost_before_usd"
            case costAfterUSD = "cost_after_usd"
        }
    }

    struct AccountCheck: Encodable {
        var concurrencyLimit: Int
        var unreservedMinimum: Int
        var otherReserved: Int
        var plannedReserved: Int
        var unreservedAfter: Int
        var source: String
        enum CodingKeys: String, CodingKey {
            case concurrencyLimit = "concurrency_limit"
            case unreservedMinimum = "unreserved_minimum"
            case otherReserved = "other_reserved"
            case plannedReserved = "planned_reserved"
            case unreservedAfter = "unreserved_after"
            case source
        }
    }

    struct FunctionCheck: Encodable {
        var name: String
        var operation: String
        var matchedBy: String
        var matchedFunction: String?
        var changes: [String]
        var baseline: PredictionJSON?
        var variant: PredictionJSON?
        var delta: PredictionDeltaJSON?
        var notes: [String]
        enum CodingKeys: String, CodingKey {
            case name, operation, changes, baseline, variant, delta, notes
            case matchedBy = "matched_by"
            case matchedFunction = "matched_function"
        }
    }

    static func evaluate(
        plan: InfrastructurePlan, planPath: String, a: ParsedArguments, analysis: MonthAnalysis?, facts: MonthFacts?, store: Store
    ) throws -> Result {
        let settings = facts?.accountSettings.first { s in
            (plan.region == nil || s.region == plan.region!) && (plan.account == nil || s.account.isEmpty || s.account == plan.account!)
        }
        let minimum = try a.int("unreserved-minimum", in: 0...10_000_000) ?? 100
        var source = "default account limit"
        var limit = 1000
        if let l = try a.int("account-concurrency-limit", in: 1...10_000_000) {
            limit = l
            source = "--account-concurrency-limit"
        } else if let l = plan.accountConcurrencyLimit {
            limit = l
            source = "plan"
        } else if let l = settings?.concurrencyLimit {
            limit = l
            source = "ingested account settings"
        }
        // Current reservations of the plan's functions, to take out of the account's reserved total.
        func currentReserved(_ f: PlannedFunctionChange) -> Int? {
            if let before = f.before?.reservedConcurrency.value { return before }
            guard let id = f.matchedFunction else { return nil }
            return facts?.configuration(of: id)?.reservedConcurrency
        }
        var other = 0
        if let o = try a.int("other-reserved-concurrency", in: 0...10_000_000) {
            other = o
        } else if let o = plan.otherReservedConcurrency {
            other = o
        } else if let reservedTotal = settings?.reservedConcurrency {
            other = max(0, reservedTotal - plan.functions.compactMap(currentReserved).reduce(0, +))
            if source != "--account-concurrency-limit" { source = "ingested account settings" }
        }
        var reservations: [(function: FunctionIdentity, reserved: Int?)] = []
        for f in plan.functions where f.operation != .delete {
            let identity = f.matchedFunction ?? FunctionIdentity(region: plan.region ?? "us-east-1", name: f.displayName)
            switch f.after.reservedConcurrency {
            case .value(let v): reservations.append((identity, v))
            case .unset: reservations.append((identity, nil))
            case .notSpecified: reservations.append((identity, currentReserved(f)))
            }
        }
        let problems = ConcurrencyPlanCheck.check(reservations: reservations, accountLimit: limit, unreservedMinimum: minimum, otherReserved: other)
        let planned = reservations.compactMap(\.reserved).reduce(0, +)
        var checks: [FunctionCheck] = []
        var before = 0.0
        var after = 0.0
        let profiles = Dictionary(uniqueKeysWithValues: (analysis?.profiles ?? []).map { ($0.profile.function, $0) })
        for f in plan.functions {
            var check = FunctionCheck(
                name: f.displayName, operation: f.operation.rawValue, matchedBy: f.matchedBy.rawValue,
                matchedFunction: f.matchedFunction?.description, changes: [], notes: [])
            guard let id = f.matchedFunction, let analysis, let built = profiles[id],
                let sim = Simulator(profile: built.profile, options: analysis.options)
            else {
                check.notes.append(
                    f.matchedFunction == nil
                        ? "matches no function in the database: cost not estimated"
                        : "no invocation data in \(analysis?.month.description ?? "the database"): cost not estimated")
                checks.append(check)
                continue
            }
            let base = VariantSpec(built.profile.configuration)
            var spec = base
            let s = f.after
            if let m = s.memoryMB { spec.memoryMB = m }
            if let t = s.timeoutSeconds { spec.timeoutSeconds = t }
            if let arch = s.arch { spec.arch = arch }
            if let p = s.provisionedConcurrency { spec.provisionedConcurrency = p }
            if let e = s.ephemeralStorageMB { spec.ephemeralStorageMB = e }
            switch s.reservedConcurrency {
            case .value(let v): spec.reservedConcurrency = v
            case .unset: spec.reservedConcurrency = nil
            case .notSpecified: break
            }
            switch s.logRetentionDays {
            case .value(let v): spec.logRetentionDays = v
            case .unset: spec.logRetentionDays = nil
            case .notSpecified: break
            }
            if f.operation == .delete { spec.provisionedConcurrency = 0 }
            check.changes = changes(from: base, to: spec)
            let price = analysis.pricing.closure(for: id)
            let p0 = sim.predict(base)
            let p1 = sim.predict(spec)
            let b = PredictionJSON(p0, cost: price(p0.usage, base.arch))
            var v = PredictionJSON(p1, cost: price(p1.usage, spec.arch))
            if f.operation == .delete { v.costUSD = .zero }
            // Account-level feasibility is judged once, above, with every planned reservation.
            v.problems = v.problems.filter { $0.code != "reserved_concurrency_infeasible" }
            v.feasible = v.problems.isEmpty
            check.baseline = b
            check.variant = v
            check.delta = PredictionDeltaJSON(baseline: b, variant: v)
            before += b.costUSD.total
            after += v.costUSD.total
            checks.append(check)
        }
        return Result(
            plan: planPath, planKind: plan.kind.rawValue, month: analysis?.month.description,
            account: AccountCheck(
                concurrencyLimit: limit, unreservedMinimum: minimum, otherReserved: other, plannedReserved: planned,
                unreservedAfter: limit - other - planned, source: source),
            feasible: problems.isEmpty, problems: problems, functions: checks, costBeforeUSD: before, costAfterUSD: after, gates: [],
            warnings: plan.warnings)
    }

    static func changes(from a: VariantSpec, to b: VariantSpec) -> [String] {
        var out: [String] = []
        func retention(_ d: Int?) -> String { d.map { "\($0) d" } ?? "never expire" }
        func reserved(_ r: Int?) -> String { r.map(String.init) ?? "none" }
        if a.memoryMB != b.memoryMB { out.append("memory \(a.memoryMB) → \(b.memoryMB) MB") }
        if a.timeoutSeconds != b.timeoutSeconds { out.append("timeout \(a.timeoutSeconds) → \(b.timeoutSeconds) s") }
        if a.arch != b.arch { out.append("architecture \(a.arch.rawValue) → \(b.arch.rawValue)") }
        if a.reservedConcurrency != b.reservedConcurrency { out.append("reserved concurrency \(reserved(a.reservedConcurrency)) → \(reserved(b.reservedConcurrency))") }
        if a.provisionedConcurrency != b.provisionedConcurrency { out.append("provisioned concurrency \(a.provisionedConcurrency) → \(b.provisionedConcurrency)") }
        if a.logRetentionDays != b.logRetentionDays { out.append("log retention \(retention(a.logRetentionDays)) → \(retention(b.logRetentionDays))") }
        if a.ephemeralStorageMB != b.ephemeralStorageMB { out.append("ephemeral storage \(a.ephemeralStorageMB) → \(b.ephemeralStorageMB) MB") }
        return out
    }

    // MARK: Output

    static func render(_ r: Result, markdown: Bool) -> String {
        var text = markdown ? "### LambdaCost plan check\n\n" : ""
        let verdict = r.feasible ? "deployable" : "WOULD FAIL TO DEPLOY"
        text += "\(markdown ? "**Plan:** `\(r.plan)`" : "Plan: \(r.plan)") (\(r.planKind)) — \(verdict)\n"
        let acct = r.account
        text += "Account concurrency: limit \(acct.concurrencyLimit), reserved by others \(acct.otherReserved), planned \(acct.plannedReserved), unreserved after \(acct.unreservedAfter) (minimum \(acct.unreservedMinimum); from \(acct.source))\n"
        for p in r.problems { text += (markdown ? "\n> ❌ " : "problem: ") + p.message + "\n" }
        let rows = r.functions.map { f -> [String] in
            [
                f.name, f.operation, f.changes.isEmpty ? "—" : f.changes.joined(separator: "; "),
                f.delta.map { Display.usd($0.costUSD.total) } ?? "n/a", f.delta.map { Display.fixed($0.durationMs.p99, 1) } ?? "n/a",
                f.variant.map { Display.percent($0.throttleRate, 3) } ?? "n/a", f.variant.map { Display.percent($0.timeoutRate, 3) } ?? "n/a",
            ]
        }
        text += "\n"
        text += TextTable(
            headers: ["function", "operation", "changes", "cost_delta_month", "p99_delta_ms", "throttle_rate", "timeout_rate"],
            alignments: [.left, .left, .left, .right, .right, .right, .right], rows: rows
        ).render(markdown ? .md : .table)
        text += "\nMonthly cost of the changed functions: \(Display.usd(r.costBeforeUSD)) → \(Display.usd(r.costAfterUSD))"
        text += r.month.map { " (priced on \($0))\n" } ?? " (no invocation data to price on)\n"
        let notes = r.functions.flatMap { f in f.notes.map { "\(f.name): \($0)" } } + r.warnings
        if !notes.isEmpty { text += "\n" + notes.map { "- \($0)\n" }.joined() }
        for g in r.gates { text += "\n" + (markdown ? "> ❌ gate: " : "gate failed: ") + g + "\n" }
        return text
    }
}
