/// Detection and readers for configuration exports (Lambda, account settings, log groups).
enum ConfigurationFormats {
    static func ingestor(for format: InputFormat) -> any FormatIngestor.Type {
        UnsupportedFormatIngestor.self
    }

    /// The configuration format of a file that starts with `head`, or nil.
    static func detect(_ head: [UInt8], text: String, fileName: String) -> InputFormat? {
        nil
    }
}
