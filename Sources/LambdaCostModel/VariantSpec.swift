import LambdaCostCore

/// One configuration a function could run with: the knobs the model varies.
public struct VariantSpec: Sendable, Hashable, Codable {
    /// Memory in MB (128–10,240).
    public var memoryMB: Int
    /// Instruction-set architecture.
    public var arch: Architecture
    /// Timeout in seconds (1–900).
    public var timeoutSeconds: Int
    /// Log retention in days; nil = never expire.
    public var logRetentionDays: Int?
    /// Reserved concurrency; nil = none, 0 = disabled.
    public var reservedConcurrency: Int?
    /// Provisioned concurrency enabled all month; 0 = none.
    public var provisionedConcurrency: Int
    /// Ephemeral storage in MB.
    public var ephemeralStorageMB: Int

    /// Creates a variant.
    public init(
        memoryMB: Int, arch: Architecture, timeoutSeconds: Int, logRetentionDays: Int?, reservedConcurrency: Int?,
        provisionedConcurrency: Int = 0, ephemeralStorageMB: Int = 512
    ) {
        self.memoryMB = memoryMB
        self.arch = arch
        self.timeoutSeconds = timeoutSeconds
        self.logRetentionDays = logRetentionDays
        self.reservedConcurrency = reservedConcurrency
        self.provisionedConcurrency = provisionedConcurrency
        self.ephemeralStorageMB = ephemeralStorageMB
    }

    /// The variant a function's current configuration describes.
    public init(_ configuration: FunctionConfiguration) {
        self.init(
            memoryMB: configuration.memoryMB, arch: configuration.arch, timeoutSeconds: configuration.timeoutSeconds,
            logRetentionDays: configuration.logRetentionDays, reservedConcurrency: configuration.reservedConcurrency,
            provisionedConcurrency: configuration.provisionedConcurrency ?? 0,
            ephemeralStorageMB: configuration.ephemeralStorageMB)
    }

    /// Log retention values CloudWatch Logs accepts, in days (never expire is nil).
    public static let allowedRetentionDays = [
        1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
    ]
}
