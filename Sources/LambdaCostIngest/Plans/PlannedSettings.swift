import LambdaCostCore

/// What a plan says about one function. nil and ``PlannedValue/notSpecified`` mean the plan does
/// not say (AWS's default or the deployed value applies).
public struct PlannedSettings: Sendable, Hashable {
    /// Memory in MB.
    public var memoryMB: Int?
    /// Timeout in seconds.
    public var timeoutSeconds: Int?
    /// Architecture.
    public var arch: Architecture?
    /// Reserved concurrency: ``PlannedValue/unset`` = no reservation; `.value(0)` disables the function.
    public var reservedConcurrency: PlannedValue<Int>
    /// Provisioned concurrency summed over aliases and versions; 0 = none.
    public var provisionedConcurrency: Int?
    /// Log retention in days: ``PlannedValue/unset`` = never expire.
    public var logRetentionDays: PlannedValue<Int>
    /// Ephemeral storage in MB.
    public var ephemeralStorageMB: Int?
    /// Runtime identifier.
    public var runtime: String?

    /// Makes settings; everything defaults to "not specified".
    public init(
        memoryMB: Int? = nil, timeoutSeconds: Int? = nil, arch: Architecture? = nil,
        reservedConcurrency: PlannedValue<Int> = .notSpecified, provisionedConcurrency: Int? = nil,
        logRetentionDays: PlannedValue<Int> = .notSpecified, ephemeralStorageMB: Int? = nil, runtime: String? = nil
    ) {
        self.memoryMB = memoryMB
        self.timeoutSeconds = timeoutSeconds
        self.arch = arch
        self.reservedConcurrency = reservedConcurrency
        self.provisionedConcurrency = provisionedConcurrency
        self.logRetentionDays = logRetentionDays
        self.ephemeralStorageMB = ephemeralStorageMB
        self.runtime = runtime
    }
}
