import Foundation
import LambdaCostCore
import LambdaCostIngest
import LambdaCostReport

/// `lambdacost ingest`: reads export files into the database.
enum IngestCommand: Command {
    static let name = "ingest"
    static let summary = "Read exports (REPORT logs, metrics, bills, configuration) into the database."
    static let usage = "ingest [--function NAME] [--month YYYY-MM] [options] FILE..."
    static var discussion: String {
        """
        Each file is one transaction: a bad file stores nothing. A file whose content was ingested
        before is reported and skipped; REPORT lines already stored (same RequestId) are not counted
        twice. Several files: each good file commits on its own and the run stops at the first bad one
        (exit 65) unless --keep-going.

        Input formats (detected from content; --input-format overrides):
        \(InputFormat.allCases.map { "  \($0.rawValue): \($0.summary)" }.joined(separator: "\n"))
        """
    }
    static let options: [OptionSpec] = [
        OptionSpec("function", value: "NAME", help: "Function the data belongs to (default: from the file name)."),
        OptionSpec("month", value: "YYYY-MM", help: "Month of REPORT lines that carry no date."),
        OptionSpec("region", value: "REGION", help: "AWS Region of the function (default us-east-1)."),
        OptionSpec("account", value: "ID", help: "AWS account id of the function."),
        OptionSpec("arch", value: "x86_64|arm64", help: "Architecture of the function (default x86_64)."),
        OptionSpec("input-format", value: "NAME", help: "Skip format detection."),
        OptionSpec("metric", value: "NAME", help: "CloudWatch metric of a series whose label does not say (e.g. Invocations)."),
        OptionSpec("stat", value: "STAT", help: "Statistic of such a series (Sum, Average, Maximum, pNN; default: the metric's usual one)."),
        OptionSpec("period", value: "SECONDS", help: "Period of such a series (default: the spacing of its points)."),
        OptionSpec("keep-going", help: "Continue with the next file after a bad one (exit 65 at the end)."),
        OptionSpec("skip-bad-rows", help: "Skip rows that cannot be parsed and report them (exit 0)."),
        OptionSpec("format", value: "table|json|csv|md", help: "Output format (default table)."),
    ]

    static func run(_ a: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let format = try a.choice("format", OutputFormat.self) ?? .table
        guard !a.positionals.isEmpty else {
            throw LambdaCostError.usage(message: "ingest needs at least one FILE", command: name)
        }
        let options = IngestOptions(
            functionName: a.value("function"), month: try a.month(), region: a.value("region"), account: a.value("account"),
            arch: try a.choice("arch", Architecture.self), inputFormat: try a.choice("input-format", InputFormat.self),
            skipBadRows: a.flag("skip-bad-rows"), metric: a.value("metric"), stat: a.value("stat"),
            period: try a.int("period", in: 1...86_400 * 31))
        let ingester = Ingester(store: try context.store())
        if context.stderrIsTerminal { ingester.progress = { context.progress($0) } }
        var results: [IngestResult] = []
        var firstError: LambdaCostError?
        for path in a.positionals {
            context.progress("ingesting \(path)…")
            do {
                let result = try ingester.ingest(path: path, options: options)
                context.progress("")
                results.append(result)
                if format == .table {
                    context.out(line(result))
                    for w in result.warnings { context.err("warning: \(path): \(w)\n") }
                }
            } catch let error as LambdaCostError {
                context.progress("")
                results.append(IngestResult(path: path, format: options.inputFormat?.rawValue ?? "unknown", status: .failed, warnings: ["\(error)"]))
                if firstError == nil { firstError = error }
                if !a.flag("keep-going") { break }
                context.err("Error: \(error)\n")
            }
        }
        context.progress("")
        if format != .table {
            context.out(try render(results, format))
        }
        if let firstError {
            if a.flag("keep-going") { return firstError.exitCode.rawValue }
            throw firstError
        }
        return 0
    }

    static func line(_ r: IngestResult) -> String {
        switch r.status {
        case .alreadyIngested:
            return "\(r.path): already ingested (source \(r.sourceID ?? 0)), skipped\n"
        case .ingested, .failed:
            return "\(r.path): \(r.format), \(r.rowsRead) rows read, \(r.rowsKept) kept, \(r.rowsDuplicate) duplicates skipped, \(r.rowsRejected) rejected, \(Display.fixed(r.seconds, 2)) s\n"
        }
    }

    struct Output: Encodable {
        let schemaVersion = JSONOutput.schemaVersion
        let files: [IngestResult]
        enum CodingKeys: String, CodingKey {
            case schemaVersion = "schema_version"
            case files
        }
    }

    static func render(_ results: [IngestResult], _ format: OutputFormat) throws -> String {
        if format == .json { return try JSONOutput.encode(Output(files: results)) }
        let table = TextTable(
            headers: ["path", "format", "status", "rows_read", "rows_kept", "rows_duplicate", "rows_rejected", "seconds"],
            alignments: [.left, .left, .left, .right, .right, .right, .right, .right],
            rows: results.map {
                [$0.path, $0.format, $0.status.rawValue, "\($0.rowsRead)", "\($0.rowsKept)", "\($0.rowsDuplicate)", "\($0.rowsRejected)", Display.fixed($0.seconds, 3)]
            })
        return table.render(format)
    }
}
