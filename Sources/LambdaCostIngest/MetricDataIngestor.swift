import LambdaCostCore

/// Reads `aws cloudwatch get-metric-data` output: every result in `MetricDataResults` is one
/// series (any `StatusCode`; `PartialData` points are kept and flagged). Results stream one at a
/// time; several documents one after another (pages appended to one file) are read too.
enum MetricDataIngestor: FormatIngestor {
    static func ingest(_ context: IngestContext) throws -> SourceReadout {
        let writer = MetricSeriesWriter(context: context)
        let reader = JSONStreamReader(source: context.source, allowsMultipleDocuments: true)
        var sawResults = false
        while let first = try reader.next() {
            guard first == .beginObject else {
                throw reader.error(expected: "a get-metric-data result object", found: first.summary)
            }
            while let token = try reader.next(), token != .endObject {
                guard case .key(let key) = token else { continue }
                switch key {
                case "MetricDataResults":
                    sawResults = true
                    guard let open = try reader.next(), open == .beginArray else {
                        throw reader.error(expected: "an array of MetricDataResults", found: "another value")
                    }
                    while let element = try reader.next(), element != .endArray {
                        let line = reader.tokenLine
                        try series(try reader.value(startingWith: element), line: line, writer: writer, context: context)
                    }
                case "Messages":
                    for message in try reader.readValue().arrayValue ?? [] where writer.out.warnings.count < 5 {
                        let text = message["Value"]?.stringValue ?? message["Code"]?.stringValue ?? "\(message)"
                        writer.out.warnings.append("CloudWatch message: \(text)")
                    }
                default:
                    try reader.skipValue()
                }
            }
        }
        guard sawResults else {
            throw LambdaCostError.badInput(
                file: context.path, line: 1, column: nil, expected: "a MetricDataResults array", found: "none")
        }
        return writer.finish()
    }

    private static func series(_ result: JSONValue, line: Int, writer: MetricSeriesWriter, context: IngestContext) throws {
        let id = result["Id"]?.stringValue
        let label = result["Label"]?.stringValue
        let timestamps = result["Timestamps"]?.arrayValue ?? []
        let values = result["Values"]?.arrayValue ?? []
        guard timestamps.count == values.count else {
            throw LambdaCostError.badInput(
                file: context.path, line: line, column: nil, expected: "as many Values as Timestamps",
                found: "\(timestamps.count) Timestamps and \(values.count) Values in series '\(id ?? label ?? "?")'")
        }
        var points: [(Int64, Double)] = []
        points.reserveCapacity(timestamps.count)
        for (t, v) in zip(timestamps, values) {
            guard let ms = MetricTime.millis(t) else {
                throw LambdaCostError.badInput(
                    file: context.path, line: line, column: nil, expected: "an ISO-8601 or epoch timestamp",
                    found: LambdaCostError.excerpt("\(t)"))
            }
            guard let value = v.doubleValue else {
                throw LambdaCostError.badInput(
                    file: context.path, line: line, column: nil, expected: "a number in Values", found: LambdaCostError.excerpt("\(v)"))
            }
            points.append((ms, value))
        }
        let status = result["StatusCode"]?.stringValue ?? "Complete"
        let partial = status != "Complete"
        if partial, writer.out.warnings.count < 5 {
            let advice = status == "PartialData"
                ? "points kept and flagged partial; ingest the next page (NextToken) as its own file"
                : "points kept (if any) and flagged partial"
            writer.out.warnings.append("series '\(id ?? label ?? "?")' has StatusCode \(status): \(advice)")
        }
        try writer.write(id: id, label: label, statHint: nil, points: points, partial: partial, line: line)
    }
}
