import Foundation
import LambdaCostCore
import LambdaCostReport

/// `lambdacost report`: the monthly report people read (Markdown with charts) or machines read
/// (JSON), with CI gates that exit 3 when tripped.
enum ReportCommand: Command {
    static let name = "report"
    static let summary = "Write the month's cost report: headline, where the money goes, recommendations, waste, evidence, charts."
    static let usage = """
        report [--month YYYY-MM] [--out PATH] [--format md|json] [--top N] [--baseline PREVIOUS.json] [--redact]
                         [--fail-if-savings-above USD] [--fail-if-cost-above USD] [--fail-if-cost-increase-above USD|PCT%]
        """
    static let discussion = """
        Default output Reports/<month>.md with SVG charts in Reports/<month>/ (or Reports/<month>.json
        with --format json); --out - prints to stdout. Gates: a tripped gate prints one line on stderr
        saying which and by how much and the command exits 3; the report is still written. A plain
        number is USD, a trailing % is percent. --baseline takes an earlier JSON report as the previous
        month. When GITHUB_STEP_SUMMARY is set, the report (daily chart only) is appended to it.
        --redact replaces account IDs and ARNs with stable placeholders.
        """
    static let options: [OptionSpec] = [
        OptionSpec("month", value: "YYYY-MM", help: "Month to report (default: latest with data)."),
        OptionSpec("out", value: "PATH", help: "Where to write the report (default Reports/<month>.md or .json; - for stdout)."),
        OptionSpec("format", value: "md|json", help: "Markdown for people (default) or JSON for machines."),
        OptionSpec("top", value: "N", help: "Functions listed individually in the cost table (default 10)."),
        OptionSpec("baseline", value: "PREVIOUS.json", help: "An earlier JSON report to compare with (instead of the database's previous month)."),
        OptionSpec("redact", help: "Replace account IDs and ARNs with stable placeholders."),
        OptionSpec("fail-if-savings-above", value: "USD", help: "Exit 3 when potential savings exceed USD per month."),
        OptionSpec("fail-if-cost-above", value: "USD", help: "Exit 3 when the month's cost exceeds USD."),
        OptionSpec("fail-if-cost-increase-above", value: "USD|PCT%", help: "Exit 3 when cost rose more than USD, or PCT percent."),
    ]

    static let defaultTop = 10

    /// Output formats of the report.
    enum Format: String, CaseIterable {
        case md, json
    }

    static func run(_ a: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        try a.expectNoPositionals()
        let format = try a.choice("format", Format.self) ?? .md
        let top = try a.int("top", in: 1...10_000) ?? defaultTop
        let gates = try parseGates(a)
        let builder = MonthReportBuilder(store: try context.store(), catalog: try context.catalog(), databasePath: context.databasePath)
        var report = try builder.build(month: try a.month())
        if let baselinePath = a.value("baseline") {
            let baseline = try loadBaseline(baselinePath)
            report.headline.previousTotalUSD = baseline.headline.totalUSD
            report.headline.previousSource = "baseline \(baseline.month)"
        }
        var redactor: ReportRedactor? = a.flag("redact") ? ReportRedactor() : nil
        let out = a.value("out") ?? "Reports/\(report.month).\(format.rawValue)"
        switch (format, out) {
        case (.json, "-"):
            context.out(try ReportWriter.json(report, redactor: &redactor))
        case (.json, _):
            try ReportWriter.write(try ReportWriter.json(report, redactor: &redactor), to: URL(fileURLWithPath: out))
            context.out("Report: \(out)\n")
        case (.md, "-"):
            var md = MarkdownReportRenderer(top: top, charts: .compact).render(report)
            if redactor != nil { md = redactor!.redact(md) }
            context.out(md)
        case (.md, _):
            let written = try ReportWriter.writeMarkdown(report, to: out, top: top, redactor: &redactor)
            context.out("Report: \(out) (\(written.count - 1) charts in \(ReportWriter.chartFolder(for: out).lastPathComponent)/)\n")
        }
        if let summaryPath = context.environment["GITHUB_STEP_SUMMARY"], !summaryPath.isEmpty {
            var md = MarkdownReportRenderer(top: top, charts: .compact).render(report)
            if redactor != nil { md = redactor!.redact(md) }
            try appendStepSummary(md, to: summaryPath)
        }
        let tripped = gates.compactMap { $0.check(report) }
        for line in tripped { context.err(line + "\n") }
        return tripped.isEmpty ? 0 : ExitCode.policyFailure.rawValue
    }

    /// The gates asked for; a malformed threshold is a usage error (exit 64).
    static func parseGates(_ a: ParsedArguments) throws -> [ReportGate] {
        func usd(_ option: String) throws -> Double? {
            guard let text = a.value(option) else { return nil }
            guard case .usd(let v) = ReportGate.Threshold(parsing: text) else {
                throw LambdaCostError.usage(message: "--\(option) takes an amount in USD such as 25 or 12.50, not '\(text)'", command: name)
            }
            return v
        }
        var gates: [ReportGate] = []
        if let v = try usd("fail-if-savings-above") { gates.append(.savingsAbove(v)) }
        if let v = try usd("fail-if-cost-above") { gates.append(.costAbove(v)) }
        if let text = a.value("fail-if-cost-increase-above") {
            guard let t = ReportGate.Threshold(parsing: text) else {
                throw LambdaCostError.usage(
                    message: "--fail-if-cost-increase-above takes USD (25) or a percentage (10%), not '\(text)'", command: name)
            }
            gates.append(.costIncreaseAbove(t))
        }
        return gates
    }

    static func loadBaseline(_ path: String) throws -> MonthReport {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LambdaCostError.missingInput(path: path, reason: "cannot read the baseline report")
        }
        do {
            return try JSONDecoder().decode(MonthReport.self, from: data)
        } catch {
            throw LambdaCostError.badInput(
                file: path, line: 0, column: nil, expected: "a JSON report written by 'lambdacost report --format json'",
                found: LambdaCostError.excerpt(String(describing: error)))
        }
    }

    static func appendStepSummary(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw LambdaCostError.io(message: "cannot append to GITHUB_STEP_SUMMARY \(path): \(error.localizedDescription)")
        }
    }
}
