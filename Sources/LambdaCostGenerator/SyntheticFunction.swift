import LambdaCostCore

/// One Lambda function of a synthetic stack: its configuration as AWS would report it and the
/// workload truth that drives its generated traffic.
public struct SyntheticFunction: Sendable, Hashable {
    /// A memory change during the first generated month: before the change the function ran at
    /// `previousMemoryMB`.
    public struct Resize: Sendable, Hashable {
        /// The memory size before the change.
        public var previousMemoryMB: Int
        /// When the change happened, as a fraction (0–1) of the first month.
        public var atFractionOfMonth: Double

        /// A resize from `previousMemoryMB` at the given point of the month.
        public init(previousMemoryMB: Int, atFractionOfMonth: Double) {
            self.previousMemoryMB = previousMemoryMB
            self.atFractionOfMonth = atFractionOfMonth
        }
    }

    /// Function name.
    public var name: String
    /// AWS Region code.
    public var region: String
    /// Twelve-digit account id.
    public var accountId: String
    /// Instruction-set architecture.
    public var architecture: Architecture
    /// The current (final) memory size, MB.
    public var memoryMB: Int
    /// Timeout, seconds.
    public var timeoutSeconds: Int
    /// Log group retention; nil = never expire.
    public var logRetentionDays: Int?
    /// Reserved concurrency; nil = none.
    public var reservedConcurrency: Int?
    /// Provisioned concurrency on the live alias; nil = none.
    public var provisionedConcurrency: Int?
    /// `nodejs20.x`, `python3.12`, … (nil for container images).
    public var runtime: String?
    /// `Zip` or `Image`.
    public var packageType: String
    /// Invoked asynchronously (events retried twice on error or timeout).
    public var isAsync: Bool
    /// X-Ray active tracing.
    public var tracingActive: Bool
    /// Name of the SQS dead-letter queue, if any.
    public var deadLetterQueueName: String?
    /// Ephemeral storage, MB (512 is free).
    public var ephemeralStorageMB: Int
    /// Value of the `team` cost allocation tag.
    public var team: String
    /// A memory change during the first month, if any.
    public var resize: Resize?
    /// Traffic and behaviour truth.
    public var workload: SyntheticWorkload

    /// A function with on-demand defaults for everything but name, memory, timeout and workload.
    public init(
        name: String, region: String = "us-east-1", accountId: String = DemoScenario.defaultAccountId,
        architecture: Architecture = .x86_64, memoryMB: Int, timeoutSeconds: Int, logRetentionDays: Int? = 30,
        reservedConcurrency: Int? = nil, provisionedConcurrency: Int? = nil, runtime: String? = "python3.12",
        packageType: String = "Zip", isAsync: Bool = false, tracingActive: Bool = false,
        deadLetterQueueName: String? = nil, ephemeralStorageMB: Int = 512, team: String = "platform",
        resize: Resize? = nil, workload: SyntheticWorkload
    ) {
        self.name = name
        self.region = region
        self.accountId = accountId
        self.architecture = architecture
        self.memoryMB = memoryMB
        self.timeoutSeconds = timeoutSeconds
        self.logRetentionDays = logRetentionDays
        self.reservedConcurrency = reservedConcurrency
        self.provisionedConcurrency = provisionedConcurrency
        self.runtime = runtime
        self.packageType = packageType
        self.isAsync = isAsync
        self.tracingActive = tracingActive
        self.deadLetterQueueName = deadLetterQueueName
        self.ephemeralStorageMB = ephemeralStorageMB
        self.team = team
        self.resize = resize
        self.workload = workload
    }

    /// The function's identity.
    public var identity: FunctionIdentity { FunctionIdentity(account: accountId, region: region, name: name) }
    /// `arn:aws:lambda:<region>:<account>:function:<name>`.
    public var arn: String { "arn:aws:lambda:\(region):\(accountId):function:\(name)" }
    /// `/aws/lambda/<name>`.
    public var logGroupName: String { "/aws/lambda/\(name)" }
    /// The log group's ARN as CUR and describe-log-groups print it.
    public var logGroupARN: String { "arn:aws:logs:\(region):\(accountId):log-group:\(logGroupName)" }
    /// The DLQ's ARN, if any.
    public var deadLetterQueueARN: String? { deadLetterQueueName.map { "arn:aws:sqs:\(region):\(accountId):\($0)" } }
}
