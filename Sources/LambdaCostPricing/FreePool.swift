/// The free-tier allowances, each shared by several items.
enum FreePool: CaseIterable {
    case lambdaRequests, lambdaGBSeconds, logsGB, alarms, dashboards, xrayRecorded, xrayScanned, sqsRequests

    init?(item: PriceItemKey) {
        switch item {
        case .requestsX86, .requestsArm: self = .lambdaRequests
        case .durationX86, .durationArm: self = .lambdaGBSeconds
        case .logsIngestStandard, .logsIngestInfrequentAccess, .logsIngestVended, .logsStorage: self = .logsGB
        case .alarmStandard: self = .alarms
        case .dashboard: self = .dashboards
        case .xrayTracesRecorded: self = .xrayRecorded
        case .xrayTracesScanned: self = .xrayScanned
        case .sqsRequests: self = .sqsRequests
        case .provisionedConcurrencyX86, .provisionedConcurrencyArm, .durationProvisionedX86,
            .durationProvisionedArm, .ephemeralStorageX86, .ephemeralStorageArm:
            return nil
        }
    }

    func quantity(in tier: FreeTier) -> Double {
        switch self {
        case .lambdaRequests: return tier.lambdaRequests
        case .lambdaGBSeconds: return tier.lambdaGBSeconds
        case .logsGB: return tier.logsGB
        case .alarms: return tier.alarms
        case .dashboards: return tier.dashboards
        case .xrayRecorded: return tier.xrayTracesRecorded
        case .xrayScanned: return tier.xrayTracesScanned
        case .sqsRequests: return tier.sqsRequests
        }
    }
}
