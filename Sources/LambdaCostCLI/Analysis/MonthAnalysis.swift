import LambdaCostCore
import LambdaCostModel
import LambdaCostPricing
import LambdaCostStore

/// Everything the model needs for one month: a profile per function, the pricing closure at
/// the account's tiers, and the simulator options in force that month.
struct MonthAnalysis {
    let month: Month
    let profiles: [WorkloadProfileBuilder.Built]
    let pricing: ModelPricing
    let options: SimulatorOptions
    let catalog: PriceCatalog

    /// Loads the month (the latest with data when nil).
    /// - Throws: `.missingInput` when the database has no invocation data for it.
    static func load(
        store: Store, catalog: PriceCatalog, month requested: Month?, functionName: String? = nil,
        options baseOptions: SimulatorOptions = SimulatorOptions(), databasePath: String
    ) throws -> MonthAnalysis {
        guard let month = try requested ?? store.latestInvocationMonth() else {
            throw LambdaCostError.missingInput(path: databasePath, reason: "no invocation data: run 'lambdacost ingest' first")
        }
        // The account's measured usage (for tier positions) from totals only; profiles (with
        // histograms) only for the functions asked for.
        let functions = try store.functions()
        let facts = try MonthFacts.load(store: store, month: month)
        let totals = try store.functionMonths(month: month, histograms: false)
        let measured = totals.compactMap { fid, data -> FunctionUsage? in
            guard let identity = functions[fid] else { return nil }
            var u = FunctionUsage(identity: identity, architecture: facts.configuration(of: identity)?.arch ?? data.latestArch)
            u.requests = Double(data.total.invocations)
            u.onDemandGBSeconds = Double(data.samples.reduce(Int64(0)) { $0 + $1.billedMBMs }) / 1000 / 1024
            return u
        }
        let profiles = try WorkloadProfileBuilder(store: store, month: month).build(functionName: functionName, facts: facts)
        if let functionName, profiles.isEmpty {
            throw LambdaCostError.missingInput(path: databasePath, reason: "no invocation data for function '\(functionName)' in \(month)")
        }
        var options = baseOptions
        options.billing = BilledDurationRule(initBilled: catalog.rules(for: month).initBilled)
        return MonthAnalysis(
            month: month, profiles: profiles, pricing: try ModelPricing(engine: CostEngine(catalog: catalog), month: month, measured: measured),
            options: options, catalog: catalog)
    }
}
