import Foundation
import Testing
@testable import LambdaCostCore
@testable import LambdaCostIngest
@testable import LambdaCostStore

/// A deliberately simple CSV split for the tests (quotes and doubled quotes, no embedded
/// newlines), independent of `CSVReader`, to compute expected sums.
func plainCSV(_ text: String) -> [[String: String]] {
    func split(_ line: Substring) -> [String] {
        let chars = Array(line)
        var fields: [String] = []
        var field = ""
        var quoted = false
        var i = 0
        while i < chars.count {
            let ch = chars[i]
            i += 1
            if ch == "\"" {
                if quoted, i < chars.count, chars[i] == "\"" {
                    field.append("\"")
                    i += 1
                } else {
                    quoted.toggle()
                }
            } else if ch == ",", !quoted {
                fields.append(field)
                field = ""
            } else {
                field.append(ch)
            }
        }
        fields.append(field)
        return fields
    }
    let lines = text.split(whereSeparator: \.isNewline).filter { !$0.isEmpty }
    let header = split(lines[0])
    return lines.dropFirst().map { line in
        Dictionary(zip(header, split(line)), uniquingKeysWith: { a, _ in a })
    }
}

func sumColumn(_ rows: [[String: String]], _ column: String) -> Double {
    rows.reduce(0) { $0 + (Double($1[column] ?? "") ?? 0) }
}

@Suite struct IngestBillingTests {
    func ingest(_ paths: [String], into db: String, options: IngestOptions = IngestOptions()) throws -> [IngestResult] {
        let store = try Store(path: db)
        return try paths.map { try Ingester(store: store).ingest(path: $0, options: options) }
    }

    func total(_ db: String, _ month: String, basis: BillCostBasis = .unblended) throws -> Double {
        try Store(path: db).billSummary(month: Month(parsing: month)!, grouping: .service, basis: basis).reduce(0) { $0 + $1.cost }
    }

    @Test(arguments: [
        ("billing/cur_legacy.csv", "cur", "lineItem/UnblendedCost", "2024-09"),
        ("billing/cur2.csv", "cur2", "line_item_unblended_cost", "2024-10"),
        ("corpus/focus_sample.csv", "focus", "BilledCost", "2024-09"),
    ])
    func everyCSVFormatIngestsAndTotalsMatchTheCostColumn(file: String, format: String, column: String, month: String) throws {
        let dir = TemporaryDirectory()
        let db = dir.path("db.sqlite")
        let results = try ingest([Fixtures.path(file)], into: db)
        #expect(results[0].format == format)
        #expect(results[0].status == .ingested)
        let rows = plainCSV(try Fixtures.text(file))
        #expect(results[0].rowsKept == rows.count)
        let expected = sumColumn(rows, column)
        #expect(abs(try total(db, month) - expected) < 1e-9)
    }

    @Test func gzipCURIngestsLikeThePlainFile() throws {
        let dir = TemporaryDirectory()
        let db = dir.path("db.sqlite")
        _ = try ingest([Fixtures.path("billing/cur_legacy.csv.gz")], into: db)
        let expected = sumColumn(plainCSV(try Fixtures.text("billing/cur_legacy.csv")), "lineItem/UnblendedCost")
        #expect(abs(try total(db, "2024-09") - expected) < 1e-9)
    }

    @Test func focusLambdaRowsKeepScrambledARNsAsResourcesAndDeriveUsageTypes() throws {
        let dir = TemporaryDirectory()
        let db = dir.path("db.sqlite")
        _ = try ingest([Fixtures.path("corpus/focus_sample.csv")], into: db)
        let store = try Store(path: db)
        let rows = plainCSV(try Fixtures.text("corpus/focus_sample.csv"))
        let lambda = rows.filter { $0["ServiceName"] == "AWS Lambda" }
        let byService = try store.billSummary(month: Month(year: 2024, month: 9), grouping: .service, basis: .unblended)
        let lambdaRow = try #require(byService.first { $0.key == "AWS Lambda" })
        #expect(abs(lambdaRow.cost - sumColumn(lambda, "BilledCost")) < 1e-12)
        let cw = rows.filter { $0["ServiceName"] == "AmazonCloudWatch" }
        #expect(abs((byService.first { $0.key == "AmazonCloudWatch" }?.cost ?? -1) - sumColumn(cw, "BilledCost")) < 1e-12)
        // Scrambled ARNs name no function: nothing is attributed.
        #expect(try store.functions().isEmpty)
        let billed = try store.billedCosts(month: Month(year: 2024, month: 9), basis: .unblended)
        #expect(billed.functions.isEmpty)
        let compute = lambda.filter { $0["ChargeDescription"]!.contains("Total Compute -") }
        #expect(abs(billed.accountLevel.compute - sumColumn(compute, "BilledCost")) < 1e-12)
        let requests = lambda.filter { $0["ChargeDescription"]!.contains("Total Requests") }
        #expect(abs(billed.accountLevel.requests - sumColumn(requests, "BilledCost")) < 1e-12)
        let ingestCW = cw.filter { $0["ChargeDescription"]!.contains("ingested") }
        #expect(abs(billed.accountLevel.logsIngest - sumColumn(ingestCW, "BilledCost")) < 1e-12)
        // Amortized is FOCUS EffectiveCost.
        #expect(abs(try total(db, "2024-09", basis: .amortized) - sumColumn(rows, "EffectiveCost")) < 1e-9)
        // FOCUS Tags are kept.
        let tagged = try store.billSummary(month: Month(year: 2024, month: 9), grouping: .tag("environment"), basis: .unblended)
        let dev = rows.filter { ($0["Tags"] ?? "").contains("\"environment\": \"dev\"") }
        #expect(abs((tagged.first { $0.key == "dev" }?.cost ?? -1) - sumColumn(dev, "BilledCost")) < 1e-9)
    }

    @Test func curMapsARNsQualifiersAndLogGroupsToFunctionsAndAmortizes() throws {
        let dir = TemporaryDirectory()
        let db = dir.path("db.sqlite")
        _ = try ingest([Fixtures.path("billing/cur_legacy.csv")], into: db)
        let store = try Store(path: db)
        let rows = plainCSV(try Fixtures.text("billing/cur_legacy.csv"))
        let month = Month(year: 2024, month: 9)
        let billed = try store.billedCosts(month: month, basis: .unblended)
        let orders = FunctionIdentity(account: "222222222222", region: "us-east-1", name: "orders")
        let thumbs = FunctionIdentity(account: "222222222222", region: "us-west-2", name: "thumbs")
        #expect(Set(billed.functions.keys) == [orders, thumbs])
        func cost(_ filter: ([String: String]) -> Bool) -> Double { sumColumn(rows.filter(filter), "lineItem/UnblendedCost") }
        let ordersCompute = cost {
            $0["lineItem/ResourceId"]!.contains(":function:orders") && $0["lineItem/UsageType"] == "Lambda-GB-Second"
        }
        #expect(abs(billed.functions[orders]!.compute - ordersCompute) < 1e-12)
        let logsIngest = cost { $0["lineItem/ResourceId"]!.hasSuffix("/aws/lambda/orders") && $0["lineItem/UsageType"] == "DataProcessing-Bytes" }
        #expect(logsIngest > 0)
        #expect(abs(billed.functions[orders]!.logsIngest - logsIngest) < 1e-12)
        #expect(abs(billed.functions[thumbs]!.provisioned - cost { $0["lineItem/UsageType"]!.contains("Provisioned") }) < 1e-12)
        // Amortized: covered usage at its effective cost, negation 0, reservation effective cost.
        var amortized = 0.0
        for r in rows {
            switch r["lineItem/LineItemType"] {
            case "SavingsPlanCoveredUsage": amortized += Double(r["savingsPlan/SavingsPlanEffectiveCost"]!)!
            case "SavingsPlanNegation": break
            case "DiscountedUsage": amortized += Double(r["reservation/EffectiveCost"]!)!
            default: amortized += Double(r["lineItem/UnblendedCost"]!)!
            }
        }
        #expect(abs(try total(db, "2024-09", basis: .amortized) - amortized) < 1e-9)
        let payments = try store.billSummary(month: month, grouping: .tag("team"), basis: .unblended)
        #expect(abs((payments.first { $0.key == "payments" }?.cost ?? -1) - cost { $0["resourceTags/user:team"] == "payments" }) < 1e-9)
    }

    @Test func costExplorerPivotSkipsTotals() throws {
        let dir = TemporaryDirectory()
        let db = dir.path("db.sqlite")
        let results = try ingest([Fixtures.path("billing/cost_explorer.csv")], into: db)
        #expect(results[0].format == "cost-explorer")
        let rows = plainCSV(try Fixtures.text("billing/cost_explorer.csv")).filter { $0["Service"] != "Service total" }
        #expect(abs(try total(db, "2024-08") - sumColumn(rows, "Total costs($)")) < 1e-9)
        let byService = try Store(path: db).billSummary(month: Month(year: 2024, month: 8), grouping: .service, basis: .unblended)
        #expect(abs((byService.first { $0.key == "AWS Lambda" }?.cost ?? -1) - sumColumn(rows, "Lambda($)")) < 1e-9)
    }

    @Test func aManifestDeliveryReplacesEarlierDataAndLooseFilesAddUp() throws {
        let dir = TemporaryDirectory()
        let db = dir.path("db.sqlite")
        let cur = Fixtures.path("billing/cur_legacy.csv")
        let oneFile = sumColumn(plainCSV(try Fixtures.text("billing/cur_legacy.csv")), "lineItem/UnblendedCost")
        _ = try ingest([cur, Fixtures.path("billing/cur_legacy.csv.gz")], into: db)
        // Loose CUR files are parts of one delivery: they add up.
        #expect(abs(try total(db, "2024-09") - 2 * oneFile) < 1e-9)
        func deliveryTotal(_ folder: String) throws -> Double {
            try ["lambdacost-report-00001.csv", "lambdacost-report-00002.csv"].reduce(0) {
                $0 + sumColumn(plainCSV(try Fixtures.text("billing/\(folder)/\($1)")), "lineItem/UnblendedCost")
            }
        }
        _ = try ingest([Fixtures.path("billing/delivery1/lambdacost-report-Manifest.json")], into: db)
        #expect(abs(try total(db, "2024-09") - deliveryTotal("delivery1")) < 1e-9)
        let second = try ingest([Fixtures.path("billing/delivery2/lambdacost-report-Manifest.json")], into: db)
        #expect(second[0].format == "cur-manifest")
        #expect(abs(try total(db, "2024-09") - deliveryTotal("delivery2")) < 1e-9)
        #expect(try deliveryTotal("delivery2") != deliveryTotal("delivery1"))
        let deliveries = try Store(path: db).database.scalarInt("SELECT COUNT(*) FROM bill_deliveries")
        #expect(deliveries == 2)
    }

    @Test func usageTypeHelpers() {
        #expect(BillService.strippingRegionPrefix("USW2-Lambda-GB-Second") == "Lambda-GB-Second")
        #expect(BillService.strippingRegionPrefix("Lambda-GB-Second") == "Lambda-GB-Second")
        #expect(BillService.strippingRegionPrefix("EU-Request") == "Request")
        #expect(BillService.costKey(service: "AWSLambda", usageType: "Global-Request") == .requests)
        #expect(BillService.costKey(service: "AWSLambda", usageType: "APN1-Lambda-Provisioned-GB-Second-ARM") == .provisioned)
        #expect(BillService.costKey(service: "AWSLambda", usageType: "Lambda-Storage-GB-Second") == .ephemeralStorage)
        #expect(BillService.costKey(service: "AmazonCloudWatch", usageType: "USE2-VendedLog-Bytes") == .logsIngest)
        #expect(BillService.architecture(usageType: "USW2-Lambda-GB-Second-ARM") == .arm64)
        #expect(BillService.canonical("Amazon Simple Queue Service") == "AWSQueueService")
    }
}
