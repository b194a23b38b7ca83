import LambdaCostCore

/// Formats legacy CUR rows for any column layout: each header name maps once to the field it
/// prints, unknown names print empty, so one writer serves the 51-column demo and the 120-column
/// benchmark alike.
final class CURWriter {
    private enum Field {
        case empty, lineItemId, timeInterval, invoicingEntity, billingEntity, billType, payer, periodStart, periodEnd
        case usageAccount, lineItemType, usageStart, usageEnd, productCode, usageType, operation, resourceId
        case usageAmount, currency, unblendedRate, unblendedCost, blendedRate, blendedCost, description, legalEntity
        case productName, group, location, locationType, productOperation, productFamily, region, serviceCode
        case serviceName, sku, productUsageType, pricingCurrency, publicOnDemandCost, publicOnDemandRate, term, unit
        case environment, team
    }

    private static let mapping: [String: Field] = [
        "identity/LineItemId": .lineItemId, "identity/TimeInterval": .timeInterval,
        "bill/InvoicingEntity": .invoicingEntity, "bill/BillingEntity": .billingEntity, "bill/BillType": .billType,
        "bill/PayerAccountId": .payer, "bill/BillingPeriodStartDate": .periodStart,
        "bill/BillingPeriodEndDate": .periodEnd, "lineItem/UsageAccountId": .usageAccount,
        "lineItem/LineItemType": .lineItemType, "lineItem/UsageStartDate": .usageStart,
        "lineItem/UsageEndDate": .usageEnd, "lineItem/ProductCode": .productCode,
        "lineItem/UsageType": .usageType, "lineItem/Operation": .operation, "lineItem/ResourceId": .resourceId,
        "lineItem/UsageAmount": .usageAmount, "lineItem/CurrencyCode": .currency,
        "lineItem/UnblendedRate": .unblendedRate, "lineItem/UnblendedCost": .unblendedCost,
        "lineItem/BlendedRate": .blendedRate, "lineItem/BlendedCost": .blendedCost,
        "lineItem/LineItemDescription": .description, "lineItem/LegalEntity": .legalEntity,
        "product/ProductName": .productName, "product/group": .group, "product/location": .location,
        "product/locationType": .locationType, "product/operation": .productOperation,
        "product/productFamily": .productFamily, "product/region": .region, "product/regionCode": .region,
        "product/servicecode": .serviceCode, "product/servicename": .serviceName, "product/sku": .sku,
        "product/usagetype": .productUsageType, "pricing/currency": .pricingCurrency,
        "pricing/publicOnDemandCost": .publicOnDemandCost, "pricing/publicOnDemandRate": .publicOnDemandRate,
        "pricing/term": .term, "pricing/unit": .unit, "resourceTags/user:environment": .environment,
        "resourceTags/user:team": .team,
    ]

    /// Significant digits for amounts, rates and costs: enough that summing a month of rows
    /// stays within 1e-10 of the exact product.
    static let digits = 12

    private let out: ByteWriter
    private let fields: [Field]
    private let columns: [String]
    private let payer: [UInt8]
    private let periodStart: [UInt8]
    private let periodEnd: [UInt8]
    private let region: [UInt8]
    private let location: [UInt8]
    private var rng: SplitMix64
    private var row: [UInt8] = []
    private var rateText: [UInt8] = []
    private var costText: [UInt8] = []
    private var lastRate: Double = .nan
    private var cachedHourStart: Int64 = .min
    private var cachedStart: [UInt8] = []
    private var cachedEnd: [UInt8] = []
    private var cachedEndMs: Int64 = .min

    init(out: ByteWriter, columns: [String], payer: String, month: Month, region: String, location: String, seed: UInt64) {
        self.out = out
        self.columns = columns
        fields = columns.map { Self.mapping[$0] ?? .empty }
        self.payer = Array(payer.utf8)
        periodStart = Array(NumberFormat.iso(millis: month.startEpochSeconds * 1000).utf8)
        periodEnd = Array(NumberFormat.iso(millis: month.endEpochSeconds * 1000).utf8)
        self.region = Array(region.utf8)
        self.location = CURLine.field(location)
        rng = SplitMix64(seed: seed, stream: "cur-line-ids", index: month.year * 12 + month.month)
        row.reserveCapacity(4096)
    }

    func writeHeader() throws {
        try out.text(columns.map { CURLine.field($0) }.map { String(decoding: $0, as: UTF8.self) }.joined(separator: ","))
        try out.byte(10)
    }

    func write(_ line: CURLine) throws {
        if line.startMs != cachedHourStart {
            cachedHourStart = line.startMs
            cachedStart.removeAll(keepingCapacity: true)
            NumberFormat.appendISO(millis: line.startMs, fraction: false, zulu: true, to: &cachedStart)
        }
        if line.endMs != cachedEndMs {
            cachedEndMs = line.endMs
            cachedEnd.removeAll(keepingCapacity: true)
            NumberFormat.appendISO(millis: line.endMs, fraction: false, zulu: true, to: &cachedEnd)
        }
        // Rate and cost each appear in three columns: format them once per row.
        if line.rate != lastRate {
            lastRate = line.rate
            rateText.removeAll(keepingCapacity: true)
            NumberFormat.appendDecimal(line.rate, significant: Self.digits, to: &rateText)
        }
        costText.removeAll(keepingCapacity: true)
        NumberFormat.appendDecimal(line.cost, significant: Self.digits, to: &costText)
        row.removeAll(keepingCapacity: true)
        for (i, field) in fields.enumerated() {
            if i > 0 { row.append(UInt8(ascii: ",")) }
            switch field {
            case .empty: break
            case .lineItemId: appendLineItemId()
            case .timeInterval:
                row.append(contentsOf: cachedStart)
                row.append(UInt8(ascii: "/"))
                row.append(contentsOf: cachedEnd)
            case .invoicingEntity, .legalEntity: row.append(contentsOf: Self.legalEntity)
            case .billingEntity: row.append(contentsOf: "AWS".utf8)
            case .billType: row.append(contentsOf: "Anniversary".utf8)
            case .payer: row.append(contentsOf: payer)
            case .periodStart: row.append(contentsOf: periodStart)
            case .periodEnd: row.append(contentsOf: periodEnd)
            case .usageAccount: row.append(contentsOf: line.usageAccountId)
            case .lineItemType: row.append(contentsOf: line.lineItemType)
            case .usageStart: row.append(contentsOf: cachedStart)
            case .usageEnd: row.append(contentsOf: cachedEnd)
            case .productCode: row.append(contentsOf: line.productCode)
            case .usageType, .productUsageType: row.append(contentsOf: line.usageType)
            case .operation, .productOperation: row.append(contentsOf: line.operation)
            case .resourceId: row.append(contentsOf: line.resourceId)
            case .usageAmount: NumberFormat.appendDecimal(line.amount, significant: Self.digits, to: &row)
            case .currency, .pricingCurrency: row.append(contentsOf: "USD".utf8)
            case .unblendedRate, .blendedRate, .publicOnDemandRate: row.append(contentsOf: rateText)
            case .unblendedCost, .blendedCost, .publicOnDemandCost: row.append(contentsOf: costText)
            case .description: row.append(contentsOf: line.description)
            case .productName, .serviceName: row.append(contentsOf: line.productName)
            case .group: row.append(contentsOf: line.group)
            case .location: row.append(contentsOf: location)
            case .locationType: row.append(contentsOf: "AWS Region".utf8)
            case .productFamily: row.append(contentsOf: line.productFamily)
            case .region: row.append(contentsOf: region)
            case .serviceCode: row.append(contentsOf: line.serviceCode)
            case .sku: row.append(contentsOf: line.sku)
            case .term: row.append(contentsOf: "OnDemand".utf8)
            case .unit: row.append(contentsOf: line.unit)
            case .environment: row.append(contentsOf: "prod".utf8)
            case .team: row.append(contentsOf: line.team)
            }
        }
        row.append(10)
        try out.bytes(row)
    }

    private static let legalEntity = CURLine.field("Amazon Web Services, Inc.")

    /// 52 lowercase base-32 characters, like AWS's line item ids (and, like them, meaningless).
    private func appendLineItemId() {
        let alphabet: StaticString = "abcdefghijklmnopqrstuvwxyz234567"
        alphabet.withUTF8Buffer { table in
            var bits = rng.next()
            var left = 12
            for _ in 0..<52 {
                if left == 0 {
                    bits = rng.next()
                    left = 12
                }
                row.append(table[Int(bits & 31)])
                bits >>= 5
                left -= 1
            }
        }
    }
}
