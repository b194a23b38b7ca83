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
        let all = try WorkloadProfileBuilder(store: store, month: month).build()
        let measured = all.map { built -> FunctionUsage in
            var u = FunctionUsage(identity: built.profile.function, architecture: built.profile.configuration.arch)
            u.requests = Double(built.profile.invocations)
            let mbMs = built.profile.samples.reduce(0.0) { $0 + Double($1.billedMsSum) * Double($1.memoryMB) }
            u.onDemandGBSeconds = mbMs / 1000 / 1024
            return u
        }
        let profiles = functionName.map { name in all.filter { $0.profile.function.name == name } } ?? all
        if let functionName, profiles.isEmpty {
            throw LambdaCostError.missingInput(path: databasePath, reason: "no invocation data for function '\(functionName)' in \(month)")
        }
        var options = baseOptions
        options.billing = BilledDurationRule(initBilled: catalog.rules(for: month).initBilled)
        return MonthAnalysis(
            month: month, profiles: profiles, pricing: ModelPricing(engine: CostEngine(catalog: catalog), month: month, measured: measured),
            options: options, catalog: catalog)
    }
}
