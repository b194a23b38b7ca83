/// Detection and readers for REPORT lines in every container.
enum LogFormats {
    static func ingestor(for format: InputFormat) -> any FormatIngestor.Type {
        switch format {
        case .reportText: return ReportTextIngestor.self
        default: return UnsupportedFormatIngestor.self
        }
    }

    /// The log format of a file that starts with `head`, or nil.
    static func detect(_ head: [UInt8], text: String, fileName: String) -> InputFormat? {
        if text.contains("REPORT RequestId:") || text.contains("START RequestId:") { return .reportText }
        return nil
    }
}
