import Foundation
import Testing
@testable import LambdaCostIngest
@testable import LambdaCostStore
import LambdaCostCore

@Suite struct IngestReportTextTests {
    static func line(_ ts: String, _ id: String, duration: String, billed: Int, memory: Int = 512, maxUsed: Int = 80, extra: String = "") -> String {
        "\(ts) REPORT RequestId: \(id)\tDuration: \(duration) ms\tBilled Duration: \(billed) ms\tMemory Size: \(memory) MB\tMax Memory Used: \(maxUsed) MB\t\(extra)"
    }

    func invocationTotals(_ store: Store) throws -> (invocations: Int, billedMs: Int, cold: Int) {
        let row = try store.database.rows("SELECT COALESCE(SUM(invocations),0), COALESCE(SUM(billed_ms),0), COALESCE(SUM(cold_starts),0) FROM invocation_hours") {
            ($0.int(0), $0.int(1), $0.int(2))
        }
        return row[0]
    }

    @Test func timestampedExportIngestsIntoHoursAndIsIdempotent() throws {
        let dir = TemporaryDirectory()
        let text = [
            "2026-10-01T10:00:00.000Z START RequestId: a-1 Version: $LATEST",
            Self.line("2026-10-01T10:00:00.100Z", "a-1", duration: "100.25", billed: 281, extra: "Init Duration: 180.37 ms"),
            "2026-10-01T10:00:00.100Z END RequestId: a-1",
            Self.line("2026-10-01T11:30:00.000Z", "a-2", duration: "20.00", billed: 20, maxUsed: 95),
            "2026-10-01T11:31:00.000Z a-3 Task timed out after 3.00 seconds",
            Self.line("2026-10-01T11:31:00.001Z", "a-3", duration: "3000.91", billed: 3000),
        ].joined(separator: "\n")
        let path = try dir.write("order-processor.log", text)
        let store = try Store(path: dir.path("db.sqlite"))
        let ingester = Ingester(store: store)
        let first = try ingester.ingest(path: path, options: IngestOptions())
        #expect(first.status == .ingested && first.rowsRead == 3 && first.rowsKept == 3)
        let totals = try invocationTotals(store)
        #expect(totals.invocations == 3 && totals.billedMs == 281 + 20 + 3000 && totals.cold == 1)
        #expect(try store.database.scalarInt("SELECT COUNT(DISTINCT hour) FROM invocation_hours") == 2)
        #expect(try store.database.scalarInt("SELECT SUM(timeouts) FROM invocation_hours") == 1)
        #expect(try store.functions().values.map(\.name) == ["order-processor"])

        let again = try ingester.ingest(path: path, options: IngestOptions())
        #expect(again.status == .alreadyIngested)
        #expect(try invocationTotals(store).invocations == 3)
        #expect(try store.sources().count == 1)
    }

    @Test func overlappingExportCountsEachRequestOnce() throws {
        let dir = TemporaryDirectory()
        let a = try dir.write("fn.log", [
            Self.line("2026-10-01T10:00:00Z", "r-1", duration: "10.00", billed: 10),
            Self.line("2026-10-01T10:05:00Z", "r-2", duration: "11.00", billed: 11),
        ].joined(separator: "\n"))
        let b = try dir.write("more/fn.log", [
            Self.line("2026-10-01T10:05:00Z", "r-2", duration: "11.00", billed: 11),
            Self.line("2026-10-01T10:05:00Z", "r-2", duration: "11.00", billed: 11),
            Self.line("2026-10-01T10:09:00Z", "r-3", duration: "12.00", billed: 12),
        ].joined(separator: "\n"))
        let store = try Store(path: dir.path("db.sqlite"))
        let ingester = Ingester(store: store)
        _ = try ingester.ingest(path: a, options: IngestOptions())
        let second = try ingester.ingest(path: b, options: IngestOptions())
        #expect(second.rowsKept == 1 && second.rowsDuplicate == 2)
        #expect(try invocationTotals(store).billedMs == 10 + 11 + 12)
    }

    @Test func malformedLineStoresNothingAndNamesFileAndLine() throws {
        let dir = TemporaryDirectory()
        let path = try dir.write("fn.log", [
            Self.line("2026-10-01T10:00:00Z", "r-1", duration: "10.00", billed: 10),
            "2026-10-01T10:00:01Z REPORT RequestId: r-2\tDuration: ten ms\tBilled Duration: 10 ms\tMemory Size: 128 MB\tMax Memory Used: 1 MB",
        ].joined(separator: "\n"))
        let store = try Store(path: dir.path("db.sqlite"))
        #expect {
            _ = try Ingester(store: store).ingest(path: path, options: IngestOptions())
        } throws: { error in
            guard case .badInput(let file, let line, let column, _, let found) = error as? LambdaCostError else { return false }
            return file == path && line == 2 && column != nil && found.contains("ten")
        }
        #expect(try store.sources().isEmpty)
        #expect(try invocationTotals(store).invocations == 0)
        #expect(try store.database.scalarInt("SELECT COUNT(*) FROM request_ids") == 0)
    }

    @Test func bareLinesNeedAMonth() throws {
        let dir = TemporaryDirectory()
        let path = try dir.write("fn.log", "REPORT RequestId: r-1\tDuration: 10.00 ms\tBilled Duration: 10 ms\tMemory Size: 128 MB\tMax Memory Used: 1 MB\n")
        let store = try Store(path: dir.path("db.sqlite"))
        #expect(throws: LambdaCostError.self) { _ = try Ingester(store: store).ingest(path: path, options: IngestOptions()) }
        let result = try Ingester(store: store).ingest(path: path, options: IngestOptions(month: Month(year: 2026, month: 10)))
        #expect(result.rowsKept == 1)
        #expect(try store.latestInvocationMonth() == Month(year: 2026, month: 10))
    }

    @Test func skipBadRowsReportsThem() throws {
        let dir = TemporaryDirectory()
        let path = try dir.write("fn.log", [
            Self.line("2026-10-01T10:00:00Z", "r-1", duration: "10.00", billed: 10),
            "2026-10-01T10:00:01Z REPORT RequestId: r-2\tDuration: 1 ms",
        ].joined(separator: "\n"))
        let store = try Store(path: dir.path("db.sqlite"))
        let r = try Ingester(store: store).ingest(path: path, options: IngestOptions(skipBadRows: true))
        #expect(r.rowsKept == 1 && r.rowsRejected == 1)
        #expect(r.warnings.first?.contains("fn.log:2") == true)
    }

    @Test func forgetRemovesASourcesFacts() throws {
        let dir = TemporaryDirectory()
        let path = try dir.write("fn.log", Self.line("2026-10-01T10:00:00Z", "r-1", duration: "10.00", billed: 10))
        let store = try Store(path: dir.path("db.sqlite"))
        let r = try Ingester(store: store).ingest(path: path, options: IngestOptions())
        #expect(try store.forget(sourceID: try #require(r.sourceID)))
        #expect(try invocationTotals(store).invocations == 0)
        #expect(try store.database.scalarInt("SELECT COUNT(*) FROM request_ids") == 0)
        // Re-ingesting after forget stores the data again.
        #expect(try Ingester(store: store).ingest(path: path, options: IngestOptions()).rowsKept == 1)
    }
}
