import Foundation
import Testing
@testable import LambdaCostCLI

@Suite struct CLITests {
    @Test func helpForEveryCommand() {
        let dir = TemporaryDirectory()
        for command in LambdaCostTool.commands {
            let r = runCLI([command.name, "--help"], db: dir.path("db.sqlite"))
            #expect(r.code == 0)
            #expect(r.stdout.contains("Usage: lambdacost \(command.name)"))
            #expect(r.stdout.contains("--db PATH"))
            let h = runCLI(["help", command.name], db: dir.path("db.sqlite"))
            #expect(h.stdout == r.stdout)
        }
        let top = runCLI(["--help"], db: dir.path("db.sqlite"))
        #expect(top.code == 0 && top.stdout.contains("Commands:"))
        #expect(runCLI(["--version"], db: dir.path("db.sqlite")).stdout.hasPrefix("lambdacost "))
    }

    @Test func usageErrorsExit64WithHint() {
        let dir = TemporaryDirectory()
        let db = dir.path("db.sqlite")
        let unknown = runCLI(["summry"], db: db)
        #expect(unknown.code == 64)
        #expect(unknown.stderr.contains("Error: unknown command 'summry'; did you mean 'summary'?"))
        let badOption = runCLI(["summary", "--mnth", "2026-10"], db: db)
        #expect(badOption.code == 64 && badOption.stderr.contains("did you mean '--month'") && badOption.stderr.contains("lambdacost summary --help"))
        #expect(runCLI(["summary", "--month", "October"], db: db).code == 64)
        #expect(runCLI(["summary", "--format", "xml"], db: db).code == 64)
        #expect(runCLI(["ingest"], db: db).code == 64)
    }

    @Test func missingAndBadInputExitCodes() throws {
        let dir = TemporaryDirectory()
        let db = dir.path("db.sqlite")
        #expect(runCLI(["ingest", dir.path("nope.log")], db: db).code == 66)
        let bad = try dir.write("fn.log", "2026-10-01T10:00:00Z REPORT RequestId: r\tDuration: x ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 1 MB\n")
        let r = runCLI(["ingest", bad], db: db)
        #expect(r.code == 65)
        #expect(r.stderr.contains("fn.log:1:"))
        #expect(runCLI(["summary"], db: db).code == 66)
        // A database path that cannot be created is an I/O failure.
        #expect(runCLI(["summary"], db: dir.path("missing-folder/db.sqlite")).code == 74)
    }

    @Test func ingestThenSummaryJSON() throws {
        let dir = TemporaryDirectory()
        let db = dir.path("db.sqlite")
        let r = runCLI(["ingest", "--function", "devguide", "--month", "2026-10", Fixtures.path("corpus/report-lines.devguide.log")], db: db)
        #expect(r.code == 0)
        let s = runCLI(["summary", "--format", "json"], db: db)
        #expect(s.code == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(s.stdout.utf8)) as? [String: Any])
        #expect(json["schema_version"] as? Int == 1)
        #expect(json["month"] as? String == "2026-10")
        let f = try #require((json["functions"] as? [[String: Any]])?.first)
        #expect(f["invocations"] as? Int == 13)
        #expect(f["cold_starts"] as? Int == 10)
        #expect(f["max_memory_used_mb"] as? Int == 367)
        #expect(f["memory_mb"] as? [Int] == [128, 256, 512])
        // Σ billed ms × MB / 1000 / 1024 over the 13 corpus lines.
        #expect(abs((f["billed_gb_seconds"] as? Double ?? 0) - 3_447_040.0 / 1000 / 1024) < 1e-12)
        let again = runCLI(["ingest", "--function", "devguide", "--month", "2026-10", Fixtures.path("corpus/report-lines.devguide.log")], db: db)
        #expect(again.code == 0 && again.stdout.contains("already ingested"))
        #expect(runCLI(["summary", "--format", "json"], db: db).stdout == s.stdout)
    }
}
