import Foundation
import Testing
@testable import LambdaCostCore
@testable import LambdaCostPricing

@Suite struct PricingCatalogTests {
    @Test func bundledCatalogHasUSEast1() throws {
        let catalog = try PriceCatalog.load()
        #expect(catalog.version == "1")
        #expect(catalog.source.contains("US East"))
        let prices = try catalog.prices(region: "us-east-1")
        // BRIEF §2 list prices.
        #expect(try prices.item(.durationX86).tiers.map(\.priceUSD) == [0.0000166667, 0.0000150000, 0.0000133334])
        #expect(try prices.item(.durationArm).tiers.map(\.end) == [7_500_000_000, 18_750_000_000, nil])
        #expect(try prices.item(.requestsArm).tiers.first?.priceUSD == 0.000_000_2)
        #expect(try prices.item(.logsIngestVended).tiers.map(\.priceUSD) == [0.50, 0.25, 0.10, 0.05])
        #expect(catalog.freeTier.lambdaGBSeconds == 400_000)
    }

    @Test func regionWithoutPricesIsAnErrorNotAFallback() throws {
        let catalog = try PriceCatalog.load()
        var w = DescribedWorkload(invocations: 1000, durationMs: 100, memoryMB: 128)
        w.region = "ap-south-2"
        do {
            _ = try DescribedWorkloadCost.compute(w, catalog: catalog)
            Issue.record("expected an error")
        } catch let error as LambdaCostError {
            #expect(error.exitCode == .missingInput)
            #expect(error.description.contains("ap-south-2"))
            #expect(error.description.contains(catalog.directory.path))
        }
    }

    @Test func missingCatalogFolderIsMissingInput() throws {
        let dir = try PricingFixtures.temporaryFolder()
        #expect(throws: LambdaCostError.self) { try PriceCatalog.load(directory: dir) }
    }

    @Test(arguments: [
        ("2020-11", false, false, 100), ("2020-12", false, false, 1), ("2025-04", false, false, 1),
        ("2025-05", false, true, 1), ("2025-07", false, true, 1), ("2025-08", true, true, 1),
    ])
    func rulesFollowTheirEffectiveDates(month: String, initBilled: Bool, vended: Bool, granularity: Int) throws {
        let parsed: Month = try #require(Month(parsing: month))
        let rules = try PriceCatalog.load().rules(for: parsed)
        #expect(rules.initBilled == initBilled)
        #expect(rules.lambdaLogsVended == vended)
        #expect(rules.billingGranularityMs == granularity)
    }
}

@Suite struct PricingWorkedExampleTests {
    /// AWS Lambda pricing page, "Example 1: Mobile application backend" (quoted in BRIEF §5):
    /// 3M requests × 120 ms at 1,536 MB, x86, us-east-1 → 540,000 GB-s − 400,000 free = 140,000 ×
    /// $0.0000166667 = $2.33; (3M − 1M) × $0.20/M = $0.40; total $2.73.
    @Test func mobileBackendX86() throws {
        var w = DescribedWorkload(invocations: 3_000_000, durationMs: 120, memoryMB: 1536)
        w.freeTier = true
        let result = try DescribedWorkloadCost.compute(w, catalog: try PriceCatalog.load())
        #expect(abs(result.gbSeconds - 540_000) < 1e-6)
        #expect(Money.cents(result.costUSD.compute) == 2.33)
        #expect(Money.cents(result.costUSD.requests) == 0.40)
        #expect(Money.cents(result.costUSD.compute) + Money.cents(result.costUSD.requests) == 2.73)
        #expect(Money.cents(result.costUSD.total) == 2.73)
        // Full precision is kept: 140,000 × 0.0000166667.
        #expect(abs(result.costUSD.compute - 2.333338) < 1e-9)
    }

    /// The 100 ms-era AWS Lambda pricing page (aws.amazon.com/lambda/pricing/, stored copy), Example 1:
    /// 512 MB, 3M executions of 1 s → 1,500,000 GB-s − 400,000 free = 1,100,000 × $0.00001667 = $18.34;
    /// 2M billable requests × $0.2/M = $0.40; total $18.74. The page displayed the rate rounded to
    /// $0.00001667, so the catalog is one imported from an offer file carrying that displayed rate.
    @Test func hundredMsEraExample1() throws {
        let dir = try PricingFixtures.temporaryFolder()
        _ = try PriceListImporter.importOffer(
            file: try PricingFixtures.url("offer-lambda-page-rate-2019.made-for-test.json"), into: dir)
        let catalog = try PriceCatalog.load(directory: dir)
        var u = FunctionUsage(identity: FunctionIdentity(region: "us-east-1", name: "f"), architecture: .x86_64)
        u.requests = 3_000_000
        u.onDemandGBSeconds = 3_000_000 * 1.0 * 512 / 1024
        let priced = try CostEngine(catalog: catalog).price(
            month: Month(year: 2019, month: 6), usages: [u], applyFreeTier: true)
        #expect(Money.cents(priced.accountTotal.compute) == 18.34)
        #expect(Money.cents(priced.accountTotal.requests) == 0.40)
        #expect(Money.cents(priced.accountTotal.compute) + Money.cents(priced.accountTotal.requests) == 18.74)
        // With today's unrounded rate ($0.0000166667) the same usage is $18.33.
        let today = try CostEngine(catalog: try PriceCatalog.load()).price(month: nil, usages: [u], applyFreeTier: true)
        #expect(Money.cents(today.accountTotal.compute) == 18.33)
    }
}

@Suite struct PricingEngineTests {
    func usage(_ name: String, account: String = "111", region: String = "us-east-1", arch: Architecture = .x86_64)
        -> FunctionUsage
    {
        FunctionUsage(identity: FunctionIdentity(account: account, region: region, name: name), architecture: arch)
    }

    /// The same page's Example 2: 128 MB, 30M executions of 200 ms → 750,000 GB-s − 400,000 free
    /// = 350,000 × $0.00001667 = $5.83; (30M − 1M) × $0.20/M = $5.80; total $11.63. Through
    /// `whatif` (the described-workload path), at the page's displayed rate and at today's.
    @Test func hundredMsEraExample2ThroughWhatif() throws {
        let dir = try PricingFixtures.temporaryFolder()
        _ = try PriceListImporter.importOffer(
            file: try PricingFixtures.url("offer-lambda-page-rate-2019.made-for-test.json"), into: dir)
        for catalog in [try PriceCatalog.load(directory: dir), try PriceCatalog.load()] {
            var w = DescribedWorkload(invocations: 30_000_000, durationMs: 200, memoryMB: 128)
            w.freeTier = true
            let result = try DescribedWorkloadCost.compute(w, catalog: catalog)
            #expect(abs(result.gbSeconds - 750_000) < 1e-6)
            #expect(Money.cents(result.costUSD.compute) == 5.83)
            #expect(Money.cents(result.costUSD.requests) == 5.80)
            #expect(abs(Money.cents(result.costUSD.compute) + Money.cents(result.costUSD.requests) - 11.63) < 1e-9)
        }
    }

    @Test func tiersCountTheAccountAndPerFunctionIsMarginal() throws {
        var a = usage("a")
        a.onDemandGBSeconds = 5_000_000_000
        var b = usage("b")
        b.onDemandGBSeconds = 2_000_000_000
        var other = usage("c", account: "222")
        other.onDemandGBSeconds = 1_000_000
        let priced = try CostEngine(catalog: try PriceCatalog.load()).price(
            month: nil, usages: [a, b, other], applyFreeTier: false)
        // Account 111: 7e9 GB-s = 6e9 at tier 1 + 1e9 at tier 2.
        let expected111 = 6e9 * 0.0000166667 + 1e9 * 0.0000150000
        #expect(abs((priced.perAccount["111"]?.compute ?? 0) - expected111) < 1e-6)
        // Per function: marginal rate at the account's tier (tier 2), free tier excluded.
        #expect(abs((priced.perFunction[a.identity]?.compute ?? 0) - 5e9 * 0.0000150000) < 1e-6)
        #expect(abs((priced.perFunction[b.identity]?.compute ?? 0) - 2e9 * 0.0000150000) < 1e-6)
        // Another account is at tier 1 on its own.
        #expect(abs((priced.perFunction[other.identity]?.compute ?? 0) - 1e6 * 0.0000166667) < 1e-9)
        #expect(abs(priced.accountTotal.compute - (expected111 + 1e6 * 0.0000166667)) < 1e-6)
    }

    @Test func architecturesAndRegionsAreTieredApart() throws {
        var x = usage("x")
        x.onDemandGBSeconds = 5_000_000_000
        var y = usage("y", arch: .arm64)
        y.onDemandGBSeconds = 5_000_000_000
        let priced = try CostEngine(catalog: try PriceCatalog.load()).price(month: nil, usages: [x, y], applyFreeTier: false)
        #expect(abs(priced.accountTotal.compute - (5e9 * 0.0000166667 + 5e9 * 0.0000133334)) < 1e-6)
    }

    @Test func freeTierOncePerAccountSharedByArchitectures() throws {
        var a = usage("a")
        a.onDemandGBSeconds = 300_000
        a.requests = 600_000
        var b = usage("b", arch: .arm64)
        b.onDemandGBSeconds = 300_000
        b.requests = 600_000
        var c = usage("c", account: "222")
        c.onDemandGBSeconds = 300_000
        let priced = try CostEngine(catalog: try PriceCatalog.load()).price(
            month: nil, usages: [a, b, c], applyFreeTier: true)
        // 400,000 free GB-s go to x86 first: x86 fully free, arm pays 200,000 GB-s.
        #expect(abs((priced.perAccount["111"]?.compute ?? 0) - 200_000 * 0.0000133334) < 1e-9)
        #expect(abs((priced.perAccount["111"]?.requests ?? 0) - 200_000 * 0.0000002) < 1e-12)
        // Account 222 has its own free tier.
        #expect(priced.perAccount["222"]?.compute == 0)
        // Per-function figures exclude the free tier.
        #expect(abs((priced.perFunction[a.identity]?.compute ?? 0) - 300_000 * 0.0000166667) < 1e-9)
        #expect(priced.assumptions.contains { $0.contains("Free tier applied once per account") })
    }

    @Test func provisionedConcurrencyHasNoFreeTier() throws {
        var f = usage("pc")
        f.provisionedConfiguredGBSeconds = 1000 * 1.0 * 2 * 3600  // 1,000 × 1 GB × 2 h
        f.provisionedDurationGBSeconds = 1_200_000
        f.requests = 1_200_000
        let priced = try CostEngine(catalog: try PriceCatalog.load()).price(month: nil, usages: [f], applyFreeTier: true)
        #expect(abs(priced.accountTotal.provisioned - (7_200_000 * 0.0000041667 + 1_200_000 * 0.0000097222)) < 1e-9)
        #expect(abs(priced.accountTotal.requests - 1_200_000 * 0.0000002) < 1e-12)
    }

    @Test func lambdaLogsArePricedAsVendedLogsFromMay2025() throws {
        var f = usage("logs")
        f.logIngestBytes = 20_480 * CostEngine.bytesPerGB  // 20 TB
        let engine = CostEngine(catalog: try PriceCatalog.load())
        let april = try engine.price(month: Month(year: 2025, month: 4), usages: [f], applyFreeTier: false)
        let june = try engine.price(month: Month(year: 2025, month: 6), usages: [f], applyFreeTier: false)
        #expect(abs(april.accountTotal.logsIngest - 20_480 * 0.50) < 1e-6)
        #expect(abs(june.accountTotal.logsIngest - (10_240 * 0.50 + 10_240 * 0.25)) < 1e-6)
        // Marginal per-function rate at the account's tier is the second band.
        #expect(abs((june.perFunction[f.identity]?.logsIngest ?? 0) - 20_480 * 0.25) < 1e-6)
    }

    @Test func otherServicesAndTheirFreeTiers() throws {
        var f = usage("f")
        f.xrayTracesRecorded = 300_000
        f.xrayTracesScanned = 3_000_000
        f.sqsRequests = 2_000_000
        f.alarms = 12
        f.dashboards = 4
        f.logIngestBytes = 10 * CostEngine.bytesPerGB
        f.logClass = .infrequentAccess
        f.logStorageGBMonths = 2
        let priced = try CostEngine(catalog: try PriceCatalog.load()).price(month: nil, usages: [f], applyFreeTier: true)
        #expect(abs(priced.accountTotal.xray - (200_000 * 5.0 / 1e6 + 2_000_000 * 0.50 / 1e6)) < 1e-9)
        #expect(abs(priced.accountTotal.sqs - 1_000_000 * 0.40 / 1e6) < 1e-9)
        #expect(abs(priced.accountTotal.other - (2 * 0.10 + 1 * 3.00)) < 1e-9)
        // 5 free GB go to ingest first: 5 GB IA ingest billed, storage fully billed.
        #expect(abs(priced.accountTotal.logsIngest - 5 * 0.25) < 1e-9)
        #expect(abs(priced.accountTotal.logsStorage - 2 * 0.03) < 1e-9)
    }

    @Test func moneyRoundsHalfUpToCents() {
        #expect(Money.cents(2.333338) == 2.33)
        #expect(Money.cents(2.335) == 2.34)
        #expect(Money.cents(0.005) == 0.01)
        #expect(Money.cents(-0.005) == -0.01)
        #expect(Money.cents(18.33337) == 18.33)
        #expect(Money.format(2.333338) == "$2.33")
    }
}
