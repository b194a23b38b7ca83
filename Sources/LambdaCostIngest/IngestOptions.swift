import LambdaCostCore

/// What the user told `ingest` about the files (flags override what the content says).
public struct IngestOptions: Sendable {
    /// `--function`: the function the data belongs to.
    public var functionName: String?
    /// `--month`: the month of lines that carry no date.
    public var month: Month?
    /// `--region`, default us-east-1 until billing data says otherwise.
    public var region: String?
    /// `--account`.
    public var account: String?
    /// `--arch`, default x86_64.
    public var arch: Architecture?
    /// `--input-format`: skip detection.
    public var inputFormat: InputFormat?
    /// `--skip-bad-rows`: continue past bad rows, reporting them.
    public var skipBadRows = false
    /// `--metric`: the CloudWatch metric of a single series whose label does not follow the
    /// `lambdacost:<function>:<Metric>:<Stat>:<period>` convention.
    public var metric: String?
    /// `--stat`: the statistic of such a series (default: the metric's usual one).
    public var stat: String?
    /// `--period`: the period in seconds of such a series (default: the spacing of its points).
    public var period: Int?

    public init(
        functionName: String? = nil, month: Month? = nil, region: String? = nil, account: String? = nil,
        arch: Architecture? = nil, inputFormat: InputFormat? = nil, skipBadRows: Bool = false,
        metric: String? = nil, stat: String? = nil, period: Int? = nil
    ) {
        self.functionName = functionName
        self.month = month
        self.region = region
        self.account = account
        self.arch = arch
        self.inputFormat = inputFormat
        self.skipBadRows = skipBadRows
        self.metric = metric
        self.stat = stat
        self.period = period
    }

    /// The flags as the user would type them, recorded with the source.
    public var described: String {
        var parts: [String] = []
        if let functionName { parts.append("--function \(functionName)") }
        if let month { parts.append("--month \(month)") }
        if let region { parts.append("--region \(region)") }
        if let account { parts.append("--account \(account)") }
        if let arch { parts.append("--arch \(arch.rawValue)") }
        if let inputFormat { parts.append("--input-format \(inputFormat.rawValue)") }
        if let metric { parts.append("--metric \(metric)") }
        if let stat { parts.append("--stat \(stat)") }
        if let period { parts.append("--period \(period)") }
        return parts.joined(separator: " ")
    }
}
