import Foundation
import Testing
@testable import LambdaCostStore
import LambdaCostCore

@Suite struct StoreTests {
    @Test func migratesToCurrentVersionAndReopens() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.path("db.sqlite"))
        #expect(store.schemaVersion == Schema.currentVersion)
        let again = try Store(path: dir.path("db.sqlite"))
        #expect(again.schemaVersion == Schema.currentVersion)
        #expect(try again.database.scalarInt("SELECT COUNT(*) FROM sqlite_master WHERE name = 'invocation_hours'") == 1)
    }

    @Test func refusesANewerSchema() throws {
        let dir = TemporaryDirectory()
        do {
            let db = try Database(path: dir.path("db.sqlite"))
            try db.setUserVersion(99)
        }
        #expect(throws: LambdaCostError.self) { _ = try Store(path: dir.path("db.sqlite")) }
    }

    @Test func invocationHourRoundTrip() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.path("db.sqlite"))
        var h = InvocationHour(hour: 500_000, memoryMB: 512, arch: .arm64)
        h.invocations = 3
        h.billedMs = 330
        h.durationCentiMs = 32_000
        h.durationMaxCentiMs = 20_000
        for v in [100.0, 20.0, 200.0] { h.durations.add(v) }
        h.coldStarts = 1
        h.initCentiMs = 18_037
        h.initDurations.add(180.37)
        h.maxMemoryUsedMB = 90
        for v in [80, 85, 90] { h.memoryUsed.add(v) }
        h.errors = 1
        let fid = try store.functionID(FunctionIdentity(account: "1", region: "us-east-1", name: "f"))
        try store.inTransaction {
            let sid = try store.insertSource(SourceRecord(path: "p", contentHash: "h", format: "report-text", sizeBytes: 1, ingestedAt: "t"))
            try store.insertInvocationHour(h, functionID: fid, sourceID: sid)
        }
        let read = try store.invocationHours(fromHour: 499_999, toHour: 500_001)
        #expect(read[fid] == [h])
    }

    @Test func transactionRollsBackOnError() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.path("db.sqlite"))
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try store.inTransaction {
                _ = try store.insertSource(SourceRecord(path: "p", contentHash: "h", format: "f", sizeBytes: 1, ingestedAt: "t"))
                throw Boom()
            }
        }
        #expect(try store.sources().isEmpty)
    }

    @Test func databaseErrorsCarrySQLiteCodeAndMessage() throws {
        let dir = TemporaryDirectory()
        let db = try Database(path: dir.path("db.sqlite"))
        try db.execute("CREATE TABLE t (k TEXT UNIQUE)")
        try db.run("INSERT INTO t VALUES ('a')")
        do {
            try db.run("INSERT INTO t VALUES ('a')")
            Issue.record("duplicate insert succeeded")
        } catch let e as DatabaseError {
            #expect(e.code == 2067)  // SQLITE_CONSTRAINT_UNIQUE
            #expect(e.message.contains("UNIQUE"))
            #expect(e.sql?.contains("INSERT") == true)
        }
        #expect(throws: DatabaseError.self) { _ = try db.statement("SELECT 1; SELECT 2") }
    }
}

@Suite struct StoreMigrationTests {
    /// A version-1 database (no monthly roll-ups) migrates to version 2 with roll-ups rebuilt
    /// from its hourly rows, equal to those ingest writes.
    @Test func rollupsRebuiltOnMigrationMatchIngestedOnes() throws {
        let dir = TemporaryDirectory()
        let db = dir.path("db.sqlite")
        var lines: [String] = []
        for i in 0..<500 {
            let hour = i % 48
            let day = 1 + hour / 24
            let ts = "2026-10-0\(day)T\(hour % 24 < 10 ? "0" : "")\(hour % 24):00:\(i % 60 < 10 ? "0" : "")\(i % 60).000Z"
            let memory = i % 3 == 0 ? 1024 : 512
            lines.append("\(ts) REPORT RequestId: m-\(i)\tDuration: \(100 + i).50 ms\tBilled Duration: \(101 + i) ms\tMemory Size: \(memory) MB\tMax Memory Used: \(60 + i % 30) MB\t\(i % 7 == 0 ? "Init Duration: 150.00 ms\t" : "")")
        }
        let log = try dir.write("fn.log", lines.joined(separator: "\n"))
        #expect(runCLI(["ingest", log], db: db).code == 0)
        let month = Month(year: 2026, month: 10)
        let ingested = try Store(path: db).functionMonths(month: month)
        do {
            let raw = try Database(path: db)
            try raw.execute("DROP TABLE invocation_months")
            try raw.setUserVersion(1)
        }
        let migrated = try Store(path: db)
        #expect(migrated.schemaVersion == 2)
        let rebuilt = try migrated.functionMonths(month: month)
        #expect(rebuilt.count == 1)
        for (fid, m) in ingested {
            let r = try #require(rebuilt[fid])
            #expect(r.samples == m.samples)
            #expect(r.hourlyInvocations == m.hourlyInvocations)
            #expect(r.total.invocations == 500)
        }
    }
}
