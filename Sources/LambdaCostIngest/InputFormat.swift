/// Every input format `ingest` recognises, by the name `--input-format` takes.
public enum InputFormat: String, Sendable, CaseIterable, Codable {
    // Lambda REPORT lines in their containers.
    case reportText = "report-text"
    case reportJSONLines = "report-json"
    case filterLogEvents = "filter-log-events"
    case getLogEvents = "get-log-events"
    case logsInsightsCSV = "logs-insights-csv"
    case logsInsightsJSON = "logs-insights-json"
    case logsSubscription = "cwlogs-subscription"
    // CloudWatch metrics.
    case metricData = "metric-data"
    case metricStatistics = "metric-statistics"
    // Billing exports.
    case curCSV = "cur"
    case cur2CSV = "cur2"
    case focusCSV = "focus"
    case costExplorerCSV = "cost-explorer"
    case curManifest = "cur-manifest"
    // Configuration exports.
    case lambdaFunctions = "lambda-functions"
    case lambdaFunctionConcurrency = "lambda-function-concurrency"
    case provisionedConcurrencyConfigs = "provisioned-concurrency-configs"
    case accountSettings = "account-settings"
    case logGroups = "log-groups"

    /// The family of data a format carries.
    public enum Family: String, Sendable {
        case logs, metrics, billing, configuration
    }

    public var family: Family {
        switch self {
        case .reportText, .reportJSONLines, .filterLogEvents, .getLogEvents, .logsInsightsCSV, .logsInsightsJSON, .logsSubscription:
            return .logs
        case .metricData, .metricStatistics: return .metrics
        case .curCSV, .cur2CSV, .focusCSV, .costExplorerCSV, .curManifest: return .billing
        case .lambdaFunctions, .lambdaFunctionConcurrency, .provisionedConcurrencyConfigs, .accountSettings, .logGroups:
            return .configuration
        }
    }

    /// One line of help per format, for `ingest --help` and the README.
    public var summary: String {
        switch self {
        case .reportText: return "Lambda REPORT lines as plain text, bare or prefixed by an ISO-8601 timestamp"
        case .reportJSONLines: return "Lambda JSON log format, one object per line (platform.report records)"
        case .filterLogEvents: return "aws logs filter-log-events JSON"
        case .getLogEvents: return "aws logs get-log-events JSON"
        case .logsInsightsCSV: return "CloudWatch Logs Insights CSV export"
        case .logsInsightsJSON: return "aws logs get-query-results JSON"
        case .logsSubscription: return "CloudWatch Logs subscription DATA_MESSAGE JSON (decoded)"
        case .metricData: return "aws cloudwatch get-metric-data JSON"
        case .metricStatistics: return "aws cloudwatch get-metric-statistics JSON"
        case .curCSV: return "Cost and Usage Report (legacy) CSV"
        case .cur2CSV: return "CUR 2.0 (Data Exports) CSV"
        case .focusCSV: return "FOCUS 1.x CSV"
        case .costExplorerCSV: return "Cost Explorer console CSV (pivot layout)"
        case .curManifest: return "CUR delivery manifest JSON (<report>-Manifest.json), with its report files"
        case .lambdaFunctions: return "aws lambda list-functions / get-function / get-function-configuration JSON"
        case .lambdaFunctionConcurrency: return "aws lambda get-function-concurrency JSON"
        case .provisionedConcurrencyConfigs: return "aws lambda list-provisioned-concurrency-configs JSON"
        case .accountSettings: return "aws lambda get-account-settings JSON"
        case .logGroups: return "aws logs describe-log-groups JSON"
        }
    }
}
