/// Reads `aws logs get-query-results` JSON (`{"results":[[{"field","value"},…],…]}`), streaming
/// the rows.
enum LogsInsightsJSONIngestor: FormatIngestor {
    static func ingest(_ context: IngestContext) throws -> SourceReadout {
        let rows = LogsInsightsRows(sink: ReportEventSink(context: context))
        let reader = JSONStreamReader(source: context.source)
        try reader.forEachElement(ofArrayAt: ["results"]) { row in
            let fields = (row.arrayValue ?? []).compactMap { cell -> (String, String)? in
                guard let field = cell["field"]?.stringValue else { return nil }
                switch cell["value"] {
                case .string(let text)?: return (field, text)
                case .number(_, let text)?: return (field, text)
                default: return (field, "")
                }
            }
            try rows.row(fields, line: reader.tokenLine)
        }
        return try rows.finish()
    }
}
