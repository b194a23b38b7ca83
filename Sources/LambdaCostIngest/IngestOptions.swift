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

    public init(
        functionName: String? = nil, month: Month? = nil, region: String? = nil, account: String? = nil,
        arch: Architecture? = nil, inputFormat: InputFormat? = nil, skipBadRows: Bool = false
    ) {
        self.functionName = functionName
        self.month = month
        self.region = region
        self.account = account
        self.arch = arch
        self.inputFormat = inputFormat
        self.skipBadRows = skipBadRows
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
        return parts.joined(separator: " ")
    }
}
