/// Reads the Lambda JSON log format: JSON objects one after another (one per line as a JSON-format
/// log export writes them, or pretty-printed). `platform.report` records count; other records
/// (`platform.start`, application logs) are skipped. Invalid JSON is an error at its line and column.
enum ReportJSONLinesIngestor: FormatIngestor {
    static func ingest(_ context: IngestContext) throws -> SourceReadout {
        let sink = ReportEventSink(context: context)
        let reader = JSONStreamReader(source: context.source, allowsMultipleDocuments: true)
        while let token = try reader.next() {
            let line = reader.tokenLine
            let value = try reader.value(startingWith: token)
            try sink.platformRecord(value, millis: nil, function: nil, line: line)
        }
        return try sink.finish()
    }
}
