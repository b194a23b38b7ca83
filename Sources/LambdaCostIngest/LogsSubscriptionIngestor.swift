import LambdaCostCore

/// Reads decoded CloudWatch Logs subscription messages (`{"messageType":"DATA_MESSAGE",
/// "logGroup":"/aws/lambda/<fn>","logEvents":[…]}`), one or several concatenated as Firehose
/// delivers them. The log group names the function unless `--function` is given;
/// `CONTROL_MESSAGE`s are skipped.
enum LogsSubscriptionIngestor: FormatIngestor {
    static func ingest(_ context: IngestContext) throws -> SourceReadout {
        let sink = ReportEventSink(context: context)
        let reader = JSONStreamReader(source: context.source, allowsMultipleDocuments: true)
        while let first = try reader.next() {
            guard first == .beginObject else {
                throw reader.error(expected: "a subscription message object", found: first.summary)
            }
            var group: String?
            var isControl = false
            // Events seen before `logGroup` wait for it (members may come in any order).
            var pending: [(JSONValue, Int)] = []
            while let token = try reader.next(), token != .endObject {
                guard case .key(let key) = token else { continue }
                switch key {
                case "logGroup":
                    group = try reader.readValue().stringValue
                case "messageType":
                    isControl = try reader.readValue().stringValue == "CONTROL_MESSAGE"
                case "logEvents":
                    guard let open = try reader.next(), open == .beginArray else {
                        throw reader.error(expected: "an array of logEvents", found: "another value")
                    }
                    while let element = try reader.next(), element != .endArray {
                        let line = reader.tokenLine
                        let event = try reader.value(startingWith: element)
                        if group == nil {
                            pending.append((event, line))
                        } else {
                            try LogEventsIngestor.deliver(event, to: sink, line: line, function: function(fromLogGroup: group))
                        }
                    }
                default:
                    try reader.skipValue()
                }
            }
            if isControl { continue }
            for (event, line) in pending {
                try LogEventsIngestor.deliver(event, to: sink, line: line, function: function(fromLogGroup: group))
            }
        }
        return try sink.finish()
    }

    /// `/aws/lambda/order-processor` → `order-processor`; other groups name no function.
    static func function(fromLogGroup group: String?) -> String? {
        guard let group, group.hasPrefix("/aws/lambda/") else { return nil }
        let name = group.dropFirst("/aws/lambda/".count)
        return name.isEmpty ? nil : String(name)
    }
}
