import Foundation
import Testing
@testable import LambdaCostIngest
@testable import LambdaCostStore
import LambdaCostCore

@Suite struct IngestLogsTests {
    struct Totals: Equatable {
        var invocations = 0, billedMs = 0, cold = 0, errors = 0, timeouts = 0, restores = 0, billedRestoreMs = 0
    }

    static func totals(_ store: Store, function: String? = nil) throws -> Totals {
        var sql = """
            SELECT COALESCE(SUM(invocations),0), COALESCE(SUM(billed_ms),0), COALESCE(SUM(cold_starts),0), COALESCE(SUM(errors),0),
              COALESCE(SUM(timeouts),0), COALESCE(SUM(restores),0), COALESCE(SUM(billed_restore_ms),0)
            FROM invocation_hours h JOIN functions f ON f.id = h.function_id
            """
        var bindings: [SQLValue] = []
        if let function {
            sql += " WHERE f.name = ?1"
            bindings.append(.text(function))
        }
        return try store.database.rows(sql, bindings) {
            Totals(
                invocations: $0.int(0), billedMs: $0.int(1), cold: $0.int(2), errors: $0.int(3), timeouts: $0.int(4),
                restores: $0.int(5), billedRestoreMs: $0.int(6))
        }[0]
    }

    static func memorySizes(_ store: Store) throws -> [Int] {
        try store.database.rows("SELECT DISTINCT memory_mb FROM invocation_hours ORDER BY 1") { $0.int(0) }
    }

    static func ingest(_ path: String, _ options: IngestOptions = IngestOptions(), store: Store) throws -> IngestResult {
        try Ingester(store: store).ingest(path: path, options: options)
    }

    @Test(arguments: [
        ("corpus/get-log-events.csharp-logging.output.json", "get-log-events"),
        ("corpus/logs-get-log-events.output.json", "get-log-events"),
        ("corpus/logs-filter-log-events.output.json", "filter-log-events"),
        ("corpus/logs-get-query-results.output.json", "logs-insights-json"),
        ("corpus/cwlogs-subscription-data-message.decoded.json", "cwlogs-subscription"),
        ("corpus/telemetry-platform-report.example.txt", "report-json"),
        ("corpus/report-lines.devguide.log", "report-text"),
        ("logs/checkout-json.log", "report-json"),
        ("logs/insights-fields.csv", "logs-insights-csv"),
        ("logs/insights-message.csv", "logs-insights-csv"),
    ])
    func detectsFormatFromContent(file: String, format: String) throws {
        let source = try ByteSource(path: Fixtures.path(file))
        let head = try source.peek(maxBytes: FormatDetector.peekBytes)
        #expect(FormatDetector.detect(head, fileName: file)?.rawValue == format)
    }

    @Test func getLogEventsCorpusHasOneReport() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.path("db.sqlite"))
        let r = try Self.ingest(Fixtures.path("corpus/get-log-events.csharp-logging.output.json"), IngestOptions(functionName: "csharp"), store: store)
        #expect(r.format == "get-log-events")
        #expect(r.rowsRead == 1 && r.rowsKept == 1)
        // REPORT … Duration: 26.73 ms Billed Duration: 27 ms Memory Size: 128 MB
        #expect(try Self.totals(store, function: "csharp") == Totals(invocations: 1, billedMs: 27))
        #expect(try Self.memorySizes(store) == [128])
        // The event timestamp 1559763003218 ms dates the line: hour 433267.
        #expect(try store.database.scalarInt("SELECT hour FROM invocation_hours") == 1_559_763_003_218 / 3_600_000)
    }

    @Test func subscriptionMessageNamesTheFunctionFromItsLogGroup() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.path("db.sqlite"))
        let r = try Self.ingest(Fixtures.path("corpus/cwlogs-subscription-data-message.decoded.json"), store: store)
        #expect(r.format == "cwlogs-subscription" && r.rowsKept == 1)
        #expect(try store.functions().values.map(\.name) == ["echo-nodejs"])
        #expect(try Self.memorySizes(store) == [192])
        #expect(try Self.totals(store).billedMs == 47)
    }

    @Test(arguments: [
        "corpus/logs-get-log-events.output.json", "corpus/logs-filter-log-events.output.json",
        "corpus/logs-get-query-results.output.json",
    ])
    func exportsWithoutReportLinesIngestNothingWithAWarning(file: String) throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.path("db.sqlite"))
        let r = try Self.ingest(Fixtures.path(file), IngestOptions(functionName: "fn"), store: store)
        #expect(r.status == .ingested && r.rowsRead == 0 && r.rowsKept == 0)
        #expect(r.warnings.contains { $0.contains("no REPORT lines") })
        #expect(try Self.totals(store).invocations == 0)
    }

    @Test func telemetryExampleWithTrailingCommaIsBadInputAtItsLineAndColumn() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.path("db.sqlite"))
        let path = Fixtures.path("corpus/telemetry-platform-report.example.txt")
        #expect {
            try Self.ingest(path, store: store)
        } throws: { error in
            // Line 13 is the closing brace after `"requestId": "…",`; it starts at column 5.
            guard case LambdaCostError.badInput(_, 13, 5, _, _) = error as? LambdaCostError ?? .io(message: "") else { return false }
            return (error as? LambdaCostError)?.exitCode == .badInput
        }
        #expect(try store.sources().isEmpty)
        #expect(try store.database.scalarInt("SELECT COUNT(*) FROM functions") == 0)
    }

    @Test func jsonLogFormatIngestsReportRecordsWithStatusRestoreAndInitRule() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.path("db.sqlite"))
        let r = try Self.ingest(Fixtures.path("logs/checkout-json.log"), store: store)
        #expect(r.format == "report-json" && r.rowsRead == 4 && r.rowsKept == 4)
        // j-4 prints no billed duration: in 2026 init is billed, ceil(10.01 + 5.5) = 16.
        let expected = Totals(invocations: 4, billedMs: 281 + 3000 + 121 + 16, cold: 2, errors: 2, timeouts: 1, restores: 1, billedRestoreMs: 100)
        #expect(try Self.totals(store, function: "checkout-json") == expected)
    }

    @Test func billedDurationRuleFollowsTheDate() {
        let before = Timestamp.parseMillis("2025-07-31T23:59:59Z")
        let after = Timestamp.parseMillis("2025-08-01T00:00:00Z")
        let old = Timestamp.parseMillis("2019-06-05T00:00:00Z")
        #expect(BilledDurationRule.billedMs(durationCentiMs: 23717, initCentiMs: 4826, billedRestoreMs: nil, atMillis: before) == 238)
        #expect(BilledDurationRule.billedMs(durationCentiMs: 23717, initCentiMs: 4826, billedRestoreMs: nil, atMillis: after) == 286)
        #expect(BilledDurationRule.billedMs(durationCentiMs: 2673, initCentiMs: nil, billedRestoreMs: nil, atMillis: old) == 100)
        #expect(BilledDurationRule.billedMs(durationCentiMs: 2050, initCentiMs: nil, billedRestoreMs: 100, atMillis: after) == 121)
    }

    @Test func filterLogEventsUsesEventTimesTimeoutLinesAndDeduplicatesOverlap() throws {
        let dir = TemporaryDirectory()
        func event(_ ms: Int64, _ message: String) -> String {
            "{\"logStreamName\": \"2026/10/01/[$LATEST]abc\", \"timestamp\": \(ms), \"message\": \"\(message)\", \"ingestionTime\": \(ms + 5), \"eventId\": \"\(ms)\"}"
        }
        let t0: Int64 = 1_790_812_800_000  // 2026-10-01T00:00:00Z
        let report = { (id: String, d: String, b: Int) in
            "REPORT RequestId: \(id)\\tDuration: \(d) ms\\tBilled Duration: \(b) ms\\tMemory Size: 1024 MB\\tMax Memory Used: 100 MB\\t\\n"
        }
        let a = try dir.write("payments.json", "{\"events\": [" + [
            event(t0, "START RequestId: p-1 Version: $LATEST\\n"),
            event(t0 + 10, report("p-1", "5.00", 5)),
            event(t0 + 3_000, "2026-10-01T00:00:03.000Z p-2 Task timed out after 3.00 seconds\\n"),
            event(t0 + 3_001, report("p-2", "3001.00", 3000)),
        ].joined(separator: ",") + "], \"searchedLogStreams\": []}")
        let b = try dir.write("later/payments.json", "{\"events\": [" + [
            event(t0 + 3_001, report("p-2", "3001.00", 3000)),
            event(t0 + 7_200_000, report("p-3", "7.00", 7)),
        ].joined(separator: ",") + "]}")
        let store = try Store(path: dir.path("db.sqlite"))
        let first = try Self.ingest(a, store: store)
        #expect(first.format == "filter-log-events" && first.rowsKept == 2)
        let second = try Self.ingest(b, store: store)
        #expect(second.rowsRead == 2 && second.rowsKept == 1 && second.rowsDuplicate == 1)
        #expect(try Self.totals(store, function: "payments") == Totals(invocations: 3, billedMs: 3012, errors: 1, timeouts: 1))
        #expect(try store.database.scalarInt("SELECT COUNT(DISTINCT hour) FROM invocation_hours") == 2)
    }

    @Test func insightsFieldSetDeduplicatesByRowContentAndSaysSo() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.path("db.sqlite"))
        let r = try Self.ingest(Fixtures.path("logs/insights-fields.csv"), IngestOptions(functionName: "api"), store: store)
        #expect(r.format == "logs-insights-csv" && r.rowsRead == 3 && r.rowsKept == 3)
        #expect(r.warnings.contains { $0.contains("row content") })
        #expect(try Self.totals(store) == Totals(invocations: 3, billedMs: 103 + 41 + 41, cold: 2))
        #expect(try Self.memorySizes(store) == [512])
        // An overlapping export: the two identical rows again and one new row.
        let overlap = try dir.write("api2.csv", """
            @timestamp,@duration,@billedDuration,@memorySize,@maxMemoryUsed,@initDuration
            2025-07-29 20:09:03.001,40.5,41,512000000,90000000,150.2
            2025-07-29 20:09:03.001,40.5,41,512000000,90000000,150.2
            2025-07-29 20:09:09.000,9.5,10,512000000,90000000,
            """)
        let again = try Self.ingest(overlap, IngestOptions(functionName: "api"), store: store)
        #expect(again.rowsKept == 1 && again.rowsDuplicate == 2)
    }

    @Test func insightsMessageExportTakesTheFunctionFromTheLogField() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.path("db.sqlite"))
        let r = try Self.ingest(Fixtures.path("logs/insights-message.csv"), store: store)
        #expect(r.rowsRead == 2 && r.rowsKept == 2)
        #expect(try Self.totals(store, function: "billing-api") == Totals(invocations: 2, billedMs: 40, errors: 1))
    }

    @Test func insightsExportOfExactlyTenThousandRowsWarns() throws {
        let dir = TemporaryDirectory()
        var lines = ["@timestamp,@requestId,@duration,@billedDuration,@memorySize,@maxMemoryUsed"]
        for i in 0..<10_000 { lines.append("2026-10-01 00:00:\(String(format: "%02d", i % 60)).000,r-\(i),1.5,2,128,60") }
        let path = try dir.write("busy.csv", lines.joined(separator: "\n"))
        let store = try Store(path: dir.path("db.sqlite"))
        let r = try Self.ingest(path, store: store)
        #expect(r.rowsKept == 10_000)
        #expect(r.warnings.contains { $0.contains("10000") && $0.contains("cut short") })
        #expect(!r.warnings.contains { $0.contains("row content") })
    }

    @Test func getQueryResultsWithReportMessagesIngest() throws {
        let dir = TemporaryDirectory()
        let path = try dir.write("worker.json", """
            {"results": [
              [{"field": "@timestamp", "value": "2026-10-02 08:00:00.000"},
               {"field": "@message", "value": "REPORT RequestId: q-1\\tDuration: 250.00 ms\\tBilled Duration: 250 ms\\tMemory Size: 2048 MB\\tMax Memory Used: 300 MB\\tInit Duration: 400.00 ms\\t"}],
              [{"field": "@timestamp", "value": "2026-10-02 08:00:01.000"},
               {"field": "@message", "value": "REPORT RequestId: q-2\\tDuration: 50.00 ms\\tBilled Duration: 50 ms\\tMemory Size: 2048 MB\\tMax Memory Used: 310 MB\\t"}]
            ], "statistics": {"recordsMatched": 2.0}, "status": "Complete"}
            """)
        let store = try Store(path: dir.path("db.sqlite"))
        let r = try Self.ingest(path, store: store)
        #expect(r.format == "logs-insights-json" && r.rowsKept == 2)
        #expect(try Self.totals(store, function: "worker") == Totals(invocations: 2, billedMs: 300, cold: 1))
    }

    @Test func inputFormatOverridesDetection() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.path("db.sqlite"))
        let r = try Self.ingest(
            Fixtures.path("corpus/cwlogs-subscription-data-message.decoded.json"),
            IngestOptions(functionName: "forced", inputFormat: .logsSubscription), store: store)
        #expect(r.format == "cwlogs-subscription")
        // --function wins over the log group.
        #expect(try store.functions().values.map(\.name) == ["forced"])
    }
}
