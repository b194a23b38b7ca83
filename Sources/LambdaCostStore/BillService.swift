import LambdaCostCore

/// Service names and usage types on bills, the same whichever export they came from.
///
/// Scheme: a service is stored under its CUR `lineItem/ProductCode` (`AWSLambda`,
/// `AmazonCloudWatch`, `AWSXRay`, `AWSQueueService`, `AmazonEC2`, …); FOCUS `ServiceName`s,
/// CUR product names and Cost Explorer column titles of the same service map to that code, and
/// names this table does not know are kept as written. `bill` shows ``displayName(_:)``:
/// `AWS Lambda`, `AmazonCloudWatch`, `AWS X-Ray`, `Amazon Simple Queue Service`, else the code.
public enum BillService {
    public static let lambda = "AWSLambda"
    public static let cloudWatch = "AmazonCloudWatch"
    public static let xray = "AWSXRay"
    public static let sqs = "AWSQueueService"

    /// Services whose lines keep function, resource, usage type and operation.
    public static let detailed: Set<String> = [lambda, cloudWatch, xray, sqs]

    /// Whether a canonical service is kept in detail.
    public static func isDetailed(_ service: String) -> Bool { detailed.contains(service) }

    private static let aliases: [String: String] = [
        "AWS Lambda": lambda, "Lambda": lambda,
        "Amazon CloudWatch": cloudWatch, "CloudWatch": cloudWatch, "AmazonCloudWatchLogs": cloudWatch,
        "CloudWatch Logs": cloudWatch, "Amazon CloudWatch Logs": cloudWatch,
        "AWS X-Ray": xray, "X-Ray": xray, "AWS XRay": xray,
        "Amazon Simple Queue Service": sqs, "SQS": sqs, "Simple Queue Service": sqs,
        "Amazon Elastic Compute Cloud": "AmazonEC2", "Amazon Simple Storage Service": "AmazonS3",
        "Amazon DynamoDB": "AmazonDynamoDB", "Amazon API Gateway": "AmazonApiGateway",
        "Amazon Simple Notification Service": "AmazonSNS", "AWS Step Functions": "AmazonStates",
        "Amazon Virtual Private Cloud": "AmazonVPC", "Elastic Load Balancing": "AWSELB",
        "Amazon Relational Database Service": "AmazonRDS", "Amazon CloudFront": "AmazonCloudFront",
        "AWS Key Management Service": "awskms", "AWS CloudTrail": "AWSCloudTrail",
        "Amazon EC2 Container Registry (ECR)": "AmazonECR", "Amazon Elastic Container Service": "AmazonECS",
        "Amazon Route 53": "AmazonRoute53", "AWS Systems Manager": "AWSSystemsManager",
        "Amazon Elastic File System": "AmazonEFS", "Amazon Elastic Container Service for Kubernetes": "AmazonEKS",
    ]

    private static let displayNames: [String: String] = [
        lambda: "AWS Lambda", cloudWatch: "AmazonCloudWatch", xray: "AWS X-Ray", sqs: "Amazon Simple Queue Service",
    ]

    /// The canonical key of a product code, product name, FOCUS service name or Cost Explorer title.
    public static func canonical(_ name: String) -> String { aliases[name] ?? name }

    /// The name `bill` prints for a canonical key.
    public static func displayName(_ service: String) -> String { displayNames[service] ?? service }

    /// A usage type without its Region prefix: `USW2-Lambda-GB-Second` → `Lambda-GB-Second`.
    /// us-east-1 usage types carry none (BRIEF §1); a prefix is 2–6 upper-case letters or digits
    /// before the first `-`, which no usage-type stem is (`Lambda-…`, `TimedStorage-…`, `XRay-…`).
    public static func strippingRegionPrefix(_ usageType: String) -> Substring {
        let utf8 = usageType.utf8
        guard let dash = utf8.firstIndex(of: UInt8(ascii: "-")) else { return usageType[...] }
        let prefix = utf8[utf8.startIndex..<dash]
        guard (2...6).contains(prefix.count),
            prefix.allSatisfy({ ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) }),
            prefix.contains(where: { $0 >= 65 && $0 <= 90 })
        else { return usageType[...] }
        return usageType[usageType.index(after: dash)...]
    }

    /// The architecture a Lambda usage type implies: `-ARM` suffix → arm64.
    public static func architecture(usageType: String) -> Architecture {
        usageType.hasSuffix("-ARM") ? .arm64 : .x86_64
    }

    /// The cost key (BRIEF §6) of a line, from its service and usage type.
    public static func costKey(service: String, usageType: String) -> CostKey {
        let stem = strippingRegionPrefix(usageType)
        switch service {
        case lambda:
            if stem.contains("Provisioned") { return .provisioned }
            if stem.contains("Storage-GB-Second") { return .ephemeralStorage }
            if stem.contains("Lambda-GB-Second") { return .compute }
            if stem.hasPrefix("Request") || stem.hasPrefix("Global-Request") { return .requests }
            return .other
        case cloudWatch:
            if stem.contains("DataProcessing") || stem.contains("VendedLog-Bytes") { return .logsIngest }
            if stem.contains("TimedStorage-ByteHrs") { return .logsStorage }
            return .other
        case xray: return .xray
        case sqs: return .sqs
        default: return .other
        }
    }
}
