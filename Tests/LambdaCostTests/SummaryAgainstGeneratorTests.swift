import Foundation
import Testing
@testable import LambdaCostCLI
import LambdaCostCore
import LambdaCostGenerator

/// The summary's numbers against the generator's own ground truth for a generated month.
@Suite struct SummaryAgainstGeneratorTests {
    @Test func summaryMatchesGeneratorTruth() throws {
        let dir = TemporaryDirectory()
        let month = Month(year: 2026, month: 11)
        let truth = try DemoDataset.write(to: dir.url.appendingPathComponent("exports"), scenario: .standard.scaled(by: 0.2), month: month, seed: 7)
        let db = dir.path("db.sqlite")
        let logs = truth.files.filter { $0.hasPrefix("logs/") }.map { dir.url.appendingPathComponent("exports/\($0)").path }
        #expect(logs.count == truth.functions.count)
        let ingest = runCLI(["ingest"] + logs, db: db)
        #expect(ingest.code == 0, "\(ingest.stderr)")
        let summary = runCLI(["summary", "--month", month.description, "--format", "json"], db: db)
        #expect(summary.code == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(summary.stdout.utf8)) as? [String: Any])
        let functions = try #require(json["functions"] as? [[String: Any]])
        #expect(functions.count == truth.functions.count)
        for f in functions {
            let name = try #require(f["function"] as? String)
            let t = try #require(truth[name])
            #expect(f["invocations"] as? Int == t.invocations, "\(name) invocations")
            #expect(f["cold_starts"] as? Int == t.coldStarts, "\(name) cold starts")
            #expect(f["max_memory_used_mb"] as? Int == t.maxMemoryUsedMB, "\(name) max memory")
            #expect(f["timeouts"] as? Int == t.timeouts, "\(name) timeouts")
            let gbs = try #require(f["billed_gb_seconds"] as? Double)
            #expect(abs(gbs - Double(t.billedMBMilliseconds) / 1000 / 1024) <= 1e-9 * max(1, gbs), "\(name) GB-s")
            let duration = try #require(f["duration_ms"] as? [String: Double])
            #expect(abs((duration["mean"] ?? 0) - Double(t.durationCenti) / 100 / Double(t.invocations)) < 1e-6, "\(name) mean")
            #expect(f["memory_mb"] as? [Int] == t.perMemory.map(\.memoryMB).sorted(), "\(name) memory sizes")
        }
        // Re-ingesting changes nothing.
        let again = runCLI(["ingest"] + logs, db: db)
        #expect(again.code == 0 && again.stdout.components(separatedBy: "already ingested").count == logs.count + 1)
        #expect(runCLI(["summary", "--month", month.description, "--format", "json"], db: db).stdout == summary.stdout)
    }
}
