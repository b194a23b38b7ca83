import LambdaCostCore
import LambdaCostModel
import LambdaCostPricing

/// Prices the model's variants with the real cost engine: each variant is priced as the
/// function's marginal cost at its account's tier, with the rest of the account's usage held as
/// measured (BRIEF §6), free tier excluded.
struct ModelPricing {
    let engine: CostEngine
    let month: Month
    /// Measured usage of every function of the month (for the account's tier position).
    private var measured: [FunctionIdentity: [FunctionUsage]] = [:]
    private var totals: [TotalKey: FunctionUsage] = [:]

    private struct TotalKey: Hashable {
        var account: String
        var region: String
        var arch: Architecture
    }

    init(engine: CostEngine, month: Month, measured usages: [FunctionUsage]) {
        self.engine = engine
        self.month = month
        for u in usages {
            measured[u.identity, default: []].append(u)
            let key = TotalKey(account: u.identity.account, region: u.identity.region, arch: u.architecture)
            var t = totals[key] ?? FunctionUsage(identity: Self.restIdentity(key), architecture: u.architecture)
            t.requests += u.requests
            t.onDemandGBSeconds += u.onDemandGBSeconds
            t.provisionedConfiguredGBSeconds += u.provisionedConfiguredGBSeconds
            t.provisionedDurationGBSeconds += u.provisionedDurationGBSeconds
            totals[key] = t
        }
    }

    private static func restIdentity(_ key: TotalKey) -> FunctionIdentity {
        FunctionIdentity(account: key.account, region: key.region, name: "\u{1}rest-of-account-\(key.arch.rawValue)")
    }

    /// The pricing closure the recommender takes, for one function.
    func closure(for identity: FunctionIdentity) -> Recommender.Pricing {
        { usage, arch in
            (try? self.cost(usage, arch: arch, identity: identity)) ?? CostBreakdown()
        }
    }

    /// The marginal cost of a variant's usage.
    func cost(_ v: VariantUsage, arch: Architecture, identity: FunctionIdentity) throws -> CostBreakdown {
        var u = FunctionUsage(identity: identity, architecture: arch)
        u.requests = v.requests
        u.onDemandGBSeconds = v.onDemandGBSeconds
        u.provisionedConfiguredGBSeconds = v.provisionedConfiguredGBSeconds
        u.provisionedDurationGBSeconds = v.durationOnProvisionedGBSeconds
        u.ephemeralExtraGBSeconds = v.ephemeralStorageGBSeconds
        u.logIngestBytes = v.logIngestBytes
        u.logStorageGBMonths = v.logStoredGBMonths
        // The rest of the account: its totals less this function's own measured usage.
        var rest: [FunctionUsage] = []
        for (key, total) in totals where key.account == identity.account && key.region == identity.region {
            var r = total
            for own in measured[identity] ?? [] where own.architecture == key.arch {
                r.requests -= own.requests
                r.onDemandGBSeconds -= own.onDemandGBSeconds
                r.provisionedConfiguredGBSeconds -= own.provisionedConfiguredGBSeconds
                r.provisionedDurationGBSeconds -= own.provisionedDurationGBSeconds
            }
            if r.requests > 0 || r.onDemandGBSeconds > 0 || r.provisionedConfiguredGBSeconds > 0 { rest.append(r) }
        }
        let priced = try engine.price(month: month, usages: [u] + rest, applyFreeTier: false)
        return priced.perFunction[identity] ?? CostBreakdown()
    }
}
