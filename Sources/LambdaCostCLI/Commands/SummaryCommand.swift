import LambdaCostCore
import LambdaCostReport
import LambdaCostStore

/// `lambdacost summary`: a month per function: invocations, durations, GB-seconds, modeled cost.
enum SummaryCommand: Command {
    static let name = "summary"
    static let summary = "Per-function usage and modeled cost for a month."
    static let usage = "summary [--month YYYY-MM] [--function NAME] [--format table|json|csv|md]"
    static let discussion = """
        Without --month, the latest month with invocation data. Mean and max durations are exact;
        percentiles come from histograms accurate to ±1%. Per-function costs are marginal costs at the
        account's tier without free tier; totals apply free tier and tiers once per account.
        """
    static let options: [OptionSpec] = [
        OptionSpec("month", value: "YYYY-MM", help: "Month to summarise (default: latest with data)."),
        OptionSpec("function", value: "NAME", help: "Only this function."),
        OptionSpec("cost-basis", value: "unblended|amortized|net", help: "Which billed cost to compare with (default unblended)."),
        OptionSpec("format", value: "table|json|csv|md", help: "Output format (default table)."),
    ]

    static func run(_ a: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        try a.expectNoPositionals()
        let format = try a.choice("format", OutputFormat.self) ?? .table
        let store = try context.store()
        guard let month = try a.month() ?? store.latestInvocationMonth() else {
            throw LambdaCostError.missingInput(path: context.databasePath, reason: "no invocation data: run 'lambdacost ingest' first")
        }
        var builder = MonthSummaryBuilder(store: store, catalog: try context.catalog())
        builder.basis = try a.choice("cost-basis", BillCostBasis.self) ?? .unblended
        let summary = try builder.build(month: month, functionName: a.value("function"))
        if let f = a.value("function"), summary.functions.isEmpty {
            throw LambdaCostError.missingInput(path: context.databasePath, reason: "no invocation data for function '\(f)' in \(month)")
        }
        if format == .json {
            context.out(try JSONOutput.encode(summary))
            return 0
        }
        context.out(SummaryTable.render(summary, format))
        return 0
    }
}
