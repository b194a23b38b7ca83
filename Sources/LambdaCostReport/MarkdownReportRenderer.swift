import LambdaCostCore

/// Renders a ``MonthReport`` as Markdown: headline, cost by function and category,
/// recommendations, retention/timeout/concurrency tables and waste, reconciliation and
/// coverage, and charts (SVG links plus Mermaid blocks). Money is rounded to cents per line.
public struct MarkdownReportRenderer: Sendable {
    /// Which charts to include.
    public enum Charts: Sendable, Hashable {
        /// Every chart, as an SVG image (under `folder`, relative to the Markdown) and a Mermaid block.
        case full(folder: String)
        /// Only the daily cost chart as Mermaid (for CI step summaries).
        case compact
    }

    /// Functions shown individually in the cost table; the rest are summed.
    public var top: Int
    /// Which charts to include.
    public var charts: Charts

    /// Creates a renderer.
    public init(top: Int = 10, charts: Charts) {
        self.top = top
        self.charts = charts
    }

    /// The Markdown document.
    public func render(_ r: MonthReport) -> String {
        var s = "# Lambda cost report — \(r.month)\n\n"
        s += headline(r)
        s += costSections(r)
        s += recommendations(r)
        s += operations(r)
        s += waste(r)
        s += reconciliation(r)
        s += chartSection(r)
        return s
    }

    func headline(_ r: MonthReport) -> String {
        let h = r.headline
        var s = "**Total: \(Display.usd(h.totalUSD)) per month** modeled for the Lambda stack at list prices before the free tier "
        s += "(\(Display.usd(h.afterFreeTierUSD)) after the account's free tier).\n\n"
        s += "| | |\n|---|---:|\n"
        if let prev = h.previousTotalUSD, let change = h.changeUSD {
            let pct = h.changeFraction.map { " (\(signed(Display.percent($0, 1), $0)))" } ?? ""
            s += "| Change vs previous month (\(h.previousSource ?? "database")) | \(signedUSD(change))\(pct) from \(Display.usd(prev)) |\n"
        } else {
            s += "| Change vs previous month | no previous month ingested or given as --baseline |\n"
        }
        let changes = r.recommendations.filter { !$0.isNoChange }.count
        s += "| Potential savings | **\(Display.usd(h.savingsUSD.expected))/month** (range \(Display.usd(h.savingsUSD.low))–\(Display.usd(h.savingsUSD.high))) from \(changes) of \(r.recommendations.count) functions |\n"
        s += "| Billed | \(h.billedUSD.map(Display.usd) ?? "no billing data ingested for \(r.month)") |\n"
        for key in ["lambda", "cloudwatch_logs", "xray", "sqs", "other"] {
            s += "| \(Self.serviceNames[key] ?? key) | \(Display.usd(h.byService[key] ?? 0)) |\n"
        }
        return s + "\n"
    }

    static let serviceNames = [
        "lambda": "Lambda", "cloudwatch_logs": "CloudWatch Logs", "xray": "X-Ray", "sqs": "SQS", "other": "Other (alarms, dashboards, …)",
    ]

    func costSections(_ r: MonthReport) -> String {
        var s = "## Cost by function\n\n"
        let total = max(r.headline.totalUSD, 1e-12)
        var rows: [[String]] = []
        for f in r.functions.prefix(top) {
            let c = f.modeledCostUSD
            rows.append([
                f.function, Display.grouped(f.invocations), Display.fixed(f.durationMs.p99, 1), Display.usd(c.compute), Display.usd(c.requests),
                Display.usd(c.logsIngest + c.logsStorage), Display.usd(c.total), Display.percent(c.total / total, 1),
            ])
        }
        let rest = r.functions.dropFirst(top)
        if !rest.isEmpty {
            let c = rest.reduce(CostBreakdown.zero) { $0 + $1.modeledCostUSD }
            rows.append([
                "\(rest.count) other functions", Display.grouped(rest.reduce(0) { $0 + $1.invocations }), "", Display.usd(c.compute),
                Display.usd(c.requests), Display.usd(c.logsIngest + c.logsStorage), Display.usd(c.total), Display.percent(c.total / total, 1),
            ])
        }
        s += TextTable(
            headers: ["function", "invocations", "p99 ms", "compute", "requests", "logs", "cost/month", "share"],
            alignments: [.left, .right, .right, .right, .right, .right, .right, .right], rows: rows
        ).render(.md)
        s += "\n### By category\n\n"
        let names: [(CostKey, String)] = [
            (.compute, "compute"), (.requests, "requests"), (.provisioned, "provisioned concurrency"), (.logsIngest, "logs ingest"),
            (.logsStorage, "logs storage"), (.xray, "X-Ray"), (.sqs, "SQS"),
        ]
        var catRows = names.map { [$0.1, Display.usd(r.categories[$0.0]), Display.percent(r.categories[$0.0] / total, 1)] }
        let other = r.categories.other + r.categories.ephemeralStorage
        catRows.append(["other (incl. ephemeral storage)", Display.usd(other), Display.percent(other / total, 1)])
        s += TextTable(headers: ["category", "cost/month", "share"], alignments: [.left, .right, .right], rows: catRows).render(.md)
        return s + "\n"
    }

    func recommendations(_ r: MonthReport) -> String {
        var s = "## Recommendations\n\n"
        let rows = r.recommendations.map { f -> [String] in
            [
                f.function, Self.describe(f.current), f.isNoChange ? "(keep)" : Self.describe(f.recommended),
                "\(Display.usd(f.savingsUSD.expected)) (\(Display.usd(f.savingsUSD.low))–\(Display.usd(f.savingsUSD.high)))",
                "\(Display.fixed(f.currentPrediction.durationMs.p99, 0)) → \(Display.fixed(f.predicted.durationMs.p99, 0))",
                Self.riskLevel(f),
            ]
        }
        s += TextTable(
            headers: ["function", "current", "recommended", "savings/month (range)", "p99 ms now → new", "risk"],
            alignments: [.left, .left, .left, .right, .right, .left], rows: rows
        ).render(.md)
        s += "\nWhy, and what could make it wrong:\n\n"
        for f in r.recommendations where !f.isNoChange {
            s += "- **\(f.function)**: " + f.reasons.joined(separator: "; ") + ".\n"
            if !f.risks.isEmpty { s += "  - risks: " + f.risks.joined(separator: "; ") + ".\n" }
        }
        return s + "\n"
    }

    /// `low`, `medium` or `high`: how far the change leans on unmeasured assumptions.
    static func riskLevel(_ f: RecommendationJSON) -> String {
        if f.isNoChange { return "none" }
        if !f.constraintsMet || !f.predicted.feasible { return "high: constraints not met" }
        let rangeWidth = f.savingsUSD.high - f.savingsUSD.low
        let p99Growth = f.currentPrediction.durationMs.p99 > 0 ? f.predicted.durationMs.p99 / f.currentPrediction.durationMs.p99 : 1
        if p99Growth > 2 || rangeWidth > abs(f.savingsUSD.expected) { return "medium: p99 ×\(Display.fixed(p99Growth, 1))" }
        return p99Growth > 1.2 ? "low: p99 ×\(Display.fixed(p99Growth, 1))" : "low"
    }

    /// A configuration in a few words.
    public static func describe(_ c: ConfigurationJSON) -> String {
        var parts = ["\(c.memoryMB) MB", c.arch, "\(c.timeoutS) s", "logs \(c.logRetentionDays.map { "\($0) d" } ?? "never")"]
        if let reserved = c.reservedConcurrency { parts.append("reserved \(reserved)") }
        if c.provisionedConcurrency > 0 { parts.append("PC \(c.provisionedConcurrency)") }
        return parts.joined(separator: ", ")
    }

    func operations(_ r: MonthReport) -> String {
        var s = "## Retention, timeouts and concurrency\n\n"
        if !r.coverage.configurationIngested {
            s += "_No configuration export ingested: current settings are inferred from the logs (see Assumptions)._\n\n"
        }
        let byName = Dictionary(r.functions.map { ($0.function, $0) }, uniquingKeysWith: { a, _ in a })
        s += TextTable(
            headers: ["function", "log retention", "recommended", "logs storage now → new", "timeout", "recommended", "max observed", "timeouts"],
            alignments: [.left, .right, .right, .right, .right, .right, .right, .right],
            rows: r.recommendations.map { f in
                let row = byName[f.function]
                return [
                    f.function, Self.retention(f.current.logRetentionDays), Self.retention(f.recommended.logRetentionDays),
                    "\(Display.usd(f.currentPrediction.costUSD.logsStorage)) → \(Display.usd(f.predicted.costUSD.logsStorage))",
                    "\(f.current.timeoutS) s", "\(f.recommended.timeoutS) s", "\(Display.fixed((row?.maxDurationMs ?? 0) / 1000, 2)) s",
                    Display.grouped(row?.timeouts ?? 0),
                ]
            }
        ).render(.md)
        s += "\n"
        s += TextTable(
            headers: ["function", "reserved", "recommended", "provisioned", "observed peak", "throttles", "predicted throttle rate"],
            alignments: [.left, .right, .right, .right, .right, .right, .right],
            rows: r.recommendations.map { f in
                let row = byName[f.function]
                return [
                    f.function, f.current.reservedConcurrency.map(String.init) ?? "none", f.recommended.reservedConcurrency.map(String.init) ?? "none",
                    "\(f.current.provisionedConcurrency) → \(f.recommended.provisionedConcurrency)",
                    row?.concurrencyPeak.map(String.init) ?? "no metrics", row?.throttles.map { Display.grouped($0) } ?? "no metrics",
                    Display.percent(f.predicted.throttleRate, 3),
                ]
            }
        ).render(.md)
        let c = r.concurrency
        s += "\nAccount concurrency limit \(Display.grouped(c.accountLimit)) (\(c.unreservedMinimum) must stay unreserved): reserved \(c.reservedTotal) now, "
        s += "\(c.recommendedReservedTotal) recommended — \(c.feasible ? "fits" : "**does not fit**") the limit.\n\n"
        return s
    }

    static func retention(_ days: Int?) -> String { days.map { "\($0) d" } ?? "never" }

    func waste(_ r: MonthReport) -> String {
        var s = "## Waste\n\n"
        let never = r.recommendations.filter { $0.current.logRetentionDays == nil }
        if never.isEmpty {
            s += "- Log groups that never expire: none.\n"
        } else {
            let cost = never.reduce(0.0) { $0 + $1.currentPrediction.costUSD.logsStorage }
            s += "- Log groups that never expire: \(never.count) (\(never.map(\.function).joined(separator: ", "))), storage \(Display.usd(cost))/month and growing"
            s += r.coverage.configurationIngested ? ".\n" : " (retention assumed: no configuration ingested).\n"
        }
        let provisioned = r.recommendations.filter { $0.current.provisionedConcurrency > 0 }
        if provisioned.isEmpty {
            s += "- Idle provisioned concurrency: none configured.\n"
        } else {
            for f in provisioned {
                s += "- Provisioned concurrency on \(f.function): \(f.current.provisionedConcurrency) → \(f.recommended.provisionedConcurrency) recommended, \(Display.usd(f.currentPrediction.costUSD.provisioned))/month now.\n"
            }
        }
        if let idle = r.coverage.functionsWithoutInvocations {
            s += "- Functions that cost money with no invocations: \(idle.isEmpty ? "none" : idle.joined(separator: ", ")).\n"
        } else {
            s += "- Functions that cost money with no invocations: unknown (no billing data or configuration export ingested).\n"
        }
        let drifting = r.functions.filter { !$0.drift.isEmpty }
        if drifting.isEmpty {
            s += "- Drift between configuration and observed behaviour: none found.\n"
        } else {
            s += "- Drift between configuration and observed behaviour:\n"
            for f in drifting { s += "  - \(f.function): \(f.drift.joined(separator: "; ")).\n" }
        }
        let errorCost = r.functions.reduce(0.0) { $0 + $1.errorCostUSD }
        s += "- Errors and timeouts cost \(Display.usd(errorCost))/month (their share of requests and compute; retries of async invocations are billed again):\n\n"
        let failing = r.functions.filter { $0.errors > 0 || $0.timeouts > 0 }
        if failing.isEmpty {
            s += "  No errors or timeouts.\n"
        } else {
            s += TextTable(
                headers: ["function", "errors (incl. timeouts)", "timeouts", "error rate", "cost of failures"], alignments: [.left, .right, .right, .right, .right],
                rows: failing.map {
                    [
                        $0.function, Display.grouped($0.errors), Display.grouped($0.timeouts),
                        Display.percent(Double($0.errors) / Double(max($0.invocations, 1)), 2), Display.usd($0.errorCostUSD),
                    ]
                }
            ).render(.md)
        }
        return s + "\n"
    }

    func reconciliation(_ r: MonthReport) -> String {
        var s = "## Reconciliation and coverage\n\n"
        if r.coverage.billsIngested {
            s += TextTable(
                headers: ["function", "modeled", "billed", "difference"], alignments: [.left, .right, .right, .right],
                rows: r.functions.map { f in
                    let billed = f.billedCostUSD?.total
                    return [
                        f.function, Display.usd(f.modeledCostUSD.total), billed.map(Display.usd) ?? "not in bill",
                        billed.map { signedUSD(f.modeledCostUSD.total - $0) } ?? "",
                    ]
                }
            ).render(.md)
            s += "\n"
        } else {
            s += "No billing data ingested for \(r.month): modeled costs cannot be checked against the bill.\n\n"
        }
        let cov = r.coverage
        s += "- REPORT logs: \(cov.daysWithLogs) of \(cov.daysInMonth) days have data.\n"
        let gaps = r.functions.filter { !$0.daysWithoutLogs.isEmpty }
        for f in gaps {
            s += "  - \(f.function): no logs on \(f.daysWithoutLogs.count) day(s): \(Self.dayRanges(f.daysWithoutLogs)).\n"
        }
        if gaps.isEmpty { s += "  - every function has logs on every day with data.\n" }
        s += "- CloudWatch metrics: \(cov.metricsIngested ? "ingested" : "not ingested (throttles and concurrency peaks unknown)").\n"
        s += "- Bills: \(cov.billsIngested ? "ingested" : "not ingested").\n"
        s += "- Configuration: \(cov.configurationIngested ? "ingested" : "not ingested (settings inferred from logs)").\n"
        s += "- Prices: \(r.prices.source), version \(r.prices.version).\n\n"
        s += "<details><summary>Assumptions (\(r.assumptions.count))</summary>\n\n"
        for a in r.assumptions { s += "- \(a)\n" }
        return s + "\n</details>\n\n"
    }

    /// `2026-11-03, 2026-11-05–2026-11-07`: consecutive days folded.
    static func dayRanges(_ days: [String]) -> String {
        var out: [String] = []
        var start: String?
        var last: String?
        var lastDay = -2
        for d in days {
            let n = Int(d.suffix(2)) ?? 0
            if n == lastDay + 1, start != nil {
                last = d
            } else {
                if let start { out.append(last == start ? start : "\(start)–\(last!)") }
                start = d
                last = d
            }
            lastDay = n
        }
        if let start { out.append(last == start ? start : "\(start)–\(last!)") }
        return out.joined(separator: ", ")
    }

    func chartSection(_ r: MonthReport) -> String {
        var s = "## Charts\n\n"
        switch charts {
        case .compact:
            return s + MermaidChart.render(ReportCharts.dailyCost(r).chart) + "\n"
        case .full(let folder):
            for named in ReportCharts.all(r) {
                s += "### \(named.chart.title)\n\n"
                s += "![\(named.chart.title)](\(folder)/\(named.fileName))\n\n"
                s += "<details><summary>as a Mermaid chart</summary>\n\n"
                s += MermaidChart.render(named.chart)
                s += "\n</details>\n\n"
            }
            return s
        }
    }

    func signed(_ text: String, _ value: Double) -> String { value > 0 ? "+" + text : text }
    func signedUSD(_ value: Double) -> String { signed(Display.usd(value), value) }
}
