import LambdaCostCore
import LambdaCostReport
import LambdaCostStore

/// `lambdacost bill`: what the ingested bills say a month cost, grouped.
enum BillCommand: Command {
    static let name = "bill"
    static let summary = "What the bill says: a month's billed cost by service, function, usage type or tag."
    static let usage = """
        bill [--month YYYY-MM] [--by service|function|usage-type|tag:KEY] [--account ID] [--region R] \
        [--cost-basis unblended|amortized|net] [--format table|json|csv|md]
        """
    static let discussion = """
        Sums the ingested billing exports (CUR, CUR 2.0, FOCUS, Cost Explorer). Without --month, the
        latest month with bill data. Cost bases: unblended = CUR lineItem/UnblendedCost or FOCUS
        BilledCost (default); amortized = Savings Plan / reservation effective cost on covered usage
        (FOCUS EffectiveCost); net = CUR lineItem/NetUnblendedCost where present, else unblended.
        Services are keyed by their AWS names (AWS Lambda, AmazonCloudWatch, AWS X-Ray, Amazon Simple
        Queue Service, else the product code). Cost a grouping cannot place is the '(none)' row, so
        rows always add up to the total. usage_amount and unit are null when a row mixes units.
        """
    static let options: [OptionSpec] = [
        OptionSpec("month", value: "YYYY-MM", help: "Month (default: latest with bill data)."),
        OptionSpec("by", value: "service|function|usage-type|tag:KEY", help: "Grouping (default service)."),
        OptionSpec("account", value: "ID", help: "Only this usage account."),
        OptionSpec("region", value: "R", help: "Only this Region (e.g. us-east-1)."),
        OptionSpec("cost-basis", value: "unblended|amortized|net", help: "Which cost to sum (default unblended)."),
        OptionSpec("format", value: "table|json|csv|md", help: "Output format (default table)."),
    ]

    struct Output: Encodable {
        let schemaVersion = JSONOutput.schemaVersion
        let month: String
        let currency = "USD"
        let costBasis: String
        let groupedBy: String
        let rows: [Row]
        let totalUSD: Double
        enum CodingKeys: String, CodingKey {
            case schemaVersion = "schema_version"
            case month, currency, rows
            case costBasis = "cost_basis"
            case groupedBy = "grouped_by"
            case totalUSD = "total_usd"
        }
    }

    struct Row: Encodable {
        let key: String
        let costUSD: Double
        let usageAmount: Double?
        let unit: String?
        enum CodingKeys: String, CodingKey {
            case key, unit
            case costUSD = "cost_usd"
            case usageAmount = "usage_amount"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(key, forKey: .key)
            try c.encode(costUSD, forKey: .costUSD)
            try c.encode(usageAmount, forKey: .usageAmount)
            try c.encode(unit, forKey: .unit)
        }
    }

    static func run(_ a: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        try a.expectNoPositionals()
        let format = try a.choice("format", OutputFormat.self) ?? .table
        let basis = try a.choice("cost-basis", BillCostBasis.self) ?? .unblended
        let byText = a.value("by") ?? "service"
        guard let grouping = BillGrouping(parsing: byText) else {
            throw LambdaCostError.usage(
                message: "--by takes service, function, usage-type or tag:KEY, not '\(byText)'", command: name)
        }
        if case .tag = grouping, a.value("account") != nil || a.value("region") != nil {
            throw LambdaCostError.usage(
                message: "--by tag:KEY cannot be combined with --account or --region (tag sums keep neither)", command: name)
        }
        let store = try context.store()
        guard let month = try a.month() ?? store.latestBillMonth() else {
            throw LambdaCostError.missingInput(
                path: context.databasePath, reason: "no bill data: ingest a CUR, FOCUS or Cost Explorer export first")
        }
        let rows = try store.billSummary(
            month: month, grouping: grouping, basis: basis, account: a.value("account"), region: a.value("region"))
        let total = rows.reduce(0) { $0 + $1.cost }
        if format == .json {
            let output = Output(
                month: month.description, costBasis: basis.rawValue, groupedBy: byText,
                rows: rows.map { Row(key: $0.key, costUSD: $0.cost, usageAmount: $0.usageAmount, unit: $0.unit) },
                totalUSD: total)
            context.out(try JSONOutput.encode(output))
            return 0
        }
        var lines = rows.map { r in
            [r.key, Display.usd(r.cost), r.usageAmount.map { Display.fixed($0, 4) } ?? "", r.unit ?? ""]
        }
        lines.append(["total", Display.usd(total), "", ""])
        let table = TextTable(
            headers: [byText, "cost_usd (\(basis.rawValue))", "usage", "unit"], alignments: [.left, .right, .right, .left],
            rows: lines)
        if format == .table { context.out("Bill for \(month), USD, \(basis.rawValue) cost\n") }
        context.out(table.render(format))
        return 0
    }
}
