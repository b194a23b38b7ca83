import LambdaCostCore

/// One observation of a function's configuration (a `function_configs` row, or several merged).
///
/// Every setting is optional because each export carries only some of them: `list-functions`
/// has no reserved concurrency, `get-function-concurrency` has nothing else. A nil setting means
/// "not observed"; reserved concurrency additionally needs ``reservedKnown`` to tell "observed:
/// none" (nil, known) from "not observed" (nil, not known).
public struct FunctionConfigurationRecord: Sendable, Hashable {
    /// The function.
    public var identity: FunctionIdentity
    /// When the configuration was observed (ms since 1970, UTC); for a merged record, the latest
    /// observation that contributed.
    public var observedAtMs: Int64
    /// Memory size in MB.
    public var memoryMB: Int?
    /// Timeout in seconds.
    public var timeoutSeconds: Int?
    /// The architecture (first of `Architectures`).
    public var arch: Architecture?
    /// Ephemeral storage (`/tmp`) in MB.
    public var ephemeralStorageMB: Int?
    /// Runtime identifier, e.g. `nodejs20.x`; nil for container images.
    public var runtime: String?
    /// `Zip` or `Image`.
    public var packageType: String?
    /// X-Ray tracing mode: `Active` or `PassThrough`.
    public var tracingMode: String?
    /// Dead-letter queue or topic ARN.
    public var dlqTarget: String?
    /// `Text` or `JSON`.
    public var logFormat: String?
    /// The log group the function writes to (custom or `/aws/lambda/<name>`).
    public var logGroup: String?
    /// SnapStart `ApplyOn` (`None` or `PublishedVersions`).
    public var snapStart: String?
    /// Reserved concurrency; nil with ``reservedKnown`` = no reservation; 0 = function disabled.
    public var reservedConcurrency: Int?
    /// Whether the source said anything about reserved concurrency.
    public var reservedKnown: Bool
    /// Provisioned concurrency summed over qualifiers; nil = not observed.
    public var provisionedConcurrency: Int?

    /// Makes a record; settings default to "not observed".
    public init(
        identity: FunctionIdentity, observedAtMs: Int64, memoryMB: Int? = nil, timeoutSeconds: Int? = nil,
        arch: Architecture? = nil, ephemeralStorageMB: Int? = nil, runtime: String? = nil, packageType: String? = nil,
        tracingMode: String? = nil, dlqTarget: String? = nil, logFormat: String? = nil, logGroup: String? = nil,
        snapStart: String? = nil, reservedConcurrency: Int? = nil, reservedKnown: Bool = false,
        provisionedConcurrency: Int? = nil
    ) {
        self.identity = identity
        self.observedAtMs = observedAtMs
        self.memoryMB = memoryMB
        self.timeoutSeconds = timeoutSeconds
        self.arch = arch
        self.ephemeralStorageMB = ephemeralStorageMB
        self.runtime = runtime
        self.packageType = packageType
        self.tracingMode = tracingMode
        self.dlqTarget = dlqTarget
        self.logFormat = logFormat
        self.logGroup = logGroup
        self.snapStart = snapStart
        self.reservedConcurrency = reservedConcurrency
        self.reservedKnown = reservedKnown
        self.provisionedConcurrency = provisionedConcurrency
    }

    /// This record with every setting `newer` observed laid over it.
    public func overlaid(with newer: FunctionConfigurationRecord) -> FunctionConfigurationRecord {
        var r = self
        r.observedAtMs = max(observedAtMs, newer.observedAtMs)
        r.memoryMB = newer.memoryMB ?? memoryMB
        r.timeoutSeconds = newer.timeoutSeconds ?? timeoutSeconds
        r.arch = newer.arch ?? arch
        r.ephemeralStorageMB = newer.ephemeralStorageMB ?? ephemeralStorageMB
        r.runtime = newer.runtime ?? runtime
        r.packageType = newer.packageType ?? packageType
        r.tracingMode = newer.tracingMode ?? tracingMode
        r.dlqTarget = newer.dlqTarget ?? dlqTarget
        r.logFormat = newer.logFormat ?? logFormat
        r.logGroup = newer.logGroup ?? logGroup
        r.snapStart = newer.snapStart ?? snapStart
        if newer.reservedKnown {
            r.reservedConcurrency = newer.reservedConcurrency
            r.reservedKnown = true
        }
        r.provisionedConcurrency = newer.provisionedConcurrency ?? provisionedConcurrency
        return r
    }
}
