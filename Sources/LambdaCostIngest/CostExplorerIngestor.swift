import LambdaCostCore
import LambdaCostStore

/// Reads the Cost Explorer console CSV: a pivot with one column per service
/// (`"Service","Lambda($)",…,"Total costs($)"`), a `"Service total"` row, then one row per period
/// (`2024-09-01`). Each cell becomes a bill line on the period's first day, with no usage,
/// Region or function (the console export has none); `--account` names the account.
/// The `Total costs($)` column and the `Service total` row repeat the other cells and are skipped.
enum CostExplorerIngestor: FormatIngestor {
    static func ingest(_ context: IngestContext) throws -> SourceReadout {
        let path = context.path
        let reader = try CSVReader(source: context.source)
        let aggregator = BillAggregator()
        let strings = aggregator.strings
        var columns: [(index: Int, service: Int32)] = []
        for (k, title) in reader.header.enumerated() where k > 0 && title != "Total costs($)" && title != "Total cost ($)" {
            var name = Substring(title)
            if name.hasSuffix("($)") { name = name.dropLast(3) }
            name = name.drop { $0 == " " }
            while name.hasSuffix(" ") { name = name.dropLast() }
            columns.append((k, strings.id(BillService.canonical(String(name)))))
        }
        guard !columns.isEmpty else {
            throw LambdaCostError.badInput(
                file: path, line: 1, column: nil, expected: "a Cost Explorer header \"Service\",\"<service>($)\",…",
                found: "no service columns")
        }
        let account = strings.id(context.options.account ?? "")
        let region = strings.id(context.options.region ?? "")
        let usage = strings.id("Usage")
        var out = SourceReadout()
        func reject(_ error: LambdaCostError) throws {
            guard context.options.skipBadRows else { throw error }
            out.rowsRejected += 1
            if out.warnings.count < 5 { out.warnings.append(error.description) }
        }
        try reader.forEachRecord(onBadRecord: context.options.skipBadRows ? { out.rowsRead += 1; try reject($0) } : nil) { r in
            out.rowsRead += 1
            if r.field(at: 0, equals: "Service total") || r.field(at: 0, equals: "Total") { return }
            do {
                let label = r.bytes(at: 0)
                let day: Int32
                // Monthly exports may write `2024-09`.
                if label.count == 7, let m = Month(parsing: String(decoding: label, as: UTF8.self)) {
                    day = Int32(m.startEpochSeconds / 86_400)
                } else {
                    day = try BillingRowReader.day(label, column: "period")
                }
                var amounts: [(Int32, Double)] = []
                for (index, service) in columns {
                    if r.isNull(at: index) { continue }
                    guard let v = r.double(at: index) else {
                        throw BillingCSVIngestor.RowFailure(
                            expected: "a number in the '\(reader.header[index])' column",
                            found: BillingRowReader.describe(r.bytes(at: index)))
                    }
                    amounts.append((service, v))
                }
                for (service, v) in amounts {
                    let key = BillAggregator.LineKey(
                        day: day, payer: ByteInterner.empty, account: account, region: region, service: service, function: -1,
                        resource: ByteInterner.empty, usageType: ByteInterner.empty, operation: ByteInterner.empty,
                        lineItemType: usage, unit: ByteInterner.empty)
                    aggregator.add(key, usage: 0, unblended: v, amortized: v, net: v)
                }
                out.rowsKept += 1
            } catch let failure as BillingCSVIngestor.RowFailure {
                try reject(.badInput(file: path, line: r.line, column: nil, expected: failure.expected, found: failure.found))
            }
        }
        try aggregator.flush(store: context.store, sourceID: context.sourceID)
        if let (start, end) = aggregator.coverageMs {
            out.coverageStartMs = start
            out.coverageEndMs = end
        }
        out.coverage = "bill (Cost Explorer): \(columns.count) services"
        if out.rowsRejected > 0 { out.warnings.insert("\(path): skipped \(out.rowsRejected) bad rows", at: 0) }
        return out
    }
}
