import LambdaCostCore
import LambdaCostStore

/// Reads legacy CUR, CUR 2.0 and FOCUS 1.x CSV (gzip or not) into bill lines.
///
/// Lambda, CloudWatch, X-Ray and SQS rows keep function, resource, usage type and operation;
/// every other service is summed per day, account, Region, line item type and unit. Rows are
/// summed in memory (``BillAggregator``) and stored once at the end. Loose files add up; a CUR
/// manifest (``CURManifestIngestor``) replaces earlier deliveries.
enum BillingCSVIngestor: FormatIngestor {
    static func ingest(_ context: IngestContext) throws -> SourceReadout {
        let dialect: BillingColumns.Dialect
        switch context.format {
        case .cur2CSV: dialect = .cur2
        case .focusCSV: dialect = .focus
        default: dialect = .cur
        }
        let aggregator = BillAggregator()
        var out = try read(context.source, path: context.path, dialect: dialect, options: context.options, store: context.store, into: aggregator)
        try aggregator.flush(store: context.store, sourceID: context.sourceID)
        if let (start, end) = aggregator.coverageMs {
            out.coverageStartMs = start
            out.coverageEndMs = end
        }
        out.coverage = "bill: \(aggregator.lines.count) lines"
        return out
    }

    /// What one row failed on.
    struct RowFailure: Error {
        let expected: String
        let found: String
    }

    /// Reads every row of one file into `aggregator`.
    /// - Throws: `LambdaCostError.badInput` (file, line, what was expected and found) unless
    ///   `options.skipBadRows`, which counts and reports the row instead.
    static func read(
        _ source: ByteSource, path: String, dialect: BillingColumns.Dialect, options: IngestOptions, store: Store,
        into aggregator: BillAggregator
    ) throws -> SourceReadout {
        let reader = try CSVReader(source: source)
        let c = try BillingColumns(dialect: dialect, reader: reader, path: path)
        var row = BillingRowReader(columns: c, aggregator: aggregator, store: store)
        var out = SourceReadout()
        var lastLine = 1
        func reject(_ message: String) {
            out.rowsRejected += 1
            if out.warnings.count < 5 { out.warnings.append(message) }
        }
        do {
            try reader.forEachRecord(
                onBadRecord: options.skipBadRows
                    ? { error in
                        out.rowsRead += 1
                        reject(error.description)
                    } : nil
            ) { record in
                out.rowsRead += 1
                lastLine = record.line
                do {
                    try row.add(record)
                    out.rowsKept += 1
                } catch let failure as RowFailure {
                    let error = LambdaCostError.badInput(
                        file: path, line: record.line, column: nil, expected: failure.expected, found: failure.found)
                    guard options.skipBadRows else { throw error }
                    reject(error.description)
                }
            }
        } catch LambdaCostError.badInput(let file, 0, let column, let expected, let found) {
            // The decompressor knows no lines: point at the line it stopped in.
            throw LambdaCostError.badInput(file: file, line: lastLine + 1, column: column, expected: expected, found: found)
        }
        if out.rowsRejected > 0 {
            out.warnings.insert("\(path): skipped \(out.rowsRejected) bad row\(out.rowsRejected == 1 ? "" : "s")", at: 0)
        }
        return out
    }
}
