import LambdaCostCore

extension PriceItemKey {
    /// The cost key an item's charges go to.
    public var costKey: CostKey {
        switch self {
        case .requestsX86, .requestsArm: return .requests
        case .durationX86, .durationArm: return .compute
        case .provisionedConcurrencyX86, .provisionedConcurrencyArm, .durationProvisionedX86, .durationProvisionedArm:
            return .provisioned
        case .ephemeralStorageX86, .ephemeralStorageArm: return .ephemeralStorage
        case .logsIngestStandard, .logsIngestInfrequentAccess, .logsIngestVended: return .logsIngest
        case .logsStorage: return .logsStorage
        case .xrayTracesRecorded, .xrayTracesScanned: return .xray
        case .sqsRequests: return .sqs
        case .alarmStandard, .dashboard: return .other
        }
    }

    var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
