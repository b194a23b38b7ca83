import Foundation
import Testing
@testable import LambdaCostCLI
import LambdaCostCore
import LambdaCostReport

/// A small deterministic database: REPORT lines for three functions over 2026-10 and 2026-11,
/// written by the test itself, so goldens stay small and every count is known here.
struct ReportTestData {
    let dir = TemporaryDirectory()
    var db: String { dir.path("db.sqlite") }
    /// Invocations written per function and month.
    var written: [String: [String: Int]] = [:]

    static let functions: [(name: String, memory: Int, baseMs: Int)] = [("thumbnailer", 2048, 600), ("api", 512, 40), ("cron", 256, 900)]

    init() throws {
        var paths: [String] = []
        for (fi, f) in Self.functions.enumerated() {
            var lines: [String] = []
            for (month, count) in [("2026-10", 60), ("2026-11", 100 + fi * 20)] {
                for i in 0..<count {
                    let day = i % 28 + 1
                    // 'cron' is missing on the 15th of 2026-11: the coverage section must say so.
                    if f.name == "cron", month == "2026-11", day == 15 { continue }
                    let ms = f.baseMs + (i * 37 + fi * 11) % (f.baseMs / 2 + 7)
                    let ts = "\(month)-\(day < 10 ? "0" : "")\(day)T\(String(format: "%02d", i % 24)):0\(i % 6):00.000Z"
                    var extra = i % 10 == 0 ? "Init Duration: 150.00 ms" : ""
                    if f.name == "api", i % 25 == 3 {
                        lines.append("\(ts) \(f.name)-\(month)-\(i) Task timed out after 3.00 seconds")
                        extra = ""
                    }
                    lines.append(
                        "\(ts) REPORT RequestId: \(f.name)-\(month)-\(i)\tDuration: \(ms).50 ms\tBilled Duration: \(ms + 1) ms\tMemory Size: \(f.memory) MB\tMax Memory Used: \(60 + i % 30) MB\t\(extra)"
                    )
                    written[f.name, default: [:]][month, default: 0] += 1
                }
            }
            paths.append(try dir.write("\(f.name).log", lines.joined(separator: "\n") + "\n"))
        }
        for p in paths {
            let r = runCLI(["ingest", p], db: db)
            precondition(r.code == 0, r.stderr)
        }
    }
}

/// Golden files live in the source tree so that LAMBDACOST_RECORD_GOLDEN=1 can rewrite them.
enum Golden {
    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/golden")
    }

    static func check(_ actual: String, _ name: String) throws {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["LAMBDACOST_RECORD_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(name) differs from the golden file; review and re-record with LAMBDACOST_RECORD_GOLDEN=1")
    }
}

@Suite struct ReportGoldenTests {
    @Test func markdownAndJSONMatchGoldensAndTheWrittenData() throws {
        let data = try ReportTestData()
        let out = data.dir.path("out/2026-11.md")
        let md = runCLI(["report", "--month", "2026-11", "--out", out], db: data.db)
        #expect(md.code == 0, "\(md.stderr)")
        let markdown = try String(contentsOfFile: out, encoding: .utf8)
        try Golden.check(markdown, "report-2026-11.md")
        let charts = try FileManager.default.contentsOfDirectory(atPath: data.dir.path("out/2026-11")).sorted()
        // Daily cost, then cost, p99 and duration for each of the 3 functions.
        #expect(charts.count == 1 + 3 * 3)
        #expect(charts.contains("daily-cost.svg") && charts.contains("thumbnailer-cost-vs-memory.svg"))
        for chart in charts { #expect(markdown.contains("(2026-11/\(chart))")) }

        let json = runCLI(["report", "--month", "2026-11", "--format", "json", "--out", "-"], db: data.db)
        #expect(json.code == 0)
        try Golden.check(json.stdout, "report-2026-11.json")

        // Independent checks against what the test wrote.
        let report = try JSONDecoder().decode(MonthReport.self, from: Data(json.stdout.utf8))
        for row in report.functions {
            #expect(Int(row.invocations) == data.written[row.function]?["2026-11"])
        }
        #expect(report.functions.first { $0.function == "api" }?.timeouts == 5)  // 120 lines: i = 3, 28, 53, 78, 103
        #expect(report.functions.first { $0.function == "cron" }?.daysWithoutLogs == ["2026-11-15", "2026-11-29", "2026-11-30"])  // lines cover days 1–28
        #expect(report.coverage.daysWithLogs == 28 && report.coverage.daysInMonth == 30)
        let sum = report.functions.reduce(0.0) { $0 + $1.modeledCostUSD.total }
        #expect(abs(report.headline.totalUSD - sum) < 1e-12)
        #expect(abs(report.dailyCost.reduce(0.0) { $0 + $1.costUSD } - sum) < 1e-9)
        #expect(report.dailyCost.reduce(0) { $0 + $1.invocations } == report.functions.reduce(0) { $0 + $1.invocations })
        #expect(report.headline.previousTotalUSD != nil && report.headline.previousSource == "database")
        #expect(report.recommendations.map(\.function) == report.functions.map(\.function))
        #expect(markdown.contains("No billing data ingested for 2026-11"))
    }

    @Test func reportIsDeterministic() throws {
        let data = try ReportTestData()
        let a = runCLI(["report", "--month", "2026-11", "--out", "-"], db: data.db)
        let b = runCLI(["report", "--month", "2026-11", "--out", "-"], db: data.db)
        #expect(a.code == 0 && a.stdout == b.stdout && !a.stdout.isEmpty)
    }
}

@Suite struct ReportGateTests {
    @Test func gatesExitZeroOrThreeAndTheReportIsStillWritten() throws {
        let data = try ReportTestData()
        let json = runCLI(["report", "--month", "2026-11", "--format", "json", "--out", "-"], db: data.db)
        let report = try JSONDecoder().decode(MonthReport.self, from: Data(json.stdout.utf8))
        let total = report.headline.totalUSD

        let pass = runCLI(["report", "--month", "2026-11", "--out", data.dir.path("p.md"), "--fail-if-cost-above", "1000000"], db: data.db)
        #expect(pass.code == 0 && pass.stderr.isEmpty)

        let out = data.dir.path("t.md")
        let trip = runCLI(["report", "--month", "2026-11", "--out", out, "--fail-if-cost-above", "0"], db: data.db)
        #expect(trip.code == 3)
        #expect(trip.stderr == "gate --fail-if-cost-above $0.00 tripped: cost \(Display.usd(total))/month exceeds it by \(Display.usd(total))\n")
        #expect(FileManager.default.fileExists(atPath: out))

        let savings = runCLI(["report", "--month", "2026-11", "--out", "-", "--fail-if-savings-above", "0"], db: data.db)
        #expect(savings.code == (report.headline.savingsUSD.expected > 0 ? 3 : 0))
    }

    @Test func baselineIncreaseGateInPercentAndUSD() throws {
        let data = try ReportTestData()
        let json = runCLI(["report", "--month", "2026-11", "--format", "json", "--out", "-"], db: data.db)
        var baseline = try JSONDecoder().decode(MonthReport.self, from: Data(json.stdout.utf8))
        let total = baseline.headline.totalUSD
        baseline.month = "2026-10"
        baseline.headline.totalUSD = total / 2  // so this month is +100%
        let path = try data.dir.write("baseline.json", try JSONOutput.encode(baseline))

        let percent = runCLI(["report", "--month", "2026-11", "--out", "-", "--baseline", path, "--fail-if-cost-increase-above", "25%"], db: data.db)
        #expect(percent.code == 3)
        #expect(percent.stderr.contains("cost rose 100.0%") && percent.stderr.contains("75.0 points over"))
        #expect(percent.stdout.contains("(baseline 2026-10)"))

        let usd = runCLI(["report", "--month", "2026-11", "--out", "-", "--baseline", path, "--fail-if-cost-increase-above", "1000"], db: data.db)
        #expect(usd.code == 0)
        let quiet = runCLI(["report", "--month", "2026-11", "--out", "-", "--baseline", path, "--fail-if-cost-increase-above", "100%"], db: data.db)
        #expect(quiet.code == 0)
    }

    @Test(arguments: [
        ["--fail-if-cost-above", "12x"], ["--fail-if-cost-above", "10%"], ["--fail-if-savings-above", "-5"],
        ["--fail-if-cost-increase-above", "ten%"], ["--fail-if-cost-increase-above", "%"],
    ])
    func malformedThresholdIsAUsageError(_ gate: [String]) throws {
        let r = runCLI(["report", "--out", "-"] + gate, db: "/nonexistent/never-opened.sqlite")
        #expect(r.code == 64)
        #expect(r.stderr.contains(gate[0]))
    }

    @Test func thresholdParsing() {
        #expect(ReportGate.Threshold(parsing: "25") == .usd(25))
        #expect(ReportGate.Threshold(parsing: "12.5%") == .percent(12.5))
        #expect(ReportGate.Threshold(parsing: "1e3") == nil)
        #expect(ReportGate.Threshold(parsing: "") == nil)
    }

    @Test func stepSummaryIsAppendedAndRedacted() throws {
        let data = try ReportTestData()
        let summary = try data.dir.write("summary.md", "before\n")
        let r = runCLI(
            ["report", "--month", "2026-11", "--out", data.dir.path("r.md"), "--redact"], db: data.db,
            environment: ["GITHUB_STEP_SUMMARY": summary])
        #expect(r.code == 0)
        let text = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(text.hasPrefix("before\n# Lambda cost report — 2026-11"))
        #expect(text.contains("```mermaid") && !text.contains(".svg)"))
    }
}

@Suite struct ReportRenderingTests {
    @Test func redactorUsesStablePlaceholders() {
        var r = ReportRedactor()
        let text = "arn:aws:lambda:us-east-1:123456789012:function:api and 123456789012, 210987654321, arn:aws:lambda:us-east-1:123456789012:function:api"
        #expect(
            r.redact(text) == "arn:redacted:1 and account-1, account-2, arn:redacted:1")
        #expect(r.redact("210987654321") == "account-2")
        #expect(r.redact("1234567890123 stays") == "1234567890123 stays")
    }

    @Test func axisIsRoundAndCoversTheData() {
        func chart(_ values: [Double]) -> ChartSpec {
            ChartSpec(title: "t", xLabel: "x", yLabel: "y", seriesLabel: "s", categories: values.map { "\($0)" }, values: values, kind: .bars, format: .count)
        }
        #expect(chart([0, 7.3]).axis == (8, 2))
        #expect(chart([1720]).axis == (2000, 500))
        #expect(chart([0.068]).axis == (0.08, 0.02))
        #expect(chart([]).axis == (1, 0.2))
    }

    @Test func svgIsWellFormedAndMermaidHasOneSeries() throws {
        let spec = ChartSpec(
            title: "a <b> & c", xLabel: "memory (MB)", yLabel: "cost", seriesLabel: "cost", categories: ["128", "256", "512"],
            values: [0.5, 0.25, 0.4], kind: .line, format: .usd, highlights: [.init(index: 2, label: "current", color: "#e15759")])
        let svg = SVGChart.render(spec)
        #expect(svg.hasPrefix("<svg ") && svg.hasSuffix("</svg>\n") && svg.contains("a &lt;b&gt; &amp; c"))
        #expect(svg.components(separatedBy: "<circle").count - 1 == 3)
        let mermaid = MermaidChart.render(spec)
        #expect(mermaid.contains("x-axis \"memory (MB)\" [\"128\", \"256\", \"512 (current)\"]"))
        #expect(mermaid.contains("y-axis \"cost\" 0 --> 0.5000") && mermaid.contains("line [0.5000, 0.2500, 0.4000]"))
    }
}

@Suite struct ReportDemoTests {
    /// The committed example report must be what `demo` writes today (it is deterministic).
    @Test func committedDemoReportIsFresh() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let dir = TemporaryDirectory()
        let report = dir.path("demo.md")
        let r = runCLI(["demo", "--out", dir.path("data"), "--report", report], db: dir.path("unused.sqlite"))
        #expect(r.code == 0, "\(r.stderr)")
        let committed = root.appendingPathComponent("Reports/demo.md")
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: report)) == Data(contentsOf: committed),
            "Reports/demo.md is stale: run 'lambdacost demo' and commit Reports/demo.md and Reports/demo/")
        // The demo month's modeled cost agrees with its bill within 0.5% per function (issue 4),
        // and the seed's order-processor keeps its configuration.
        let summary = runCLI(["summary", "--format", "json"], db: dir.path("data/lambdacost.sqlite"))
        #expect(summary.code == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(summary.stdout.utf8)) as? [String: Any])
        let functions = try #require(json["functions"] as? [[String: Any]])
        #expect(functions.count == 6)
        for f in functions {
            let name = f["function"] as? String ?? "?"
            let diff = try #require(f["difference_percent"] as? Double, "\(name) has no billed cost")
            #expect(abs(diff) < 0.5, "\(name): modeled and billed differ by \(diff)%")
            if name == "order-processor" {
                let c = try #require(f["configuration"] as? [String: Any])
                #expect(c["memory_mb"] as? Int == 512 && c["timeout_s"] as? Int == 30)
                #expect(c["reserved_concurrency"] as? Int == 5 && c["log_retention_days"] as? Int == 7)
            }
        }
        let fresh = try FileManager.default.contentsOfDirectory(atPath: dir.path("demo")).sorted()
        let kept = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Reports/demo").path).sorted()
        #expect(fresh == kept)
        for name in fresh {
            #expect(
                try Data(contentsOf: URL(fileURLWithPath: dir.path("demo/\(name)")))
                    == Data(contentsOf: root.appendingPathComponent("Reports/demo/\(name)")), "Reports/demo/\(name) is stale")
        }
    }
}
