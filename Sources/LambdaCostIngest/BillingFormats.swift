/// Detection and readers for billing exports (CUR, CUR 2.0, FOCUS, Cost Explorer, manifests).
enum BillingFormats {
    static func ingestor(for format: InputFormat) -> any FormatIngestor.Type {
        UnsupportedFormatIngestor.self
    }

    /// The billing format of a file that starts with `head`, or nil.
    static func detect(_ head: [UInt8], text: String, fileName: String) -> InputFormat? {
        nil
    }
}
