import LambdaCostCore

/// Where the columns a billing CSV reader needs sit in one file's header (-1 when absent).
/// Columns are found by name, in any order; unknown columns are ignored.
struct BillingColumns {
    enum Dialect {
        case cur, cur2, focus

        var format: InputFormat {
            switch self {
            case .cur: return .curCSV
            case .cur2: return .cur2CSV
            case .focus: return .focusCSV
            }
        }
    }

    let dialect: Dialect
    var usageStart = -1
    var payer = -1
    var account = -1
    var lineItemType = -1
    var service = -1
    /// Used when the product code is empty (CUR `product/ProductName`).
    var serviceFallback = -1
    var usageType = -1
    var operation = -1
    var resource = -1
    var usageAmount = -1
    /// FOCUS `PricingQuantity`, when `ConsumedQuantity` is NULL.
    var usageAmountFallback = -1
    var unit = -1
    var unitFallback = -1
    var unblended = -1
    var savingsPlanEffective = -1
    var reservationEffective = -1
    /// FOCUS `EffectiveCost`.
    var effective = -1
    var netUnblended = -1
    var region = -1
    var currency = -1
    /// FOCUS `ChargeDescription`, from which usage types are derived when `x_UsageType` is absent.
    var chargeDescription = -1
    /// A JSON object column of tags (CUR 2.0 `resource_tags`, FOCUS `Tags`).
    var tagsJSON = -1
    /// Legacy CUR `resourceTags/…` columns: index and tag key (without `user:`).
    var tagColumns: [(index: Int, key: String)] = []

    /// Resolves the header.
    /// - Throws: `LambdaCostError.badInput` at line 1 when a required column is missing.
    init(dialect: Dialect, reader: CSVReader, path: String) throws {
        self.dialect = dialect
        func find(_ names: String...) -> Int {
            for n in names { if let i = reader.index(of: n) { return i } }
            return -1
        }
        let required: [(String, Int)]
        switch dialect {
        case .cur:
            usageStart = find("lineItem/UsageStartDate")
            payer = find("bill/PayerAccountId")
            account = find("lineItem/UsageAccountId")
            lineItemType = find("lineItem/LineItemType")
            service = find("lineItem/ProductCode")
            serviceFallback = find("product/ProductName", "product/servicecode")
            usageType = find("lineItem/UsageType")
            operation = find("lineItem/Operation")
            resource = find("lineItem/ResourceId")
            usageAmount = find("lineItem/UsageAmount")
            unit = find("pricing/unit")
            unblended = find("lineItem/UnblendedCost")
            savingsPlanEffective = find("savingsPlan/SavingsPlanEffectiveCost")
            reservationEffective = find("reservation/EffectiveCost")
            netUnblended = find("lineItem/NetUnblendedCost")
            region = find("product/region", "product/regionCode")
            currency = find("lineItem/CurrencyCode")
            for (k, name) in reader.header.enumerated() where name.hasPrefix("resourceTags/") {
                var key = name.dropFirst("resourceTags/".count)
                if key.hasPrefix("user:") { key = key.dropFirst(5) }
                tagColumns.append((k, String(key)))
            }
            required = [("lineItem/UsageStartDate", usageStart), ("lineItem/UnblendedCost", unblended), ("lineItem/ProductCode", max(service, serviceFallback))]
        case .cur2:
            usageStart = find("line_item_usage_start_date")
            payer = find("bill_payer_account_id")
            account = find("line_item_usage_account_id")
            lineItemType = find("line_item_line_item_type")
            service = find("line_item_product_code")
            serviceFallback = find("product_servicecode", "product_product_name")
            usageType = find("line_item_usage_type")
            operation = find("line_item_operation")
            resource = find("line_item_resource_id")
            usageAmount = find("line_item_usage_amount")
            unit = find("pricing_unit")
            unblended = find("line_item_unblended_cost")
            savingsPlanEffective = find("savings_plan_savings_plan_effective_cost")
            reservationEffective = find("reservation_effective_cost")
            netUnblended = find("line_item_net_unblended_cost")
            region = find("product_region_code", "product_region")
            currency = find("line_item_currency_code")
            tagsJSON = find("resource_tags")
            required = [("line_item_usage_start_date", usageStart), ("line_item_unblended_cost", unblended), ("line_item_product_code", max(service, serviceFallback))]
        case .focus:
            usageStart = find("ChargePeriodStart")
            payer = find("BillingAccountId")
            account = find("SubAccountId")
            lineItemType = find("ChargeCategory")
            service = find("ServiceName")
            usageType = find("x_UsageType")
            operation = find("x_Operation")
            resource = find("ResourceId")
            usageAmount = find("ConsumedQuantity")
            usageAmountFallback = find("PricingQuantity")
            unit = find("PricingUnit")
            unitFallback = find("ConsumedUnit")
            unblended = find("BilledCost")
            effective = find("EffectiveCost")
            region = find("RegionId")
            currency = find("BillingCurrency")
            chargeDescription = find("ChargeDescription")
            tagsJSON = find("Tags")
            required = [("ChargePeriodStart", usageStart), ("BilledCost", unblended), ("ServiceName", service)]
        }
        for (name, index) in required where index < 0 {
            throw LambdaCostError.badInput(
                file: path, line: 1, column: nil, expected: "a \(dialect.format.summary) header with a '\(name)' column",
                found: "a header without it (\(reader.header.count) columns: "
                    + LambdaCostError.excerpt(reader.header.joined(separator: ","), limit: 120) + ")")
        }
    }
}
