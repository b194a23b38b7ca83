/// Detection and readers for CloudWatch metric exports.
enum MetricFormats {
    static func ingestor(for format: InputFormat) -> any FormatIngestor.Type {
        UnsupportedFormatIngestor.self
    }

    /// The metric format of a file that starts with `head`, or nil.
    static func detect(_ head: [UInt8], text: String, fileName: String) -> InputFormat? {
        nil
    }
}
