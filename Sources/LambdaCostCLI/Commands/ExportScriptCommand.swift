import LambdaCostCore
import LambdaCostIngest

/// `lambdacost export-script`: prints the `aws` commands that export a month in shapes `ingest` reads.
enum ExportScriptCommand: Command {
    static let name = "export-script"
    static let summary = "Print the aws commands that export a month of metrics and REPORT lines for ingest."
    static let usage = "export-script --functions NAME[,NAME…] --month YYYY-MM [--region REGION] [--period 60|300|3600]"
    static var discussion: String {
        """
        The script writes a get-metric-data queries file whose labels follow the convention
        lambdacost:<function>:<Metric>:<Stat>:<period> (Region-wide metrics leave <function> empty),
        so 'lambdacost ingest' attributes every series without --function/--metric, and exports each
        function's REPORT lines with filter-log-events into a file named after the function.
        Nothing is run: review the script, then run it with credentials for the account.
        """
    }
    static let options: [OptionSpec] = [
        OptionSpec("functions", value: "NAME,…", help: "Function names, comma separated."),
        OptionSpec("month", value: "YYYY-MM", help: "Month to export (UTC)."),
        OptionSpec("region", value: "REGION", help: "AWS Region (default us-east-1)."),
        OptionSpec("account", value: "ID", help: "AWS account id, passed on to the ingest command."),
        OptionSpec("period", value: "SECONDS", help: "Metric period: 60, 300 or 3600 (default 3600)."),
    ]

    static func run(_ a: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        guard let list = a.value("functions") else {
            throw LambdaCostError.usage(message: "export-script needs --functions NAME[,NAME…]", command: name)
        }
        let functions = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !functions.isEmpty else {
            throw LambdaCostError.usage(message: "--functions names no function", command: name)
        }
        if let bad = functions.first(where: { !ExportScript.isValidFunctionName($0) }) {
            throw LambdaCostError.usage(
                message: "'\(bad)' is not a Lambda function name (letters, digits, '-' and '_', at most 64)", command: name)
        }
        guard let month = try a.month() else {
            throw LambdaCostError.usage(message: "export-script needs --month YYYY-MM", command: name)
        }
        let region = a.value("region") ?? "us-east-1"
        guard !region.isEmpty, region.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) else {
            throw LambdaCostError.usage(message: "--region takes a Region code such as us-east-1, not '\(region)'", command: name)
        }
        let period = try a.int("period") ?? 3600
        guard [60, 300, 3600].contains(period) else {
            throw LambdaCostError.usage(message: "--period takes 60, 300 or 3600, not '\(period)'", command: name)
        }
        var unique: [String] = []
        for f in functions where !unique.contains(f) { unique.append(f) }
        let script = ExportScript(functions: unique, region: region, month: month, periodSeconds: period, account: a.value("account"))
        context.out(script.script)
        return 0
    }
}
