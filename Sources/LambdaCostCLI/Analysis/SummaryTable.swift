import LambdaCostCore
import LambdaCostReport

/// The table/CSV/Markdown form of a ``MonthSummary``.
enum SummaryTable {
    static func render(_ s: MonthSummary, _ format: OutputFormat) -> String {
        var rows = s.functions.map { f in
            [
                f.function, f.region, f.arch, f.memoryMB.map(String.init).joined(separator: "/"), Display.grouped(f.invocations),
                Display.grouped(f.coldStarts), Display.fixed(f.billedGBSeconds, 1), "\(f.maxMemoryUsedMB)",
                Display.fixed(f.durationMs.mean, 1), Display.fixed(f.durationMs.p99, 1), Display.usd(f.modeledCostUSD.total),
                f.billedCostUSD.map { Display.usd($0.total) } ?? "-", f.differencePercent.map { Display.fixed($0, 2) + "%" } ?? "-",
            ]
        }
        rows.append([
            "total (account, free tier applied)", "", "", "", Display.grouped(s.totals.invocations), Display.grouped(s.totals.coldStarts),
            Display.fixed(s.totals.billedGBSeconds, 1), "", "", "", Display.usd(s.totals.modeledCostUSD.total),
            s.totals.billedCostUSD.map { Display.usd($0.total) } ?? "-", "",
        ])
        let table = TextTable(
            headers: ["function", "region", "arch", "memory_mb", "invocations", "cold_starts", "gb_seconds", "max_mem_mb", "mean_ms", "p99_ms", "cost_usd", "billed_usd", "diff"],
            alignments: [.left, .left, .left, .right, .right, .right, .right, .right, .right, .right, .right, .right, .right],
            rows: rows)
        var text = ""
        if format == .table || format == .md { text += "Month \(s.month) — prices \(s.prices.source), version \(s.prices.version)\n\n" }
        text += table.render(format)
        if format == .table || format == .md {
            for f in s.functions {
                for n in f.reconciliationNotes { text += "\(f.function): \(n)\n" }
                for d in f.drift { text += "\(f.function): drift: \(d)\n" }
            }
        }
        return text
    }
}
