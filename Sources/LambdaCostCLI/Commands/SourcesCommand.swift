import LambdaCostCore
import LambdaCostReport
import LambdaCostStore

/// `lambdacost sources`: what has been ingested.
enum SourcesCommand: Command {
    static let name = "sources"
    static let summary = "List ingested files: hash, format, coverage, rows, when."
    static let usage = "sources [--format table|json|csv|md]"
    static let options: [OptionSpec] = [
        OptionSpec("format", value: "table|json|csv|md", help: "Output format (default table).")
    ]

    struct Output: Encodable {
        let schemaVersion = JSONOutput.schemaVersion
        let sources: [Row]
        enum CodingKeys: String, CodingKey {
            case schemaVersion = "schema_version"
            case sources
        }
    }

    struct Row: Encodable {
        let id: Int64
        let path: String
        let contentHash: String
        let format: String
        let sizeBytes: Int64
        let rowsRead: Int
        let rowsKept: Int
        let rowsDuplicate: Int
        let rowsRejected: Int
        let coverageStart: String?
        let coverageEnd: String?
        let coverage: String
        let ingestedAt: String
        let options: String
        enum CodingKeys: String, CodingKey {
            case id, path, format, coverage, options
            case contentHash = "content_hash"
            case sizeBytes = "size_bytes"
            case rowsRead = "rows_read"
            case rowsKept = "rows_kept"
            case rowsDuplicate = "rows_duplicate"
            case rowsRejected = "rows_rejected"
            case coverageStart = "coverage_start"
            case coverageEnd = "coverage_end"
            case ingestedAt = "ingested_at"
        }
    }

    static func run(_ a: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        try a.expectNoPositionals()
        let format = try a.choice("format", OutputFormat.self) ?? .table
        let rows = try context.store().sources().map {
            Row(
                id: $0.id, path: $0.path, contentHash: $0.contentHash, format: $0.format, sizeBytes: $0.sizeBytes,
                rowsRead: $0.rowsRead, rowsKept: $0.rowsKept, rowsDuplicate: $0.rowsDuplicate, rowsRejected: $0.rowsRejected,
                coverageStart: $0.coverageStartMs.map(Timestamp.iso8601(millis:)),
                coverageEnd: $0.coverageEndMs.map(Timestamp.iso8601(millis:)), coverage: $0.coverage,
                ingestedAt: $0.ingestedAt, options: $0.options)
        }
        if format == .json {
            context.out(try JSONOutput.encode(Output(sources: rows)))
            return 0
        }
        let table = TextTable(
            headers: ["id", "path", "format", "sha256", "rows", "kept", "dups", "coverage", "ingested_at"],
            alignments: [.right, .left, .left, .left, .right, .right, .right, .left, .left],
            rows: rows.map {
                [
                    "\($0.id)", $0.path, $0.format, String($0.contentHash.prefix(12)), "\($0.rowsRead)", "\($0.rowsKept)",
                    "\($0.rowsDuplicate)", [$0.coverageStart, $0.coverageEnd].compactMap { $0 }.joined(separator: " – "),
                    $0.ingestedAt,
                ]
            })
        context.out(table.render(format))
        return 0
    }
}
