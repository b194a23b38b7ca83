/// Every input format `ingest` recognises, by the name `--input-format` takes.
public enum InputFormat: String, Sendable, CaseIterable, Codable {
    /// Plain-text REPORT lines, bare or timestamp-prefixed (CloudWatch Logs export to S3).
    case reportText = "report-text"

    /// One line of help per format, for `ingest --help` and the README.
    public var summary: String {
        switch self {
        case .reportText: return "Lambda REPORT lines as plain text, bare or prefixed by an ISO-8601 timestamp"
        }
    }
}
