/// Reads `aws logs filter-log-events` and `get-log-events` output (`{"events":[{"timestamp",
/// "message",…}]}`), streaming the events so a merged multi-gigabyte export keeps memory flat.
/// The event's `timestamp` (epoch ms) dates its REPORT line; the function comes from `--function`
/// or the file name, since neither shape names the log group.
enum LogEventsIngestor: FormatIngestor {
    static func ingest(_ context: IngestContext) throws -> SourceReadout {
        let sink = ReportEventSink(context: context)
        let reader = JSONStreamReader(source: context.source)
        try reader.forEachElement(ofArrayAt: ["events"]) { event in
            try deliver(event, to: sink, line: reader.tokenLine)
        }
        return try sink.finish()
    }

    static func deliver(_ event: JSONValue, to sink: ReportEventSink, line: Int, function: String? = nil) throws {
        guard let message = event["message"]?.stringValue else { return }
        let millis = event["timestamp"].flatMap(MetricTime.millis)
        var text = message
        try text.withUTF8 { try sink.message(UnsafeRawBufferPointer($0), millis: millis, function: function, line: line) }
    }
}
