import Foundation
import Testing
@testable import LambdaCostIngest
@testable import LambdaCostStore
import LambdaCostCore

@Suite struct IngestMetricsTests {
    static func ingest(_ path: String, _ options: IngestOptions = IngestOptions(), store: Store) throws -> IngestResult {
        try Ingester(store: store).ingest(path: path, options: options)
    }

    static func points(_ store: Store, function: String) throws -> [MetricPoint] {
        guard let id = try store.functions().first(where: { $0.value.name == function })?.key else { return [] }
        return try store.metricPoints(functionID: id)
    }

    static func isBadInput(_ error: any Error, mentioning words: [String]) -> Bool {
        guard let e = error as? LambdaCostError, e.exitCode == .badInput else { return false }
        let text = "\(e)"
        return words.allSatisfy { text.contains($0) }
    }

    static let oct1: Int64 = 1_790_812_800_000  // 2026-10-01T00:00:00Z

    @Test func conventionLabelsAttributeEverySeriesWithEveryTimestampForm() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.path("db.sqlite"))
        let r = try Self.ingest(Fixtures.path("metrics/convention-page1.json"), store: store)
        #expect(r.format == "metric-data" && r.rowsRead == 7 && r.rowsKept == 7)
        #expect(r.warnings.contains { $0.contains("PartialData") })
        let op = try Self.points(store, function: "order-processor")
        let invocations = op.filter { $0.metric == "Invocations" }
        #expect(invocations.map(\.timestampMs) == [Self.oct1, Self.oct1 + 3_600_000, Self.oct1 + 7_200_000])
        #expect(invocations.map(\.value) == [10, 20, 30])
        #expect(invocations.allSatisfy { $0.stat == "Sum" && $0.periodSeconds == 3600 && !$0.partial })
        let p99 = op.filter { $0.metric == "Duration" }
        #expect(p99.map(\.timestampMs) == [Self.oct1, Self.oct1 + 3_600_000])
        #expect(p99.allSatisfy { $0.stat == "p99" && $0.partial })
        let region = try Self.points(store, function: "")
        #expect(region.map(\.value) == [7, 12] && region.allSatisfy { $0.metric == "UnreservedConcurrentExecutions" && $0.periodSeconds == 60 })
    }

    @Test func samePointsInTwoFilesAreCountedOnce() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.path("db.sqlite"))
        _ = try Self.ingest(Fixtures.path("metrics/convention-page1.json"), store: store)
        // The same points, different bytes (another export run): not "already ingested", but duplicates.
        let text = try Fixtures.text("metrics/convention-page1.json").replacingOccurrences(of: "page-2", with: "other-token")
        let copy = try dir.write("again.json", text)
        let r = try Self.ingest(copy, store: store)
        #expect(r.status == .ingested && r.rowsRead == 7 && r.rowsKept == 0 && r.rowsDuplicate == 7)
        #expect(try store.database.scalarInt("SELECT COUNT(*) FROM metric_points") == 7)
    }

    @Test func metricStatisticsStoresEveryStatisticIncludingPercentiles() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.path("db.sqlite"))
        let r = try Self.ingest(Fixtures.path("metrics/duration-stats.json"), IngestOptions(functionName: "order-processor"), store: store)
        #expect(r.format == "metric-statistics" && r.rowsKept == 8)
        let points = try Self.points(store, function: "order-processor")
        #expect(Set(points.map(\.stat)) == ["SampleCount", "Average", "Maximum", "p99"])
        #expect(points.allSatisfy { $0.metric == "Duration" && $0.periodSeconds == 3600 })
        #expect(points.filter { $0.stat == "p99" }.map(\.value) == [190, 290])
    }

    @Test func metricStatisticsWithoutFunctionSaysWhichFlag() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.path("db.sqlite"))
        #expect { try Self.ingest(Fixtures.path("metrics/duration-stats.json"), store: store) } throws: {
            Self.isBadInput($0, mentioning: ["--function"])
        }
        #expect(try store.sources().isEmpty)
    }

    @Test(arguments: [
        "corpus/cloudwatch-get-metric-data.ex1-metric-math.output.json",
        "corpus/cloudwatch-get-metric-data.ex2-billing.output.json",
        "corpus/cloudwatch-get-metric-statistics.cpu-max.output.json",
    ])
    func nonLambdaCorpusMetricsAreRejectedWithTheSupportedList(file: String) throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.path("db.sqlite"))
        #expect { try Self.ingest(Fixtures.path(file), IngestOptions(functionName: "fn"), store: store) } throws: {
            Self.isBadInput($0, mentioning: ["not a Lambda metric", "Invocations", "--metric"])
        }
        #expect(try store.database.scalarInt("SELECT COUNT(*) FROM metric_points") == 0)
    }

    @Test func explicitAttributionIngestsASingleSeries() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.path("db.sqlite"))
        let r = try Self.ingest(
            Fixtures.path("corpus/cloudwatch-get-metric-data.ex2-billing.output.json"),
            IngestOptions(functionName: "fn", metric: "Invocations", period: 86_400), store: store)
        #expect(r.rowsKept == 1)
        let p = try Self.points(store, function: "fn")
        #expect(p == [MetricPoint(metric: "Invocations", stat: "Sum", periodSeconds: 86_400, timestampMs: Timestamp.parseMillis("2024-09-26T12:00:00Z")!, value: 542.38)])
    }

    @Test func severalUnattributableSeriesAreAnErrorNamingThemAndTheFlags() throws {
        let dir = TemporaryDirectory()
        let doc = """
            {"MetricDataResults": [
              {"Id": "a", "Label": "first", "Timestamps": ["2026-10-01T00:00:00Z"], "Values": [1], "StatusCode": "Complete"},
              {"Id": "b", "Label": "second", "Timestamps": ["2026-10-01T00:00:00Z"], "Values": [2], "StatusCode": "Complete"}
            ], "Messages": []}
            """
        let path = try dir.write("two.json", doc)
        let store = try Store(path: dir.path("db.sqlite"))
        #expect { try Self.ingest(path, store: store) } throws: {
            Self.isBadInput($0, mentioning: ["'a'", "first", "--function", "--metric", "lambdacost:<function>"])
        }
        #expect { try Self.ingest(path, IngestOptions(functionName: "fn", metric: "Errors"), store: store) } throws: {
            Self.isBadInput($0, mentioning: ["one series per file", "'a'", "'b'"])
        }
        #expect(try store.sources().isEmpty)
    }

    @Test func badJSONIsBadInputAtLineAndColumnAndStoresNothing() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.path("db.sqlite"))
        _ = try Self.ingest(Fixtures.path("metrics/convention-page1.json"), store: store)
        let before = try store.database.scalarInt("SELECT COUNT(*) FROM metric_points")
        let path = try dir.write("broken.json", """
            {"MetricDataResults": [
              {"Id": "m0", "Label": "lambdacost:fn:Invocations:Sum:60", "Timestamps": ["2026-11-01T00:00:00Z"], "Values": [1]},
              {"Id": "m1", "Label": "lambdacost:fn:Errors:Sum:60", "Timestamps": ["2026-11-01T00:00:00Z"] "Values": [1]}
            ]}
            """)
        #expect { try Self.ingest(path, store: store) } throws: { error in
            guard case LambdaCostError.badInput(_, 3, let column?, _, _)? = error as? LambdaCostError else { return false }
            return column == 95  // the quote of "Values", counted in the line above
        }
        #expect(try store.database.scalarInt("SELECT COUNT(*) FROM metric_points") == before)
        #expect(try store.sources().count == 1)
    }

    @Test func exportScriptPrintsConventionalQueriesThatRoundTripThroughIngest() throws {
        let dir = TemporaryDirectory()
        let db = dir.path("db.sqlite")
        let r = runCLI(["export-script", "--functions", "order-processor,img", "--region", "eu-west-1", "--month", "2026-10"], db: db)
        #expect(r.code == 0)
        #expect(r.stdout.contains("aws cloudwatch get-metric-data --region eu-west-1"))
        #expect(r.stdout.contains("--log-group-name /aws/lambda/img"))
        #expect(r.stdout.contains("--start-time 2026-10-01T00:00:00"))
        let start = try #require(r.stdout.range(of: "<<'JSON'\n"))
        let end = try #require(r.stdout.range(of: "\nJSON\n", range: start.upperBound..<r.stdout.endIndex))
        let queries = try JSONValue.parse(bytes: Array(r.stdout[start.upperBound..<end.lowerBound].utf8))
        let list = try #require(queries.arrayValue)
        #expect(list.count == 2 * ExportScript.perFunction.count + 1)
        var results: [String] = []
        for (i, q) in list.enumerated() {
            let label = try #require(q["Label"]?.stringValue)
            let parts = try #require(LambdaMetric.parse(label: label))
            #expect(parts.metric == q.value(at: ["MetricStat", "Metric", "MetricName"])?.stringValue)
            #expect(parts.stat == q.value(at: ["MetricStat", "Stat"])?.stringValue)
            #expect(q.value(at: ["MetricStat", "Period"])?.int64Value == 3600)
            let id = try #require(q["Id"]?.stringValue)
            results.append("{\"Id\": \"\(id)\", \"Label\": \"\(label)\", \"Timestamps\": [\"2026-10-01T00:00:00+00:00\"], \"Values\": [\(i)], \"StatusCode\": \"Complete\"}")
        }
        // What `aws cloudwatch get-metric-data` prints for these queries.
        let output = try dir.write("metrics-1.json", "{\"MetricDataResults\": [\(results.joined(separator: ","))], \"Messages\": []}")
        let ingested = runCLI(["ingest", "--region", "eu-west-1", output], db: db)
        #expect(ingested.code == 0, "\(ingested.stderr)")
        let store = try Store(path: db)
        #expect(try store.database.scalarInt("SELECT COUNT(*) FROM metric_points") == list.count)
        #expect(Set(try store.functions().values.map(\.name)) == ["order-processor", "img", ""])
        #expect(try store.functions().values.allSatisfy { $0.region == "eu-west-1" })
        // And the log export's file name names the function.
        let logs = try dir.write("lambdacost-2026-10/logs/img.json", """
            {"events": [{"logStreamName": "s", "timestamp": 1790812800000, "message": "REPORT RequestId: x-1\\tDuration: 1.00 ms\\tBilled Duration: 1 ms\\tMemory Size: 128 MB\\tMax Memory Used: 20 MB\\t\\n", "ingestionTime": 1790812800100, "eventId": "1"}], "searchedLogStreams": []}
            """)
        let logResult = runCLI(["ingest", "--region", "eu-west-1", logs], db: db)
        #expect(logResult.code == 0, "\(logResult.stderr)")
        #expect(try Store(path: db).database.scalarInt(
            "SELECT SUM(invocations) FROM invocation_hours h JOIN functions f ON f.id = h.function_id WHERE f.name = 'img'") == 1)
    }

    @Test func exportScriptRejectsBadArguments() {
        let dir = TemporaryDirectory()
        #expect(runCLI(["export-script", "--functions", "a b", "--month", "2026-10"], db: dir.path("db")).code == 64)
        #expect(runCLI(["export-script", "--functions", "a"], db: dir.path("db")).code == 64)
        #expect(runCLI(["export-script", "--functions", "a", "--month", "2026-10", "--period", "7"], db: dir.path("db")).code == 64)
    }

    @Test func cliIngestAttributesBySeriesFlags() {
        let dir = TemporaryDirectory()
        let r = runCLI(
            ["ingest", "--function", "fn", "--metric", "Duration", "--stat", "Maximum", "--period", "3600",
             Fixtures.path("corpus/cloudwatch-get-metric-data.ex1-metric-math.output.json")], db: dir.path("db"))
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stdout.contains("metric-data"))
        let bad = runCLI(["ingest", Fixtures.path("corpus/cloudwatch-get-metric-data.ex1-metric-math.output.json")], db: dir.path("db2"))
        #expect(bad.code == 65 && bad.stderr.contains("--metric"))
    }
}
