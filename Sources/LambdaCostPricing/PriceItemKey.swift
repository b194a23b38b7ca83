import LambdaCostCore

/// The items the engine prices, named as in the catalog files.
public enum PriceItemKey: String, Sendable, CaseIterable, Codable {
    case requestsX86 = "requests_x86_64"
    case requestsArm = "requests_arm64"
    case durationX86 = "duration_x86_64"
    case durationArm = "duration_arm64"
    case provisionedConcurrencyX86 = "provisioned_concurrency_x86_64"
    case provisionedConcurrencyArm = "provisioned_concurrency_arm64"
    case durationProvisionedX86 = "duration_provisioned_x86_64"
    case durationProvisionedArm = "duration_provisioned_arm64"
    case ephemeralStorageX86 = "ephemeral_storage_x86_64"
    case ephemeralStorageArm = "ephemeral_storage_arm64"
    case logsIngestStandard = "logs_ingest_standard"
    case logsIngestInfrequentAccess = "logs_ingest_infrequent_access"
    case logsIngestVended = "logs_ingest_vended"
    case logsStorage = "logs_storage"
    case alarmStandard = "alarm_standard"
    case dashboard
    case xrayTracesRecorded = "xray_traces_recorded"
    case xrayTracesScanned = "xray_traces_scanned"
    case sqsRequests = "sqs_requests"

    /// The catalog file (service) an item lives in.
    public var service: PricedService {
        switch self {
        case .requestsX86, .requestsArm, .durationX86, .durationArm, .provisionedConcurrencyX86,
            .provisionedConcurrencyArm, .durationProvisionedX86, .durationProvisionedArm, .ephemeralStorageX86,
            .ephemeralStorageArm:
            return .lambda
        case .logsIngestStandard, .logsIngestInfrequentAccess, .logsIngestVended, .logsStorage, .alarmStandard,
            .dashboard:
            return .cloudWatch
        case .xrayTracesRecorded, .xrayTracesScanned: return .xray
        case .sqsRequests: return .sqs
        }
    }

    /// Request price for an architecture.
    public static func requests(_ arch: Architecture) -> Self { arch == .arm64 ? .requestsArm : .requestsX86 }
    /// On-demand duration price for an architecture.
    public static func duration(_ arch: Architecture) -> Self { arch == .arm64 ? .durationArm : .durationX86 }
    /// Configured provisioned-concurrency price for an architecture.
    public static func provisionedConcurrency(_ arch: Architecture) -> Self {
        arch == .arm64 ? .provisionedConcurrencyArm : .provisionedConcurrencyX86
    }
    /// Duration-on-provisioned-concurrency price for an architecture.
    public static func durationProvisioned(_ arch: Architecture) -> Self {
        arch == .arm64 ? .durationProvisionedArm : .durationProvisionedX86
    }
    /// Ephemeral storage (above 512 MB) price for an architecture.
    public static func ephemeralStorage(_ arch: Architecture) -> Self {
        arch == .arm64 ? .ephemeralStorageArm : .ephemeralStorageX86
    }
}
