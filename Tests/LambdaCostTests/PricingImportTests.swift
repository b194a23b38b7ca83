import Foundation
import Testing
@testable import LambdaCostCore
@testable import LambdaCostPricing

@Suite struct PricingImportTests {
    /// The prices written in `offer-lambda-two-regions.made-for-test.json`, listed here by hand.
    static let offerPrices: [String: [String]] = [
        "duration_x86_64": ["0.0000166667", "0.000015", "0.0000133334"],
        "duration_arm64": ["0.0000133334", "0.0000120001", "0.0000106667"],
        "requests_x86_64": ["0.0000002"], "requests_arm64": ["0.0000002"],
        "provisioned_concurrency_x86_64": ["0.0000041667"], "provisioned_concurrency_arm64": ["0.0000033334"],
        "duration_provisioned_x86_64": ["0.0000097222"], "duration_provisioned_arm64": ["0.0000077778"],
        "ephemeral_storage_x86_64": ["0.0000000309"], "ephemeral_storage_arm64": ["0.0000000309"],
    ]

    @Test func roundTripImportShowSameNumbers() throws {
        let dir = try PricingFixtures.temporaryFolder()
        let summary = try PriceListImporter.importOffer(
            file: try PricingFixtures.url("offer-lambda-two-regions.made-for-test.json"), into: dir)
        #expect(summary.service == .lambda)
        #expect(summary.regions == ["us-east-1", "us-west-2"])
        #expect(summary.itemCount == 20)
        #expect(summary.ignoredProducts == 2)  // Lambda@Edge in both Regions
        #expect(summary.version == 2)  // seeded from the bundled catalog (version 1), then bumped

        let catalog = try PriceCatalog.load(directory: dir)
        #expect(catalog.regions == ["us-east-1", "us-west-2"])
        for region in ["us-east-1", "us-west-2"] {
            let table = try PricingTable(catalog: catalog, region: region)
            var shown: [String: [String]] = [:]
            for row in table.rows { shown[row.item, default: []].append(row.priceText) }
            #expect(shown == Self.offerPrices)
            #expect(table.rows.allSatisfy { $0.effectiveDate == "2026-02-01" && $0.source.contains("AWSLambda") })
            let tiers = table.rows.filter { $0.item == "duration_x86_64" }.map { [$0.tierBegin, $0.tierEnd ?? -1] }
            #expect(tiers == [[0, 6e9], [6e9, 15e9], [15e9, -1]])
        }
        #expect(try catalog.prices(region: "us-west-2").item(.durationX86).usageType == "Lambda-GB-Second")

        // The imported catalog prices the worked example exactly as the bundled one: $2.73.
        var w = DescribedWorkload(invocations: 3_000_000, durationMs: 120, memoryMB: 1536)
        w.freeTier = true
        w.region = "us-west-2"
        let imported = try DescribedWorkloadCost.compute(w, catalog: catalog)
        w.region = "us-east-1"
        let bundled = try DescribedWorkloadCost.compute(w, catalog: try PriceCatalog.load())
        #expect(imported.costUSD == bundled.costUSD)
        #expect(Money.cents(imported.costUSD.total) == 2.73)
    }

    @Test func importIsDeterministicAndKeepsOtherItems() throws {
        let offer = try PricingFixtures.url("offer-cloudwatch-eu-west-1.made-for-test.json")
        let first = try PricingFixtures.temporaryFolder()
        let second = try PricingFixtures.temporaryFolder()
        _ = try PriceListImporter.importOffer(file: offer, into: first)
        _ = try PriceListImporter.importOffer(file: offer, into: second)
        let a = try Data(contentsOf: first.appendingPathComponent("eu-west-1/cloudwatch.json"))
        let b = try Data(contentsOf: second.appendingPathComponent("eu-west-1/cloudwatch.json"))
        #expect(a == b)
        let catalog = try PriceCatalog.load(directory: first)
        let prices = try catalog.prices(region: "eu-west-1")
        #expect(try prices.item(.logsIngestVended).tiers.map(\.priceUSD) == [0.57, 0.285, 0.114, 0.057])
        #expect(try prices.item(.logsIngestStandard).usageType == "DataProcessing-Bytes")
        // A Region with CloudWatch prices but no Lambda prices: asking for Lambda is an error.
        #expect(throws: LambdaCostError.self) { try prices.item(.durationX86) }

        // A second import into the same catalog bumps the version and keeps items it does not carry.
        let lambda = try PricingFixtures.url("offer-lambda-two-regions.made-for-test.json")
        let summary = try PriceListImporter.importOffer(file: lambda, into: first)
        #expect(summary.version == 3)
        let after = try PriceCatalog.load(directory: first)
        #expect(after.regions == ["eu-west-1", "us-east-1", "us-west-2"])
        #expect(try after.prices(region: "eu-west-1").item(.alarmStandard).tiers.first?.priceUSD == 0.10)
    }

    @Test func notAnOfferFileIsBadInput() throws {
        let file = try PricingFixtures.url("not-an-offer.made-for-test.json")
        do {
            _ = try PriceListImporter.importOffer(file: file, into: try PricingFixtures.temporaryFolder())
            Issue.record("expected an error")
        } catch let error as LambdaCostError {
            #expect(error.exitCode == .badInput)
            #expect(error.description.contains("not-an-offer"))
        }
        let other = Data(#"{"offerCode":"AmazonEC2","products":{},"terms":{"OnDemand":{}}}"#.utf8)
        #expect(throws: LambdaCostError.self) { try PriceListImporter.parse(data: other, file: "ec2.json") }
        #expect(throws: LambdaCostError.self) { try PriceListImporter.parse(data: Data("nope".utf8), file: "x") }
    }

    @Test(arguments: [
        ("USW2-Lambda-GB-Second", "Lambda-GB-Second"), ("Lambda-GB-Second", "Lambda-GB-Second"),
        ("EU-Request", "Request"), ("Requests-Tier1", "Requests-Tier1"), ("APN1-VendedLog-Bytes", "VendedLog-Bytes"),
        ("XRay-TracesStored", "XRay-TracesStored"), ("USE2-CW:AlarmMonitorUsage", "CW:AlarmMonitorUsage"),
    ])
    func regionPrefixesAreStripped(usageType: String, expected: String) {
        #expect(PriceListImporter.stripRegionPrefix(usageType) == expected)
    }

    @Test func showListsEveryBandInForce() throws {
        let table = try PricingTable(catalog: try PriceCatalog.load())
        #expect(table.rows.count == 14 + 9 + 2 + 1)  // Lambda bands, CloudWatch bands, X-Ray, SQS
        #expect(table.rows.first?.cells.count == PricingTable.columns.count)
        #expect(throws: LambdaCostError.self) { try PricingTable(catalog: try PriceCatalog.load(), region: "eu-west-1") }
    }
}

@Suite struct PricingWhatIfTests {
    @Test func jsonHasExactlyTheDocumentedShape() throws {
        var w = DescribedWorkload(invocations: 1_000_000, durationMs: 50, memoryMB: 256)
        w.provisionedConcurrency = 2
        let result = try DescribedWorkloadCost.compute(w, catalog: try PriceCatalog.load())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let object = try JSONSerialization.jsonObject(with: try encoder.encode(result)) as? [String: Any]
        let json = try #require(object)
        #expect(Set(json.keys) == ["schema_version", "inputs", "cost_usd", "gb_seconds", "assumptions", "prices"])
        let inputs = try #require(json["inputs"] as? [String: Any])
        #expect(inputs["provisioned_hours"] as? Double == 730)
        #expect(inputs["log_retention_days"] is NSNull)
        #expect(inputs["arch"] as? String == "x86_64")
        #expect(inputs["free_tier"] as? Bool == false)
        #expect(inputs["ephemeral_storage_mb"] as? Int == 512)
        let cost = try #require(json["cost_usd"] as? [String: Any])
        #expect(Set(cost.keys) == Set(CostKey.allCases.map(\.rawValue)))
        let prices = try #require(json["prices"] as? [String: Any])
        #expect(prices["version"] as? String == "1")
        // 2 × 0.25 GB × 730 h of configured PC; the 12,500 GB-s of duration all run on it.
        let configured = 2 * 0.25 * 730 * 3600
        #expect(abs(result.costUSD.provisioned - (configured * 0.0000041667 + 12_500 * 0.0000097222)) < 1e-9)
        #expect(result.costUSD.compute == 0)
        #expect(result.assumptions.contains { $0.contains("Free tier not applied") })
    }

    @Test func logsXRayDLQAndEphemeralStorage() throws {
        var w = DescribedWorkload(invocations: 1_000_000, durationMs: 100, memoryMB: 1024)
        w.ephemeralStorageMB = 1536
        w.logBytesPerInvocation = 1024
        w.logRetentionDays = 30
        w.xraySampling = 0.1
        w.dlqMessages = 500
        let result = try DescribedWorkloadCost.compute(w, catalog: try PriceCatalog.load())
        let ingestGB = 1_000_000.0 * 1024 / 1_073_741_824
        #expect(abs(result.costUSD.logsIngest - ingestGB * 0.50) < 1e-12)
        let storedGB = ingestGB * 24 / 730 * 30 * 0.15
        #expect(abs(result.costUSD.logsStorage - storedGB * 0.03) < 1e-12)
        #expect(abs(result.costUSD.ephemeralStorage - 100_000 * 1.0 * 0.0000000309) < 1e-12)
        #expect(abs(result.costUSD.xray - (100_000 * 0.000005 + 100_000 * 0.0000005)) < 1e-12)
        #expect(abs(result.costUSD.sqs - 500 * 0.0000004) < 1e-15)
        #expect(result.assumptions.contains { $0.contains("compression ratio 0.15") })
    }

    @Test func badInputsAreUsageErrors() throws {
        let catalog = try PriceCatalog.load()
        var w = DescribedWorkload(invocations: 10, durationMs: 10, memoryMB: 64)
        #expect(throws: LambdaCostError.self) { try DescribedWorkloadCost.compute(w, catalog: catalog) }
        w.memoryMB = 128
        w.logRetentionDays = 2
        #expect(throws: LambdaCostError.self) { try DescribedWorkloadCost.compute(w, catalog: catalog) }
    }

    @Test func whatIfIsFast() throws {
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            var w = DescribedWorkload(invocations: 3_000_000, durationMs: 120, memoryMB: 1536)
            w.freeTier = true
            _ = try DescribedWorkloadCost.compute(w, catalog: try PriceCatalog.load())
        }
        #expect(elapsed < .milliseconds(100))
    }
}
