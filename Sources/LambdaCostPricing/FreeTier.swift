/// Monthly free-tier quantities. They belong to the account (or organization), never to one function,
/// and are shared across Regions and architectures.
public struct FreeTier: Sendable, Hashable, Codable {
    /// Lambda requests (functions without provisioned concurrency).
    public var lambdaRequests: Double
    /// Lambda on-demand GB-seconds, both architectures together.
    public var lambdaGBSeconds: Double
    /// CloudWatch Logs GB, ingest first then storage.
    public var logsGB: Double
    /// Standard alarm metrics.
    public var alarms: Double
    /// Dashboards.
    public var dashboards: Double
    /// X-Ray traces recorded.
    public var xrayTracesRecorded: Double
    /// X-Ray traces retrieved or scanned.
    public var xrayTracesScanned: Double
    /// SQS requests.
    public var sqsRequests: Double

    /// Creates free-tier quantities.
    public init(
        lambdaRequests: Double, lambdaGBSeconds: Double, logsGB: Double, alarms: Double, dashboards: Double,
        xrayTracesRecorded: Double, xrayTracesScanned: Double, sqsRequests: Double
    ) {
        self.lambdaRequests = lambdaRequests
        self.lambdaGBSeconds = lambdaGBSeconds
        self.logsGB = logsGB
        self.alarms = alarms
        self.dashboards = dashboards
        self.xrayTracesRecorded = xrayTracesRecorded
        self.xrayTracesScanned = xrayTracesScanned
        self.sqsRequests = sqsRequests
    }

    enum CodingKeys: String, CodingKey {
        case alarms, dashboards
        case lambdaRequests = "lambda_requests"
        case lambdaGBSeconds = "lambda_gb_seconds"
        case logsGB = "logs_gb"
        case xrayTracesRecorded = "xray_traces_recorded"
        case xrayTracesScanned = "xray_traces_scanned"
        case sqsRequests = "sqs_requests"
    }
}
