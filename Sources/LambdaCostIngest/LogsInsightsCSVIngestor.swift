import LambdaCostCore

/// Reads a CloudWatch Logs Insights CSV export (header of the chosen fields, e.g.
/// `@timestamp,@message` or `@duration,@billedDuration,@memorySize,…`).
enum LogsInsightsCSVIngestor: FormatIngestor {
    static func ingest(_ context: IngestContext) throws -> SourceReadout {
        let rows = LogsInsightsRows(sink: ReportEventSink(context: context))
        let reader = try CSVReader(source: context.source)
        let header = reader.header
        let onBad: ((LambdaCostError) throws -> Void)? =
            context.options.skipBadRows
            ? { error in
                rows.sink.out.rowsRejected += 1
                if rows.sink.out.warnings.count < 5 { rows.sink.out.warnings.append("\(error)") }
            } : nil
        try reader.forEachRecord(onBadRecord: onBad) { record in
            var fields: [(String, String)] = []
            fields.reserveCapacity(header.count)
            for (i, name) in header.enumerated() { fields.append((name, record.string(at: i))) }
            try rows.row(fields, line: record.line)
        }
        return try rows.finish()
    }
}
