/// Detection and readers for CloudWatch metric exports.
enum MetricFormats {
    static func ingestor(for format: InputFormat) -> any FormatIngestor.Type {
        switch format {
        case .metricData: return MetricDataIngestor.self
        case .metricStatistics: return MetricStatisticsIngestor.self
        default: return UnsupportedFormatIngestor.self
        }
    }

    /// The metric format of a file that starts with `head`, or nil.
    static func detect(_ head: [UInt8], text: String, fileName: String) -> InputFormat? {
        if text.contains("\"MetricDataResults\"") { return .metricData }
        if text.contains("\"Datapoints\"") { return .metricStatistics }
        return nil
    }
}
