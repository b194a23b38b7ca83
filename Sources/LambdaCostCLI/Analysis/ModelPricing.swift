import LambdaCostCore
import LambdaCostModel
import LambdaCostPricing

/// Prices the model's variants with the real cost engine: each variant is priced at the
/// function's marginal rates at its account's tier (BRIEF §6), free tier excluded.
///
/// Marginal cost is linear in each quantity at a fixed tier position, so the rates are found once
/// per account, Region and architecture (by pricing one unit of each quantity on top of the
/// account's measured usage) and a variant costs a handful of multiplications — the recommender
/// prices tens of thousands of variants for a large account.
struct ModelPricing {
    let engine: CostEngine
    let month: Month
    private let rates: [RateKey: Rates]

    private struct RateKey: Hashable {
        var account: String
        var region: String
        var arch: Architecture
    }

    /// USD per unit of each quantity of a ``VariantUsage``.
    private struct Rates {
        var request = 0.0
        var onDemandGBSecond = 0.0
        var provisionedGBSecond = 0.0
        var durationOnProvisionedGBSecond = 0.0
        var ephemeralGBSecond = 0.0
        var logIngestByte = 0.0
        var logStoredGBMonth = 0.0
    }

    init(engine: CostEngine, month: Month, measured usages: [FunctionUsage]) throws {
        self.engine = engine
        self.month = month
        var accountUsage: [RateKey: [FunctionUsage]] = [:]
        var places = Set<RateKey>()
        for u in usages {
            accountUsage[RateKey(account: u.identity.account, region: u.identity.region, arch: u.architecture), default: []].append(u)
            for arch in Architecture.allCases { places.insert(RateKey(account: u.identity.account, region: u.identity.region, arch: arch)) }
        }
        var rates: [RateKey: Rates] = [:]
        for key in places {
            // Everything the account ran in this Region sets the tier position.
            let account = usages.filter { $0.identity.account == key.account && $0.identity.region == key.region }
            rates[key] = try Self.rates(engine: engine, month: month, key: key, account: account)
        }
        self.rates = rates
    }

    private static func rates(engine: CostEngine, month: Month, key: RateKey, account: [FunctionUsage]) throws -> Rates {
        let probe = FunctionIdentity(account: key.account, region: key.region, name: "\u{1}marginal-rate-probe")
        func rate(_ quantity: Double, _ set: (inout FunctionUsage) -> Void, _ costKey: CostKey) throws -> Double {
            var u = FunctionUsage(identity: probe, architecture: key.arch)
            set(&u)
            let priced = try engine.price(month: month, usages: [u] + account, applyFreeTier: false)
            return (priced.perFunction[probe]?[costKey] ?? 0) / quantity
        }
        var r = Rates()
        r.request = try rate(1_000_000, { $0.requests = 1_000_000 }, .requests)
        r.onDemandGBSecond = try rate(1000, { $0.onDemandGBSeconds = 1000 }, .compute)
        r.provisionedGBSecond = try rate(1000, { $0.provisionedConfiguredGBSeconds = 1000 }, .provisioned)
        r.durationOnProvisionedGBSecond = try rate(1000, { $0.provisionedDurationGBSeconds = 1000 }, .provisioned)
        r.ephemeralGBSecond = try rate(1000, { $0.ephemeralExtraGBSeconds = 1000 }, .ephemeralStorage)
        r.logIngestByte = try rate(1_073_741_824, { $0.logIngestBytes = 1_073_741_824 }, .logsIngest)
        r.logStoredGBMonth = try rate(1, { $0.logStorageGBMonths = 1 }, .logsStorage)
        return r
    }

    /// The pricing closure the recommender takes, for one function.
    func closure(for identity: FunctionIdentity) -> Recommender.Pricing {
        { usage, arch in self.cost(usage, arch: arch, identity: identity) }
    }

    /// The marginal cost of a variant's usage.
    func cost(_ v: VariantUsage, arch: Architecture, identity: FunctionIdentity) -> CostBreakdown {
        guard let r = rates[RateKey(account: identity.account, region: identity.region, arch: arch)] else { return CostBreakdown() }
        var c = CostBreakdown()
        c.requests = v.requests * r.request
        c.compute = v.onDemandGBSeconds * r.onDemandGBSecond
        c.provisioned = v.provisionedConfiguredGBSeconds * r.provisionedGBSecond + v.durationOnProvisionedGBSeconds * r.durationOnProvisionedGBSecond
        c.ephemeralStorage = v.ephemeralStorageGBSeconds * r.ephemeralGBSecond
        c.logsIngest = v.logIngestBytes * r.logIngestByte
        c.logsStorage = v.logStoredGBMonths * r.logStoredGBMonth
        return c
    }
}
