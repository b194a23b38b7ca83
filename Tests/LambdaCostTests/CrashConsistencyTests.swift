import Foundation
import Testing
import LambdaCostGenerator
@testable import LambdaCostStore

/// A killed ingest (SIGKILL mid-file) leaves the database consistent, and a re-run completes
/// with exact totals: one transaction per file, WAL journaling.
@Suite struct CrashConsistencyTests {
    static var binary: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/lambdacost").path
    }

    @Test func killedIngestLeavesAConsistentDatabase() throws {
        let binary = Self.binary
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the lambdacost executable first (swift build)")
        let dir = TemporaryDirectory()
        let db = dir.path("db.sqlite")
        let small = try BenchmarkData.writeReportLog(to: dir.url.appendingPathComponent("small"), lines: 2_000, functions: 1, seed: 1)
        let big = try BenchmarkData.writeReportLog(to: dir.url.appendingPathComponent("big"), lines: 400_000, functions: 1, seed: 2)
        let smallFile = dir.path("small/bench-fn-0.log")
        let bigFile = dir.path("big/bench-fn-0.log")
        #expect(runCLI(["ingest", "--function", "kept", smallFile], db: db).code == 0)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--db", db, "ingest", "--function", "killed", bigFile]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 0.8)
        let killedMidway = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(killedMidway, "the ingest finished before it could be killed: the file is too small for this machine")

        let store = try Store(path: db)
        #expect(try store.database.integrityCheck() == "ok")
        // Nothing of the killed file is visible; the earlier file is intact.
        #expect(try store.sources().map(\.path) == [smallFile])
        #expect(try store.database.scalarInt("SELECT SUM(invocations) FROM invocation_hours") == small.rows)

        let rerun = runCLI(["ingest", "--function", "killed", bigFile], db: db)
        #expect(rerun.code == 0, "\(rerun.stderr)")
        #expect(try store.database.scalarInt("SELECT SUM(invocations) FROM invocation_hours") == small.rows + big.rows)
        // Σ billed ms × MB over both files equals the generator's own total.
        let billed = try store.database.rows("SELECT SUM(billed_ms * memory_mb) FROM invocation_hours") { $0.int64(0) }.first ?? 0
        #expect(Double(billed) == small.total + big.total)
    }
}
