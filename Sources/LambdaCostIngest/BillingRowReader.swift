import LambdaCostCore
import LambdaCostStore

/// Turns one billing CSV record into aggregated sums. Everything derived from a repeated value
/// (service, resource → function, FOCUS description → usage type, tag JSON) is cached by the
/// value's interned id, so the per-row work is a few byte scans and dictionary lookups.
struct BillingRowReader {
    let c: BillingColumns
    let aggregator: BillAggregator
    let store: Store
    private let strings: ByteInterner

    /// Raw service id → (canonical service id, kept in detail).
    private var services: [Int32: (id: Int32, detailed: Bool)] = [:]
    /// Raw resource id → (function row id or -1, resource id kept).
    private var resources: [Int32: (function: Int64, resource: Int32)] = [:]
    /// FOCUS charge description id → (usage type id, unit override id or -1).
    private var descriptions: [Int32: (usageType: Int32, unit: Int32)] = [:]
    /// Tag JSON id → (key id, value id) pairs.
    private var tagSets: [Int32: [(Int32, Int32)]] = [:]
    private var tagKeyIDs: [Int32]
    private let usageID: Int32

    init(columns: BillingColumns, aggregator: BillAggregator, store: Store) {
        c = columns
        self.aggregator = aggregator
        self.store = store
        strings = aggregator.strings
        tagKeyIDs = columns.tagColumns.map { aggregator.strings.id($0.key) }
        usageID = aggregator.strings.id("Usage")
    }

    mutating func add(_ r: CSVRecord) throws {
        let day = try Self.day(r.bytes(at: c.usageStart), column: "usage start date")
        guard let unblended = r.double(at: c.unblended) else {
            throw BillingCSVIngestor.RowFailure(
                expected: "a number in the \(c.dialect == .focus ? "BilledCost" : "unblended cost") column",
                found: Self.describe(r.bytes(at: c.unblended)))
        }
        if c.currency >= 0, !r.isNull(at: c.currency), !r.field(at: c.currency, equals: "USD") {
            throw BillingCSVIngestor.RowFailure(expected: "currency USD", found: Self.describe(r.bytes(at: c.currency)))
        }
        var usage = try Self.number(r, c.usageAmount, "usage amount") ?? 0
        if c.usageAmountFallback >= 0, r.isNull(at: c.usageAmount) {
            usage = try Self.number(r, c.usageAmountFallback, "PricingQuantity") ?? 0
        }
        let lineItemType = c.lineItemType >= 0 ? strings.id(r.bytes(at: c.lineItemType)) : usageID
        var amortized = unblended
        switch c.dialect {
        case .cur, .cur2:
            if r.field(at: c.lineItemType, equals: "SavingsPlanCoveredUsage") {
                amortized = try Self.number(r, c.savingsPlanEffective, "savings plan effective cost") ?? unblended
            } else if r.field(at: c.lineItemType, equals: "DiscountedUsage") {
                amortized = try Self.number(r, c.reservationEffective, "reservation effective cost") ?? unblended
            } else if r.field(at: c.lineItemType, equals: "SavingsPlanNegation") {
                amortized = 0
            }
        case .focus:
            amortized = try Self.number(r, c.effective, "EffectiveCost") ?? unblended
        }
        let net = try Self.number(r, c.netUnblended, "net unblended cost") ?? unblended

        var rawService = r.bytes(at: c.service)
        if (rawService.isEmpty || r.isNull(at: c.service)), c.serviceFallback >= 0 { rawService = r.bytes(at: c.serviceFallback) }
        let service = self.service(strings.id(rawService))
        var unit = strings.id(Self.nonNull(r, c.unit))
        if unit == ByteInterner.empty, c.unitFallback >= 0 { unit = strings.id(Self.nonNull(r, c.unitFallback)) }
        var key = BillAggregator.LineKey(
            day: day, payer: strings.id(Self.nonNull(r, c.payer)), account: strings.id(Self.nonNull(r, c.account)),
            region: strings.id(Self.nonNull(r, c.region)), service: service.id, function: -1, resource: ByteInterner.empty,
            usageType: ByteInterner.empty, operation: ByteInterner.empty, lineItemType: lineItemType, unit: unit)
        if service.detailed {
            let target = resource(strings.id(Self.nonNull(r, c.resource)))
            key.function = target.function
            key.resource = target.resource
            key.operation = strings.id(Self.nonNull(r, c.operation))
            let usageType = Self.nonNull(r, c.usageType)
            if usageType.isEmpty, c.chargeDescription >= 0 {
                let derived = description(strings.id(Self.nonNull(r, c.chargeDescription)), service: service.id)
                key.usageType = derived.usageType
                if derived.unit >= 0 { key.unit = derived.unit }
            } else {
                key.usageType = strings.id(usageType)
            }
        }
        aggregator.add(key, usage: usage, unblended: unblended, amortized: amortized, net: net)

        for (n, column) in c.tagColumns.enumerated() where !r.isNull(at: column.index) {
            aggregator.addTag(
                .init(day: day, service: service.id, function: key.function, key: tagKeyIDs[n], value: strings.id(r.bytes(at: column.index))),
                unblended: unblended, amortized: amortized, net: net)
        }
        if c.tagsJSON >= 0, !r.isNull(at: c.tagsJSON) {
            for (k, v) in try tags(strings.id(r.bytes(at: c.tagsJSON))) {
                aggregator.addTag(
                    .init(day: day, service: service.id, function: key.function, key: k, value: v),
                    unblended: unblended, amortized: amortized, net: net)
            }
        }
    }

    private mutating func service(_ raw: Int32) -> (id: Int32, detailed: Bool) {
        if let known = services[raw] { return known }
        let canonical = BillService.canonical(strings[raw])
        let result = (strings.id(canonical), BillService.isDetailed(canonical))
        services[raw] = result
        return result
    }

    /// A Lambda ARN names its function (qualifiers fold in); a `/aws/lambda/<name>` log group
    /// ARN names the function whose logs it holds; anything else stays a resource string.
    private mutating func resource(_ raw: Int32) -> (function: Int64, resource: Int32) {
        if let known = resources[raw] { return known }
        let text = strings[raw]
        var result: (Int64, Int32) = (-1, raw)
        if let identity = FunctionIdentity.fromLambdaARN(text) ?? Self.functionFromLogGroupARN(text),
            let id = try? store.functionID(identity)
        {
            result = (id, ByteInterner.empty)
        }
        resources[raw] = result
        return result
    }

    /// `arn:aws:logs:us-east-1:123:log-group:/aws/lambda/<fn>[:*]` → that function.
    static func functionFromLogGroupARN(_ arn: String) -> FunctionIdentity? {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 7, parts[0] == "arn", parts[2] == "logs", parts[5] == "log-group",
            let name = FunctionIdentity.nameFromLogGroup(parts[6])
        else { return nil }
        return FunctionIdentity(account: String(parts[4]), region: String(parts[3]), name: name)
    }

    /// FOCUS files without `x_UsageType` describe charges in words: derive the CUR usage type
    /// (without Region prefix) the cost keys are classified by; Lambda "Seconds" are GB-seconds.
    private mutating func description(_ raw: Int32, service: Int32) -> (usageType: Int32, unit: Int32) {
        if let known = descriptions[raw] { return known }
        let text = strings[raw]
        let arm = text.contains("ARM") || text.contains("Arm")
        var derived: String?
        var unit: String?
        switch strings[service] {
        case BillService.lambda:
            if text.contains("Provisioned") {
                derived = text.contains("Concurrency") ? "Lambda-Provisioned-Concurrency" : "Lambda-Provisioned-GB-Second"
                unit = "Lambda-GB-Second"
            } else if text.contains("Ephemeral Storage") {
                derived = "Lambda-Storage-GB-Second"
                unit = "Lambda-GB-Second"
            } else if text.contains("Total Compute") || text.contains("GB-Second") {
                derived = "Lambda-GB-Second"
                unit = "Lambda-GB-Second"
            } else if text.contains("Total Requests") || text.contains("Request") {
                derived = "Request"
            }
            if arm, let d = derived { derived = d + "-ARM" }
        case BillService.cloudWatch:
            if text.contains("vended log") { derived = "VendedLog-Bytes" }
            else if text.contains("log data ingested") || text.contains("logs ingested") { derived = "DataProcessing-Bytes" }
            else if text.contains("log storage") || text.contains("archived") { derived = "TimedStorage-ByteHrs" }
        default: break
        }
        let result = (derived.map { strings.id($0) } ?? raw, unit.map { strings.id($0) } ?? -1)
        descriptions[raw] = result
        return result
    }

    /// A JSON object of tags (`{"user_team":"a"}` or FOCUS `{"team": "a"}`); CUR 2.0's `user_`
    /// prefix is dropped so `tag:team` means the same in every format.
    private mutating func tags(_ raw: Int32) throws -> [(Int32, Int32)] {
        if let known = tagSets[raw] { return known }
        let text = strings[raw]
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes: Array(text.utf8))
        } catch {
            throw BillingCSVIngestor.RowFailure(expected: "tags as a JSON object", found: LambdaCostError.excerpt(text, limit: 60))
        }
        guard let members = value.objectValue else {
            throw BillingCSVIngestor.RowFailure(expected: "tags as a JSON object", found: LambdaCostError.excerpt(text, limit: 60))
        }
        var pairs: [(Int32, Int32)] = []
        for (k, v) in members {
            guard let s = v.stringValue ?? (v.isNull ? nil : v.doubleValue.map { "\($0)" }), !s.isEmpty else { continue }
            var key = Substring(k)
            if c.dialect == .cur2, key.hasPrefix("user_") { key = key.dropFirst(5) }
            pairs.append((strings.id(String(key)), strings.id(s)))
        }
        tagSets[raw] = pairs
        return pairs
    }

    private static func nonNull(_ r: CSVRecord, _ index: Int) -> UnsafeRawBufferPointer {
        index < 0 || r.isNull(at: index) ? UnsafeRawBufferPointer(start: nil, count: 0) : r.bytes(at: index)
    }

    /// An optional number: nil when the column is absent, empty or NULL; text is an error.
    private static func number(_ r: CSVRecord, _ index: Int, _ name: String) throws -> Double? {
        guard index >= 0, !r.isNull(at: index) else { return nil }
        guard let value = r.double(at: index) else {
            throw BillingCSVIngestor.RowFailure(expected: "a number in the \(name) column", found: describe(r.bytes(at: index)))
        }
        return value
    }

    /// Days since 1970 of `YYYY-MM-DD…` (any time part, UTC) or another ``Timestamp`` form.
    static func day(_ b: UnsafeRawBufferPointer, column: String) throws -> Int32 {
        if b.count >= 10, b[4] == 0x2D, b[7] == 0x2D {
            var ok = true
            func d(_ i: Int) -> Int {
                let v = Int(b[i]) - 48
                if v < 0 || v > 9 { ok = false }
                return v
            }
            let y = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3)
            let m = d(5) * 10 + d(6)
            let dd = d(8) * 10 + d(9)
            let zoned = b.count > 19 && (b[b.count - 6] == 0x2B || (b[b.count - 6] == 0x2D && b.count > 20))
            if ok, (1...12).contains(m), (1...31).contains(dd), !zoned {
                return Int32(CivilDate.epochDay(year: y, month: m, day: dd))
            }
        }
        if let ms = Timestamp.parseMillis(b) {
            return Int32((Double(ms) / 86_400_000).rounded(.down))
        }
        throw BillingCSVIngestor.RowFailure(expected: "a date in the \(column) column", found: describe(b))
    }

    static func describe(_ b: UnsafeRawBufferPointer) -> String {
        b.isEmpty ? "an empty field" : LambdaCostError.excerpt(String(decoding: b, as: UTF8.self), limit: 60)
    }
}
