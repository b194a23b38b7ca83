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
