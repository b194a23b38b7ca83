import LambdaCostCore

/// Turns a function's hourly usage into legacy CUR line items priced at list rates (tier 1, no
/// free tier), adding each line's cost to the function's truth as it goes.
struct DemoCURLines {
    let prices: GeneratorPrices
    let month: Month

    /// The Region prefix of usage types: none in us-east-1 (BRIEF §1), `USW2-` etc. elsewhere.
    static func usagePrefix(region: String) -> String {
        switch region {
        case "us-east-1": return ""
        case "us-east-2": return "USE2-"
        case "us-west-1": return "USW1-"
        case "us-west-2": return "USW2-"
        case "eu-west-1": return "EU-"
        case "eu-central-1": return "EUC1-"
        case "eu-west-2": return "EUW2-"
        case "ap-southeast-1": return "APS1-"
        case "ap-southeast-2": return "APS2-"
        case "ap-northeast-1": return "APN1-"
        default: return region.uppercased() + "-"
        }
    }

    private func line(
        hour: Int, account: String, product: String, productName: String, family: String, group: String,
        usageType: String, operation: String, resource: String, amount: Double, rate: Double, unit: String,
        description: String, team: String, hours: Int = 1
    ) -> CURLine {
        let start = (month.startEpochSeconds + Int64(hour) * 3600) * 1000
        return CURLine(
            lineItemType: Array("Usage".utf8), startMs: start, endMs: start + Int64(hours) * 3_600_000,
            usageAccountId: Array(account.utf8), productCode: Array(product.utf8), usageType: Array(usageType.utf8),
            operation: Array(operation.utf8), resourceId: CURLine.field(resource), amount: amount, rate: rate,
            cost: amount * rate, description: CURLine.field(description), productName: CURLine.field(productName),
            productFamily: CURLine.field(family), group: Array(group.utf8), serviceCode: Array(product.utf8),
            sku: Array(Self.sku(product + usageType).utf8), unit: Array(unit.utf8), team: CURLine.field(team))
    }

    /// A stable fake SKU (16 upper-case letters and digits) for a product and usage type.
    static func sku(_ key: String) -> String {
        var rng = SplitMix64(seed: 0x5eed, stream: key)
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        return String((0..<16).map { _ in alphabet[Int(rng.next() % 32)] })
    }

    func lines(for usage: FunctionMonthUsage, hour h: Int, storedBytes: Double, cost: inout CostBreakdown) -> [CURLine] {
        let f = usage.function
        let arm = f.architecture == .arm64
        let suffix = arm ? "-ARM" : ""
        let prefix = Self.usagePrefix(region: f.region)
        var result: [CURLine] = []
        func lambda(_ usageType: String, _ group: String, _ amount: Double, _ rate: Double, _ unit: String, _ text: String) -> CURLine {
            line(hour: h, account: f.accountId, product: "AWSLambda", productName: "AWS Lambda", family: "Serverless",
                 group: group, usageType: prefix + usageType, operation: "Invoke", resource: f.arn, amount: amount,
                 rate: rate, unit: unit, description: text, team: f.team)
        }
        if usage.onDemandMBMilliseconds[h] > 0 {
            let gbs = Double(usage.onDemandMBMilliseconds[h]) / 1_024_000
            let rate = prices.duration(arm: arm)
            result.append(lambda("Lambda-GB-Second" + suffix, "AWS-Lambda-Duration" + suffix, gbs, rate, "Lambda-GB-Second",
                                 "AWS Lambda - Total Compute - US East (Northern Virginia)"))
            cost.compute += gbs * rate
        }
        if usage.requests[h] > 0 {
            let n = Double(usage.requests[h])
            result.append(lambda("Request" + suffix, "AWS-Lambda-Requests" + suffix, n, prices.request, "Requests",
                                 "AWS Lambda - Total Requests - US East (Northern Virginia)"))
            cost.requests += n * prices.request
        }
        if f.ephemeralStorageMB > 512 && usage.billedMilliseconds[h] > 0 {
            // Billed per GB-second of configured storage above 512 MB while the function runs.
            let gbs = Double(usage.billedMilliseconds[h]) / 1000 * Double(f.ephemeralStorageMB - 512) / 1024
            result.append(lambda("Lambda-Storage-GB-Second" + suffix, "AWS-Lambda-Storage-Duration" + suffix, gbs,
                                 prices.ephemeralStorage, "GB-Seconds",
                                 "AWS Lambda - Total Storage - US East (Northern Virginia)"))
            cost.ephemeralStorage += gbs * prices.ephemeralStorage
        }
        if let pc = f.provisionedConcurrency {
            let configured = Double(pc) * Double(f.memoryMB) / 1024 * 3600
            let rate = prices.provisioned(arm: arm)
            result.append(lambda("Lambda-Provisioned-Concurrency" + suffix, "AWS-Lambda-Provisioned-Concurrency" + suffix,
                                 configured, rate, "Lambda-GB-Second",
                                 "AWS Lambda - Total Provisioned Concurrency - US East (Northern Virginia)"))
            cost.provisioned += configured * rate
            if usage.provisionedMBMilliseconds[h] > 0 {
                let gbs = Double(usage.provisionedMBMilliseconds[h]) / 1_024_000
                let rate = prices.provisionedDuration(arm: arm)
                result.append(lambda("Lambda-Provisioned-GB-Second" + suffix, "AWS-Lambda-Duration-Provisioned" + suffix,
                                     gbs, rate, "Lambda-GB-Second",
                                     "AWS Lambda - Total Provisioned Duration - US East (Northern Virginia)"))
                cost.provisioned += gbs * rate
            }
        }
        if usage.logIngestBytes[h] > 0 {
            let gb = Double(usage.logIngestBytes[h]) / 1_073_741_824
            result.append(line(
                hour: h, account: f.accountId, product: "AmazonCloudWatch", productName: "AmazonCloudWatch",
                family: "Data Payload", group: "", usageType: prefix + "VendedLog-Bytes", operation: "PutLogEvents",
                resource: f.logGroupARN, amount: gb, rate: prices.vendedLogsPerGB, unit: "GB",
                description: "$0.50 per GB for the first 10TB of vended logs delivered to CloudWatch Logs", team: f.team))
            cost.logsIngest += gb * prices.vendedLogsPerGB
        }
        if storedBytes > 0 {
            let gbMonths = storedBytes / 1_073_741_824 / Double(month.hours)
            result.append(line(
                hour: h, account: f.accountId, product: "AmazonCloudWatch", productName: "AmazonCloudWatch",
                family: "Storage Snapshot", group: "", usageType: prefix + "TimedStorage-ByteHrs",
                operation: "HourlyStorageMetering", resource: f.logGroupARN, amount: gbMonths,
                rate: prices.logStoragePerGBMonth, unit: "GB-Mo",
                description: "$0.03 per GB-mo of log storage", team: f.team))
            cost.logsStorage += gbMonths * prices.logStoragePerGBMonth
        }
        if usage.traces[h] > 0 {
            let n = Double(usage.traces[h])
            // X-Ray lines carry no resource id in a real CUR; the team tag is all that links them.
            result.append(line(
                hour: h, account: f.accountId, product: "AWSXRay", productName: "AWS X-Ray", family: "AWS X-Ray",
                group: "", usageType: prefix + "XRay-TracesStored", operation: "", resource: "", amount: n,
                rate: prices.xrayTrace, unit: "Traces", description: "$5.00 per 1 million traces recorded", team: f.team))
            cost.xray += n * prices.xrayTrace
        }
        if usage.deadLetterMessages[h] > 0, let queue = f.deadLetterQueueARN {
            let n = Double(usage.deadLetterMessages[h])
            result.append(line(
                hour: h, account: f.accountId, product: "AWSQueueService", productName: "Amazon Simple Queue Service",
                family: "API Request", group: "", usageType: prefix + "Requests-Tier1", operation: "SendMessage",
                resource: queue, amount: n, rate: prices.sqsRequest, unit: "Requests",
                description: "$0.40 per million Amazon SQS standard requests in Tier1 in US East (N. Virginia)",
                team: f.team))
            cost.sqs += n * prices.sqsRequest
        }
        return result
    }

    /// A small EC2 instance every hour and S3 storage once a day, so that the CUR is not Lambda-only.
    func unrelatedLines(hour h: Int, account: String) -> [CURLine] {
        var result = [
            line(hour: h, account: account, product: "AmazonEC2", productName: "Amazon Elastic Compute Cloud",
                 family: "Compute Instance", group: "", usageType: "BoxUsage:t3.medium", operation: "RunInstances",
                 resource: "i-0a1b2c3d4e5f60718", amount: 1, rate: 0.0416, unit: "Hrs",
                 description: "$0.0416 per On Demand Linux t3.medium Instance Hour", team: "platform")
        ]
        if h % 24 == 0 {
            result.append(line(
                hour: h, account: account, product: "AmazonS3", productName: "Amazon Simple Storage Service",
                family: "Storage", group: "", usageType: "TimedStorage-ByteHrs", operation: "StandardStorage",
                resource: "lambdacost-demo-artifacts", amount: 12.5 / Double(month.days), rate: 0.023, unit: "GB-Mo",
                description: "$0.023 per GB - first 50 TB / month of storage used", team: "platform", hours: 24))
        }
        return result
    }
}
