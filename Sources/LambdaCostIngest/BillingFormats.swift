/// Detection and readers for billing exports (CUR, CUR 2.0, FOCUS, Cost Explorer, manifests).
enum BillingFormats {
    static func ingestor(for format: InputFormat) -> any FormatIngestor.Type {
        switch format {
        case .curCSV, .cur2CSV, .focusCSV: return BillingCSVIngestor.self
        case .costExplorerCSV: return CostExplorerIngestor.self
        case .curManifest: return CURManifestIngestor.self
        default: return UnsupportedFormatIngestor.self
        }
    }

    /// The billing format of a file that starts with `head`, or nil. CSV formats are told apart
    /// by their header's column names, a manifest by its name or its `assemblyId`/`reportKeys`.
    static func detect(_ head: [UInt8], text: String, fileName: String) -> InputFormat? {
        let trimmed = text.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        if trimmed.hasPrefix("{") {
            if fileName.hasSuffix("-Manifest.json") || (text.contains("\"assemblyId\"") && text.contains("\"reportKeys\"")) {
                return .curManifest
            }
            return nil
        }
        let firstLine = trimmed.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        if firstLine.contains("lineItem/") || firstLine.contains("identity/LineItemId") { return .curCSV }
        if firstLine.contains("line_item_") { return .cur2CSV }
        if firstLine.contains("BilledCost") && firstLine.contains("ChargePeriodStart") { return .focusCSV }
        if firstLine.hasPrefix("\"Service\",") || firstLine.hasPrefix("Service,"), firstLine.contains("($)") {
            return .costExplorerCSV
        }
        return nil
    }
}
