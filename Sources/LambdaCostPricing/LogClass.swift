/// A CloudWatch Logs log-group class.
public enum LogClass: String, Sendable, Hashable, Codable, CaseIterable {
    case standard
    case infrequentAccess = "infrequent-access"
}
