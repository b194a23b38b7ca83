import Foundation
import Testing
@testable import LambdaCostCLI

/// The seed stack's failed first deploy (reserved concurrency 50 pushing unreserved concurrency
/// below 100), reproduced offline by `check`.
@Suite struct CheckCommandTests {
    /// A database with the account settings fixture (limit 1000, unreserved 140) and a day of
    /// order-processor REPORT lines.
    func database(_ dir: TemporaryDirectory) throws -> String {
        let db = dir.path("db.sqlite")
        var lines: [String] = []
        for i in 0..<300 {
            let minute = i % 60
            let hour = i / 60
            let ts = "2026-11-02T\(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute):00.000Z"
            lines.append("\(ts) REPORT RequestId: req-\(i)\tDuration: \(200 + i % 50).00 ms\tBilled Duration: \(200 + i % 50) ms\tMemory Size: 512 MB\tMax Memory Used: 90 MB\t")
        }
        let log = try dir.write("order-processor.log", lines.joined(separator: "\n") + "\n")
        #expect(runCLI(["ingest", "--account", "123456789012", Fixtures.path("config/get-account-settings.json")], db: db).code == 0)
        #expect(runCLI(["ingest", "--account", "123456789012", log], db: db).code == 0)
        return db
    }

    @Test func reservingFiftyFailsWithAWSWording() throws {
        let dir = TemporaryDirectory()
        let db = try database(dir)
        let r = runCLI(["check", "--plan", Fixtures.path("plans/pulumi-preview-reserved-50.json")], db: db)
        #expect(r.code == 3)
        #expect(r.stderr.contains("Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [100]"))
        #expect(r.stdout.contains("unreserved after 90"))
    }

    @Test func reservingFivePassesAndPricesTheChange() throws {
        let dir = TemporaryDirectory()
        let db = try database(dir)
        let r = runCLI(["check", "--plan", Fixtures.path("plans/pulumi-preview-reserved-5.json"), "--format", "json"], db: db)
        #expect(r.code == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["feasible"] as? Bool == true)
        let account = try #require(json["account"] as? [String: Any])
        #expect(account["unreserved_after"] as? Int == 135)
        let functions = try #require(json["functions"] as? [[String: Any]])
        let f = try #require(functions.first)
        #expect(f["matched_by"] as? String == "logicalName")
        #expect((f["changes"] as? [String])?.contains("reserved concurrency none → 5") == true)
        let delta = try #require(f["delta"] as? [String: Any])
        #expect(delta["cost_usd"] != nil)
        let text = runCLI(["check", "--plan", Fixtures.path("plans/pulumi-preview-reserved-5.json"), "--format", "md"], db: db)
        #expect(text.code == 0 && text.stdout.contains("| order-processor-dev | create |") && text.stdout.contains("Monthly cost of the changed functions"))
    }

    @Test func costGateAndUsage() throws {
        let dir = TemporaryDirectory()
        let db = try database(dir)
        // A memory increase costs more: a gate of 0% trips (exit 3), a generous one passes.
        let plan = try dir.write(
            "plan.json",
            #"{"schema_version": 1, "kind": "lambdacost-plan", "account": "123456789012", "region": "us-east-1", "functions": [{"name": "order-processor", "memory_mb": 2048}]}"#)
        let tripped = runCLI(["check", "--plan", plan, "--fail-if-cost-increase-above", "0%"], db: db)
        #expect(tripped.code == 3)
        #expect(tripped.stderr.contains("Gate failed: cost increase"))
        #expect(runCLI(["check", "--plan", plan, "--fail-if-cost-increase-above", "1000"], db: db).code == 0)
        #expect(runCLI(["check", "--plan", plan, "--fail-if-cost-increase-above", "ten"], db: db).code == 64)
        #expect(runCLI(["check"], db: db).code == 64)
        #expect(runCLI(["check", "--plan", dir.path("missing.json")], db: db).code == 66)
        #expect(runCLI(["check", "--plan", Fixtures.path("plans/template.yaml")], db: db).code == 65)
    }

    @Test func recommendEmitsInfrastructureEdits() throws {
        let dir = TemporaryDirectory()
        let db = try database(dir)
        let json = runCLI(["recommend", "--function", "order-processor", "--format", "json"], db: db)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let f = try #require((parsed["functions"] as? [[String: Any]])?.first)
        let current = try #require(f["current"] as? [String: Any])
        let recommended = try #require(f["recommended"] as? [String: Any])
        let memoryChanges = current["memory_mb"] as? Int != recommended["memory_mb"] as? Int
        let expectations: [(String, String)] = [("pulumi", "memorySize: "), ("terraform", "memory_size = "), ("cloudformation", "MemorySize: ")]
        for (tool, property) in expectations {
            let r = runCLI(["recommend", "--function", "order-processor", "--emit", tool], db: db)
            #expect(r.code == 0)
            if memoryChanges {
                #expect(r.stdout.contains(property + (tool == "pulumi" ? "\(current["memory_mb"] as? Int ?? 0) → " : "\(recommended["memory_mb"] as? Int ?? 0)")))
            }
        }
        #expect(runCLI(["recommend", "--emit", "yaml"], db: db).code == 64)
    }
}
