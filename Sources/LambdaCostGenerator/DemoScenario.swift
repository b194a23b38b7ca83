/// A synthetic Lambda stack: the functions whose exports ``DemoDataset`` writes.
public struct DemoScenario: Sendable, Hashable {
    /// The fake account every standard function belongs to.
    public static let defaultAccountId = "123456789012"

    /// The functions, in the order files and truth list them.
    public var functions: [SyntheticFunction]
    /// The account-wide concurrency limit written to `get-account-settings.json`.
    public var accountConcurrencyLimit: Int

    /// A scenario of the given functions.
    public init(functions: [SyntheticFunction], accountConcurrencyLimit: Int = 1000) {
        self.functions = functions
        self.accountConcurrencyLimit = accountConcurrencyLimit
    }

    /// The same stack with every function's monthly invocations multiplied by `factor`
    /// (for benchmarks at scale).
    public func scaled(by factor: Double) -> DemoScenario {
        var copy = self
        for i in copy.functions.indices { copy.functions[i].workload.monthlyInvocations *= factor }
        return copy
    }

    /// Six functions around the seed's `order-processor`, each showing one thing the analyzer
    /// should find; about 150k invocations a month.
    public static let standard = DemoScenario(functions: [
        // The seed stack (lessons-learned.md): 512 MB, 30 s, 7-day logs, reserved 5, X-Ray, DLQ.
        // Fan-out bursts push it past its 5 reserved environments at peak hours.
        SyntheticFunction(
            name: "order-processor", memoryMB: 512, timeoutSeconds: 30, logRetentionDays: 7,
            reservedConcurrency: 5, runtime: "nodejs20.x", isAsync: true, tracingActive: true,
            deadLetterQueueName: "order-processor-dlq", team: "orders",
            workload: SyntheticWorkload(
                monthlyInvocations: 45_000, hourlyShape: SyntheticWorkload.diurnal(peakHour: 17, peakToTrough: 6),
                weekendFactor: 1.3, ioMilliseconds: 260, cpuMilliseconds: 90, referenceMemoryMB: 512,
                durationSpread: 0.45, errorRate: 0.004, poisonRate: 0.0005, timeoutRate: 0.0008, coldStartRate: 0.02,
                initMedianMilliseconds: 310, memoryUsedMedianMB: 96, appLogBytes: 140,
                burstProbability: 0.05, burstSize: 8)),
        // Over-provisioned: 3008 MB but almost all I/O, so memory buys nothing. A container image
        // with 2 GB of ephemeral storage (billed above 512 MB).
        SyntheticFunction(
            name: "image-resizer", memoryMB: 3008, timeoutSeconds: 60, logRetentionDays: 14,
            runtime: nil, packageType: "Image", ephemeralStorageMB: 2048, team: "media",
            workload: SyntheticWorkload(
                monthlyInvocations: 30_000, ioMilliseconds: 850, cpuMilliseconds: 40, referenceMemoryMB: 3008,
                durationSpread: 0.3, errorRate: 0.001, coldStartRate: 0.03, initMedianMilliseconds: 700,
                memoryUsedMedianMB: 210, memoryUsedSpread: 0.15, appLogBytes: 90)),
        // Provisioned concurrency 4 for a trickle of traffic: PC cost far above what it saves.
        SyntheticFunction(
            name: "api-handler", memoryMB: 1024, timeoutSeconds: 10, logRetentionDays: 30,
            provisionedConcurrency: 4, runtime: "nodejs20.x", team: "api",
            workload: SyntheticWorkload(
                monthlyInvocations: 20_000, hourlyShape: SyntheticWorkload.diurnal(peakHour: 14, peakToTrough: 3),
                weekendFactor: 0.5, ioMilliseconds: 35, cpuMilliseconds: 15, referenceMemoryMB: 1024,
                durationSpread: 0.3, errorRate: 0.003, coldStartRate: 0, memoryUsedMedianMB: 120, appLogBytes: 140)),
        // CPU-bound; resized from 1024 to 2048 MB mid-month, so d_io and d_cpu can be fitted.
        SyntheticFunction(
            name: "report-generator", memoryMB: 2048, timeoutSeconds: 120, logRetentionDays: 90,
            runtime: "java21", team: "finance",
            resize: SyntheticFunction.Resize(previousMemoryMB: 1024, atFractionOfMonth: 0.5),
            workload: SyntheticWorkload(
                monthlyInvocations: 4_000, hourlyShape: SyntheticWorkload.diurnal(peakHour: 6, peakToTrough: 5),
                ioMilliseconds: 400, cpuMilliseconds: 3600, referenceMemoryMB: 1024, durationSpread: 0.2,
                errorRate: 0.002, timeoutRate: 0.0005, coldStartRate: 0.05, initMedianMilliseconds: 1800,
                memoryUsedMedianMB: 620, appLogBytes: 400)),
        // arm64 stream consumer.
        SyntheticFunction(
            name: "event-enricher", architecture: .arm64, memoryMB: 256, timeoutSeconds: 15, logRetentionDays: 14,
            runtime: "python3.12", isAsync: true, team: "data",
            workload: SyntheticWorkload(
                monthlyInvocations: 40_000, hourlyShape: SyntheticWorkload.diurnal(peakHour: 12, peakToTrough: 2),
                ioMilliseconds: 45, cpuMilliseconds: 30, referenceMemoryMB: 256, errorRate: 0.001,
                coldStartRate: 0.01, initMedianMilliseconds: 220, memoryUsedMedianMB: 70, appLogBytes: 100)),
        // Chatty logs that never expire: storage grows forever.
        SyntheticFunction(
            name: "audit-logger", memoryMB: 128, timeoutSeconds: 5, logRetentionDays: nil,
            runtime: "python3.12", isAsync: true, team: "security",
            workload: SyntheticWorkload(
                monthlyInvocations: 15_000, ioMilliseconds: 20, cpuMilliseconds: 8, referenceMemoryMB: 128,
                errorRate: 0.0005, coldStartRate: 0.02, initMedianMilliseconds: 180, memoryUsedMedianMB: 45,
                appLogBytes: 900)),
    ])
}
