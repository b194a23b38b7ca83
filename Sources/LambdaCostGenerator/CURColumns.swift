/// Legacy CUR header names, in the category order AWS delivers them.
public enum CURColumns {
    /// The columns a small Lambda account's CUR carries (51 columns).
    public static let standard: [String] = [
        "identity/LineItemId", "identity/TimeInterval",
        "bill/InvoiceId", "bill/InvoicingEntity", "bill/BillingEntity", "bill/BillType", "bill/PayerAccountId",
        "bill/BillingPeriodStartDate", "bill/BillingPeriodEndDate",
        "lineItem/UsageAccountId", "lineItem/LineItemType", "lineItem/UsageStartDate", "lineItem/UsageEndDate",
        "lineItem/ProductCode", "lineItem/UsageType", "lineItem/Operation", "lineItem/AvailabilityZone",
        "lineItem/ResourceId", "lineItem/UsageAmount", "lineItem/NormalizationFactor",
        "lineItem/NormalizedUsageAmount", "lineItem/CurrencyCode", "lineItem/UnblendedRate",
        "lineItem/UnblendedCost", "lineItem/BlendedRate", "lineItem/BlendedCost", "lineItem/LineItemDescription",
        "lineItem/TaxType", "lineItem/LegalEntity",
        "product/ProductName", "product/group", "product/location", "product/locationType", "product/operation",
        "product/productFamily", "product/region", "product/regionCode", "product/servicecode",
        "product/servicename", "product/sku", "product/usagetype",
        "pricing/RateCode", "pricing/currency", "pricing/publicOnDemandCost", "pricing/publicOnDemandRate",
        "pricing/term", "pricing/unit",
        "reservation/EffectiveCost", "savingsPlan/SavingsPlanEffectiveCost",
        "resourceTags/user:environment", "resourceTags/user:team",
    ]

    /// Extra real legacy CUR columns (EC2, S3, RDS product attributes, reservation and Savings
    /// Plan details) that a large organisation's CUR carries; mostly empty on Lambda rows.
    static let padding: [String] = [
        "product/abdInstanceClass", "product/availability", "product/availabilityZone", "product/capacitystatus",
        "product/classicnetworkingsupport", "product/clockSpeed", "product/currentGeneration",
        "product/databaseEngine", "product/dedicatedEbsThroughput", "product/deploymentOption",
        "product/description", "product/durability", "product/ecu", "product/engineCode",
        "product/enhancedNetworkingSupported", "product/eventType", "product/fromLocation",
        "product/fromLocationType", "product/fromRegionCode", "product/gpuMemory", "product/groupDescription",
        "product/instanceFamily", "product/instanceType", "product/instanceTypeFamily",
        "product/intelAvx2Available", "product/intelAvxAvailable", "product/intelTurboAvailable",
        "product/licenseModel", "product/logsDestination", "product/marketoption", "product/maxIopsvolume",
        "product/maxThroughputvolume", "product/maxVolumeSize", "product/memory", "product/memorytype",
        "product/messageDeliveryFrequency", "product/messageDeliveryOrder", "product/networkPerformance",
        "product/normalizationSizeFactor", "product/operatingSystem", "product/physicalProcessor",
        "product/preInstalledSw", "product/processorArchitecture", "product/processorFeatures",
        "product/queueType", "product/storage", "product/storageClass", "product/storageMedia",
        "product/tenancy", "product/toLocation", "product/toLocationType", "product/toRegionCode",
        "product/transferType", "product/vcpu", "product/version", "product/volumeApiName", "product/volumeType",
        "pricing/LeaseContractLength", "pricing/OfferingClass", "pricing/PurchaseOption", "pricing/RateId",
        "reservation/AmortizedUpfrontCostForUsage", "reservation/AmortizedUpfrontFeeForBillingPeriod",
        "reservation/EndTime", "reservation/ModificationStatus", "reservation/NormalizedUnitsPerReservation",
        "reservation/NumberOfReservations", "reservation/RecurringFeeForUsage", "reservation/ReservationARN",
        "reservation/StartTime", "reservation/SubscriptionId", "reservation/TotalReservedNormalizedUnits",
        "reservation/TotalReservedUnits", "reservation/UnitsPerReservation",
        "reservation/UnusedAmortizedUpfrontFeeForBillingPeriod", "reservation/UnusedNormalizedUnitQuantity",
        "reservation/UnusedQuantity", "reservation/UnusedRecurringFee", "reservation/UpfrontValue",
        "savingsPlan/AmortizedUpfrontCommitmentForBillingPeriod", "savingsPlan/EndTime",
        "savingsPlan/InstanceTypeFamily", "savingsPlan/NetAmortizedUpfrontCommitmentForBillingPeriod",
        "savingsPlan/OfferingType", "savingsPlan/PaymentOption", "savingsPlan/PurchaseTerm",
        "savingsPlan/RecurringCommitmentForBillingPeriod", "savingsPlan/Region", "savingsPlan/SavingsPlanARN",
        "savingsPlan/SavingsPlanRate", "savingsPlan/StartTime", "savingsPlan/TotalCommitmentToDate",
        "savingsPlan/UsedCommitment",
    ]

    /// ``standard`` plus padding columns and a few more tags: 120 columns, as a large account's
    /// legacy CUR has.
    public static var wide: [String] {
        let tags = ["resourceTags/aws:createdBy", "resourceTags/user:cost-center", "resourceTags/user:owner",
                    "resourceTags/user:service"]
        let body = standard.filter { !$0.hasPrefix("resourceTags/") }
        let userTags = standard.filter { $0.hasPrefix("resourceTags/") }
        let room = max(0, 120 - body.count - tags.count - userTags.count)
        return body + padding.prefix(room) + tags + userTags
    }
}
