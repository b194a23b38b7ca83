import Foundation
import Testing
@testable import LambdaCostCLI

@Suite struct BillCommandTests {
    @Test func jsonBillOfTheFocusSampleTotalsBilledCost() throws {
        let dir = TemporaryDirectory()
        let db = dir.path("db.sqlite")
        #expect(runCLI(["ingest", Fixtures.path("corpus/focus_sample.csv")], db: db).code == 0)
        let result = runCLI(["bill", "--month", "2024-09", "--format", "json"], db: db)
        #expect(result.code == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["schema_version"] as? Int == 1)
        #expect(json["month"] as? String == "2024-09")
        #expect(json["currency"] as? String == "USD")
        #expect(json["cost_basis"] as? String == "unblended")
        let expected = sumColumn(plainCSV(try Fixtures.text("corpus/focus_sample.csv")), "BilledCost")
        #expect(abs((json["total_usd"] as? Double ?? 0) - expected) < 1e-9)
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(abs(rows.reduce(0) { $0 + ($1["cost_usd"] as? Double ?? 0) } - expected) < 1e-9)
        let keys = Set(rows.compactMap { $0["key"] as? String })
        #expect(keys.isSuperset(of: ["AWS Lambda", "AmazonCloudWatch", "Amazon Simple Queue Service"]))
        for row in rows { #expect(Set(row.keys) == ["key", "cost_usd", "usage_amount", "unit"]) }
    }

    @Test func sameServiceKeysWhicheverFormat() throws {
        let dir = TemporaryDirectory()
        let db = dir.path("db.sqlite")
        #expect(runCLI(["ingest", Fixtures.path("billing/cur_legacy.csv")], db: db).code == 0)
        let result = runCLI(["bill", "--month", "2024-09", "--format", "csv", "--region", "us-east-1"], db: db)
        #expect(result.code == 0)
        #expect(result.stdout.contains("AWS Lambda"))
        #expect(result.stdout.contains("AmazonCloudWatch"))
        let byFunction = runCLI(["bill", "--month", "2024-09", "--by", "function", "--format", "json"], db: db)
        #expect(byFunction.stdout.contains("222222222222/us-east-1/orders"))
        #expect(runCLI(["bill", "--by", "colour"], db: db).code == 64)
    }

    static let header =
        "identity/LineItemId,lineItem/LineItemType,lineItem/UsageStartDate,lineItem/ProductCode,lineItem/UsageType,lineItem/UnblendedCost\n"
    static let good = "a,Usage,2024-09-01T00:00:00Z,AWSLambda,Request,1.5\n"

    @Test(arguments: [
        ("bad-quote.csv", header + good + "b,Usage,2024-09-01T00:00:00Z,AWS\"Lambda,Request,1\n", 3),
        ("short-row.csv", header + good + "b,Usage,2024-09-01T00:00:00Z,AWSLambda\n", 3),
        ("not-a-number.csv", header + good + good + "c,Usage,2024-09-01T00:00:00Z,AWSLambda,Request,abc\n", 4),
        ("bad-date.csv", header + "b,Usage,September,AWSLambda,Request,1\n", 2),
        ("wrong-header.csv", "identity/LineItemId,lineItem/UsageStartDate,lineItem/ProductCode,lineItem/Cost\n" + "a,2024-09-01,AWSLambda,1\n", 1),
    ])
    func badInputExits65WithFileAndLineAndStoresNothing(name: String, text: String, line: Int) throws {
        let dir = TemporaryDirectory()
        let db = dir.path("db.sqlite")
        #expect(runCLI(["ingest", Fixtures.path("billing/cur2.csv")], db: db).code == 0)
        let before = runCLI(["bill", "--month", "2024-10", "--format", "json"], db: db).stdout
        let path = try dir.write(name, text)
        let result = runCLI(["ingest", path], db: db)
        #expect(result.code == 65)
        #expect(result.stderr.contains("\(path):\(line)"))
        #expect(result.stderr.contains("expected"))
        #expect(runCLI(["bill", "--month", "2024-10", "--format", "json"], db: db).stdout == before)
        let sources = runCLI(["sources", "--format", "json"], db: db).stdout
        #expect(!sources.contains(name))
    }

    @Test func truncatedGzipExits65() throws {
        let dir = TemporaryDirectory()
        let db = dir.path("db.sqlite")
        let full = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("billing/cur_legacy.csv.gz")))
        let path = dir.path("cut.csv.gz")
        try full.prefix(full.count - 40).write(to: URL(fileURLWithPath: path))
        let result = runCLI(["ingest", path], db: db)
        #expect(result.code == 65)
        #expect(result.stderr.contains(path))
        // Nothing from the file was stored: no month with bill data.
        #expect(runCLI(["bill"], db: db).code == 66)
        #expect(runCLI(["sources", "--format", "json"], db: db).stdout.contains("cut.csv.gz") == false)
    }

    @Test func skipBadRowsReportsAndKeepsTheRest() throws {
        let dir = TemporaryDirectory()
        let db = dir.path("db.sqlite")
        let text = Self.header + Self.good + "b,Usage,2024-09-01T00:00:00Z,AWSLambda,Request,abc\n" + "c,Usage,2024-09-02,AWSLambda\n" + Self.good
        let path = try dir.write("mixed.csv", text)
        let result = runCLI(["ingest", "--skip-bad-rows", path], db: db)
        #expect(result.code == 0)
        #expect(result.stdout.contains("2 rejected") || result.stderr.contains("skipped 2"))
        let json = runCLI(["bill", "--month", "2024-09", "--format", "json"], db: db).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(abs((object["total_usd"] as? Double ?? 0) - 3.0) < 1e-12)
    }
}
