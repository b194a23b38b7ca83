/// Detection and readers for REPORT lines in every container.
enum LogFormats {
    static func ingestor(for format: InputFormat) -> any FormatIngestor.Type {
        switch format {
        case .reportText: return ReportTextIngestor.self
        case .reportJSONLines: return ReportJSONLinesIngestor.self
        case .filterLogEvents, .getLogEvents: return LogEventsIngestor.self
        case .logsInsightsCSV: return LogsInsightsCSVIngestor.self
        case .logsInsightsJSON: return LogsInsightsJSONIngestor.self
        case .logsSubscription: return LogsSubscriptionIngestor.self
        default: return UnsupportedFormatIngestor.self
        }
    }

    /// The log format of a file that starts with `head`, or nil. JSON containers are recognised
    /// before plain text, since their messages quote REPORT lines.
    static func detect(_ head: [UInt8], text: String, fileName: String) -> InputFormat? {
        let first = head.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
        if first == UInt8(ascii: "{") {
            if text.contains("\"DATA_MESSAGE\"") || text.contains("\"CONTROL_MESSAGE\"")
                || (text.contains("\"logEvents\"") && text.contains("\"logGroup\""))
            {
                return .logsSubscription
            }
            if text.contains("\"results\""), text.contains("\"field\"") || text.contains("\"recordsMatched\"") {
                return .logsInsightsJSON
            }
            if text.contains("\"events\"") {
                return text.contains("\"logStreamName\"") || text.contains("\"eventId\"") || text.contains("\"searchedLogStreams\"")
                    ? .filterLogEvents : .getLogEvents
            }
            if text.contains("\"platform.") || text.contains("\"type\"") && text.contains("\"record\"") {
                return .reportJSONLines
            }
        }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
        if firstLine.contains("@message") || firstLine.contains("@duration") || firstLine.hasPrefix("@timestamp")
            || firstLine.hasPrefix("\"@")
        {
            return .logsInsightsCSV
        }
        if text.contains("REPORT RequestId:") || text.contains("START RequestId:") { return .reportText }
        return nil
    }
}
