import Foundation
import LambdaCostCore
import LambdaCostGenerator
import LambdaCostIngest
import LambdaCostStore

/// `lambdacost demo`: generates two realistic months of exports for a small Lambda stack,
/// ingests them through the normal path into their own database, and writes the report.
enum DemoCommand: Command {
    static let name = "demo"
    static let summary = "Generate two demo months of exports, ingest them, and write Reports/demo.md."
    static let usage = "demo [--out DIR] [--report PATH] [--scale N] [--seed N]"
    static let discussion = """
        The exports (REPORT logs, CloudWatch metrics, a legacy CUR, configuration exports) for
        2026-10 and 2026-11 are written under DIR/exports, ingested into DIR/lambdacost.sqlite (made
        anew each run), and the report for 2026-11 goes to Reports/demo.md with its charts in
        Reports/demo/. Seeded and deterministic: the report is byte-identical on every run.
        Afterwards, try: lambdacost --db DIR/lambdacost.sqlite summary
        """
    static let options: [OptionSpec] = [
        OptionSpec("out", value: "DIR", help: "Folder for the generated exports and the database (default ./demo-data)."),
        OptionSpec("report", value: "PATH", help: "Where to write the Markdown report (default Reports/demo.md)."),
        OptionSpec("scale", value: "N", help: "Multiply invocation volumes by N (default 1)."),
        OptionSpec("seed", value: "N", help: "Random seed (default 42)."),
    ]

    static let firstMonth = Month(year: 2026, month: 10)

    static func run(_ a: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        try a.expectNoPositionals()
        let outPath = a.value("out") ?? "demo-data"
        let out = URL(fileURLWithPath: outPath)
        let reportPath = a.value("report") ?? "Reports/demo.md"
        let scale = try a.double("scale", in: 0.001...1000) ?? 1
        let seed = UInt64(try a.int("seed", in: 0...Int.max) ?? 42)
        let exports = out.appendingPathComponent("exports")
        // Paths as the user gave them (relative by default), so sources and messages carry no
        // machine-specific prefix.
        let exportsPath = (outPath as NSString).appendingPathComponent("exports")
        let dbPath = (outPath as NSString).appendingPathComponent("lambdacost.sqlite")
        let fm = FileManager.default
        do {
            try? fm.removeItem(at: exports)
            for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: dbPath + suffix) }
            try fm.createDirectory(at: exports, withIntermediateDirectories: true)
        }
        context.progress("generating exports…")
        let scenario = DemoScenario.standard.scaled(by: scale)
        let truths = try DemoDataset.writeMonths(to: exports, scenario: scenario, first: firstMonth, count: 2, seed: seed)
        context.databasePath = dbPath
        let store = try context.store()
        let ingester = Ingester(store: store)
        var files = 0
        var rows = 0
        for truth in truths {
            // Configuration first, so that logs find each function's account and architecture.
            let ordered = truth.files.sorted { (rank($0), $0) < (rank($1), $1) }
            for file in ordered {
                let path = (exportsPath as NSString).appendingPathComponent(file)
                context.progress("ingesting \(file)…")
                // get-account-settings output names no account: say it, as export-script tells users to.
                var options = IngestOptions()
                if file.hasSuffix("get-account-settings.json") { options.account = DemoScenario.defaultAccountId }
                let result = try ingester.ingest(path: path, options: options)
                files += 1
                rows += result.rowsKept
            }
        }
        context.progress("")
        let month = truths.last!.month
        let report = try ReportWriter.writeDemoReport(context: context, month: month, to: reportPath)
        context.out(
            """
            Demo data: \(exportsPath) (\(files) files for \(truths.map(\.month.description).joined(separator: ", ")))
            Database:  \(dbPath) (\(rows) rows kept)
            Report:    \(report)
            Next:      lambdacost --db \(dbPath) summary
                       lambdacost --db \(dbPath) recommend --all

            """)
        return 0
    }

    /// Ingest order: configuration, then bills, metrics and logs.
    static func rank(_ file: String) -> Int {
        if file.contains("/config/") { return 0 }
        if file.contains("/cur/") { return 1 }
        if file.contains("/metrics/") { return 2 }
        return 3
    }
}
