import Foundation
import LambdaCostCore
import LambdaCostStore

/// Reads a CUR delivery manifest (`<report>-Manifest.json`:
/// `{"assemblyId", "billingPeriod": {"start", "end"}, "reportKeys": [...], "account"?}`) and the
/// report files it lists, found next to it by the last path component of each key, in the same
/// transaction. The delivery is recorded in `bill_deliveries` and replaces the bill lines every
/// other source holds for the same payer and billing period (BRIEF §1: CUR is re-delivered
/// through the month and line item ids change, so deliveries must not add up).
enum CURManifestIngestor: FormatIngestor {
    static func ingest(_ context: IngestContext) throws -> SourceReadout {
        let path = context.path
        var bytes: [UInt8] = []
        while let chunk = try context.source.nextChunk() { bytes.append(contentsOf: chunk) }
        let manifest = try JSONValue.parse(bytes: bytes, name: path)
        func bad(_ expected: String, _ found: String) -> LambdaCostError {
            .badInput(file: path, line: 1, column: nil, expected: expected, found: found)
        }
        guard let assemblyID = manifest["assemblyId"]?.stringValue, !assemblyID.isEmpty else {
            throw bad("a CUR manifest with an \"assemblyId\" string", "none")
        }
        guard let keys = manifest["reportKeys"]?.arrayValue?.compactMap(\.stringValue), !keys.isEmpty else {
            throw bad("a CUR manifest with a non-empty \"reportKeys\" list", "none")
        }
        let startText = manifest.value(at: ["billingPeriod", "start"])?.stringValue ?? ""
        guard let period = billingPeriod(startText) else {
            throw bad("billingPeriod.start as 20240901T000000.000Z or 2024-09-01", LambdaCostError.excerpt(startText))
        }
        let folder = (path as NSString).deletingLastPathComponent
        let aggregator = BillAggregator()
        var out = SourceReadout()
        for key in keys {
            let name = (key as NSString).lastPathComponent
            let file = folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
            guard FileManager.default.isReadableFile(atPath: file) else {
                throw LambdaCostError.missingInput(path: file, reason: "listed in \(path) (reportKeys) but not found next to it")
            }
            let source = try ByteSource(path: file)
            let head = try source.peek(maxBytes: FormatDetector.peekBytes)
            let format = FormatDetector.detect(head, fileName: name)
            let dialect: BillingColumns.Dialect
            switch format {
            case .curCSV?: dialect = .cur
            case .cur2CSV?: dialect = .cur2
            default:
                throw LambdaCostError.badInput(
                    file: file, line: 1, column: nil, expected: "a CUR or CUR 2.0 CSV report (listed in \(path))",
                    found: FormatDetector.describeStart(head))
            }
            let read = try BillingCSVIngestor.read(
                source, path: file, dialect: dialect, options: context.options, store: context.store, into: aggregator)
            out.rowsRead += read.rowsRead
            out.rowsKept += read.rowsKept
            out.rowsRejected += read.rowsRejected
            out.warnings += read.warnings
        }
        let payers = aggregator.payers.map { aggregator.strings[$0] }.filter { !$0.isEmpty }.sorted()
        var payer = manifest["account"]?.stringValue ?? ""
        if payer.isEmpty { payer = payers.first ?? "" }
        try aggregator.flush(store: context.store, sourceID: context.sourceID)
        try context.store.insertBillDelivery(payer: payer, billingPeriod: period, assemblyID: assemblyID, sourceID: context.sourceID)
        var replaced = 0
        let named = Set(payers + [payer]).filter { !$0.isEmpty }
        for p in named.isEmpty ? [""] : named.sorted() {
            replaced += try context.store.replaceBillData(payer: p, billingPeriod: period, keepingSource: context.sourceID)
        }
        if replaced > 0 { out.warnings.append("replaced \(replaced) bill lines of earlier deliveries for \(period)") }
        if let (start, end) = aggregator.coverageMs {
            out.coverageStartMs = start
            out.coverageEndMs = end
        }
        out.coverage = "CUR delivery \(assemblyID) (\(period), payer \(payer.isEmpty ? "unknown" : payer), \(keys.count) files)"
        return out
    }

    /// `20240901T000000.000Z` (CUR manifests) or `2024-09-01…` → the month it starts.
    static func billingPeriod(_ text: String) -> Month? {
        let digits = text.filter(\.isNumber)
        guard digits.count >= 6 else { return nil }
        let y = Int(digits.prefix(4)), m = Int(digits.dropFirst(4).prefix(2))
        guard let y, let m, (1...12).contains(m) else { return nil }
        return Month(year: y, month: m)
    }
}
