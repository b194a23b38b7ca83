import LambdaCostCore
import LambdaCostStore

/// Sums billing rows in memory by bill line (and tag) key, then stores each sum once: the map
/// holds one entry per distinct line, however many rows a file has, so memory stays flat.
final class BillAggregator {
    struct LineKey: Hashable {
        var day: Int32
        var payer: Int32
        var account: Int32
        var region: Int32
        var service: Int32
        var function: Int64
        var resource: Int32
        var usageType: Int32
        var operation: Int32
        var lineItemType: Int32
        var unit: Int32
    }

    struct TagKey: Hashable {
        var day: Int32
        var service: Int32
        var function: Int64
        var key: Int32
        var value: Int32
    }

    struct Sums {
        var usage = 0.0
        var unblended = 0.0
        var amortized = 0.0
        var net = 0.0
        var rows: Int64 = 0
    }

    let strings = ByteInterner()
    private(set) var lines: [LineKey: Sums] = [:]
    private(set) var tags: [TagKey: Sums] = [:]
    private(set) var firstDay: Int32?
    private(set) var lastDay: Int32?
    /// Payer ids seen (interned), for manifests that name none.
    private(set) var payers: Set<Int32> = []

    func add(_ key: LineKey, usage: Double, unblended: Double, amortized: Double, net: Double) {
        lines[key, default: Sums()].add(usage: usage, unblended: unblended, amortized: amortized, net: net)
        if firstDay.map({ key.day < $0 }) ?? true { firstDay = key.day }
        if lastDay.map({ key.day > $0 }) ?? true { lastDay = key.day }
        payers.insert(key.payer)
    }

    func addTag(_ key: TagKey, unblended: Double, amortized: Double, net: Double) {
        tags[key, default: Sums()].add(usage: 0, unblended: unblended, amortized: amortized, net: net)
    }

    /// Stores the sums under `sourceID`.
    func flush(store: Store, sourceID: Int64) throws {
        let s = strings
        let billLines = lines.map { k, v in
            BillLine(
                day: Int64(k.day), payer: s[k.payer], account: s[k.account], region: s[k.region], service: s[k.service],
                functionID: k.function < 0 ? nil : k.function, resource: s[k.resource], usageType: s[k.usageType],
                operation: s[k.operation], lineItemType: s[k.lineItemType], unit: s[k.unit], usageAmount: v.usage,
                unblendedCost: v.unblended, amortizedCost: v.amortized, netCost: v.net, rowCount: v.rows)
        }
        try store.insertBillLines(billLines, sourceID: sourceID)
        let billTags = tags.map { k, v in
            BillTag(
                day: Int64(k.day), service: s[k.service], functionID: k.function < 0 ? nil : k.function, key: s[k.key],
                value: s[k.value], unblendedCost: v.unblended, amortizedCost: v.amortized, netCost: v.net)
        }
        try store.insertBillTags(billTags, sourceID: sourceID)
    }

    /// The coverage of the rows seen, as ms since 1970 (first day start, last day end).
    var coverageMs: (Int64, Int64)? {
        guard let firstDay, let lastDay else { return nil }
        return (Int64(firstDay) * 86_400_000, (Int64(lastDay) + 1) * 86_400_000 - 1)
    }
}

extension BillAggregator.Sums {
    mutating func add(usage: Double, unblended: Double, amortized: Double, net: Double) {
        self.usage += usage
        self.unblended += unblended
        self.amortized += amortized
        self.net += net
        rows += 1
    }
}
