import LambdaCostCore

/// A function's deployed configuration as far as the model needs it (BRIEF §6 encodings).
public struct FunctionConfiguration: Sendable, Hashable, Codable {
    /// Memory in MB (128–10,240).
    public var memoryMB: Int
    /// Timeout in seconds (1–900).
    public var timeoutSeconds: Int
    /// Instruction-set architecture.
    public var arch: Architecture
    /// Log retention in days; nil = never expire (AWS's default).
    public var logRetentionDays: Int?
    /// Reserved concurrency; nil = none, 0 = function disabled.
    public var reservedConcurrency: Int?
    /// Provisioned concurrency kept enabled all month; nil or 0 = none.
    public var provisionedConcurrency: Int?
    /// Ephemeral storage in MB (512 is free).
    public var ephemeralStorageMB: Int
    /// Runtime identifier such as `python3.12`, when known.
    public var runtime: String?
    /// `Zip` or `Image`, when known.
    public var packageType: String?
    /// Whether the function is invoked asynchronously (retries on timeout), when known.
    public var isAsync: Bool?

    /// Creates a configuration; defaults are Lambda's own.
    public init(
        memoryMB: Int = 128, timeoutSeconds: Int = 3, arch: Architecture = .x86_64, logRetentionDays: Int? = nil,
        reservedConcurrency: Int? = nil, provisionedConcurrency: Int? = nil, ephemeralStorageMB: Int = 512,
        runtime: String? = nil, packageType: String? = nil, isAsync: Bool? = nil
    ) {
        self.memoryMB = memoryMB
        self.timeoutSeconds = timeoutSeconds
        self.arch = arch
        self.logRetentionDays = logRetentionDays
        self.reservedConcurrency = reservedConcurrency
        self.provisionedConcurrency = provisionedConcurrency
        self.ephemeralStorageMB = ephemeralStorageMB
        self.runtime = runtime
        self.packageType = packageType
        self.isAsync = isAsync
    }
}
