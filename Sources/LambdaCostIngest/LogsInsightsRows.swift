import LambdaCostCore

/// Turns Logs Insights result rows (from the console's CSV export or `get-query-results` JSON)
/// into REPORT records, whatever field set the query chose: `@message` holding REPORT lines, or
/// the parsed fields `@duration`, `@billedDuration`, `@memorySize`, `@maxMemoryUsed`,
/// `@initDuration` (with `@requestId` when selected).
final class LogsInsightsRows {
    /// Logs Insights returns at most this many rows; an export of exactly this size is cut short.
    static let rowLimit = 10_000

    let sink: ReportEventSink
    private(set) var rows = 0
    private var occurrences: [UInt64: Int] = [:]
    private var synthesizedIDs = false

    init(sink: ReportEventSink) {
        self.sink = sink
    }

    /// Reads one result row given as (field, value) pairs in any order.
    func row(_ fields: [(String, String)], line: Int) throws {
        rows += 1
        func value(_ name: String) -> String? {
            fields.first { $0.0 == name }.map(\.1).flatMap { $0.isEmpty ? nil : $0 }
        }
        let function = value("@log").flatMap(Self.function(fromLogField:))
            ?? value("@logGroup").flatMap(LogsSubscriptionIngestor.function(fromLogGroup:))
        let millis = value("@timestamp").flatMap { Timestamp.parseMillis($0) }
        if var message = value("@message") {
            try message.withUTF8 { try sink.message(UnsafeRawBufferPointer($0), millis: millis, function: function, line: line) }
            return
        }
        guard let durationText = value("@duration") else {
            try sink.reject(line: line, column: nil, expected: "a @message or @duration field", found: "a row with neither")
            return
        }
        sink.out.rowsRead += 1
        func centi(_ text: String?) -> Int64? { text.flatMap { Double($0) }.map { Int64(($0 * 100).rounded()) } }
        func megabytes(_ text: String?) -> Int? {
            guard let v = text.flatMap({ Double($0) }) else { return nil }
            // Logs Insights reports memory in bytes (10^6 per MB); accept MB as well.
            return Int((v > 100_000 ? v / 1_000_000 : v).rounded())
        }
        guard let duration = centi(durationText), let memory = megabytes(value("@memorySize")) else {
            try sink.reject(
                line: line, column: nil, expected: "numbers in @duration and @memorySize",
                found: "@duration \(durationText), @memorySize \(value("@memorySize") ?? "missing")")
            return
        }
        var r = ReportLine()
        r.durationCentiMs = duration
        r.memoryMB = memory
        r.maxMemoryUsedMB = megabytes(value("@maxMemoryUsed")) ?? 0
        r.initCentiMs = centi(value("@initDuration"))
        r.restoreCentiMs = centi(value("@restoreDuration"))
        r.billedRestoreMs = value("@billedRestoreDuration").flatMap { Double($0) }.map { Int64($0.rounded(.up)) }
        if let billed = value("@billedDuration").flatMap({ Double($0) }) {
            r.billedMs = Int64(billed.rounded(.up))
        } else {
            r.billedMs = BilledDurationRule.billedMs(
                durationCentiMs: duration, initCentiMs: r.initCentiMs, billedRestoreMs: r.billedRestoreMs, atMillis: millis)
        }
        if let requestID = value("@requestId") {
            r.requestIDHash = ReportLine.hashRequestID(requestID)
        } else {
            // No request id: the row's content (and how often that content has appeared so far)
            // stands in, so an overlapping export of the same rows still deduplicates.
            synthesizedIDs = true
            let content = fields.filter { $0.0 != "@ptr" }.sorted { $0.0 < $1.0 }.map { "\($0.0)=\($0.1)" }.joined(separator: "\u{1F}")
            let base = ReportLine.hashRequestID(content)
            let seen = occurrences[base, default: 0]
            occurrences[base] = seen + 1
            r.requestIDHash = ReportLine.hashRequestID("\(content)\u{1F}#\(seen)")
        }
        try sink.add(r, millis: millis, function: function, line: line)
    }

    /// `123456789012:/aws/lambda/order-processor` → `order-processor`.
    static func function(fromLogField text: String) -> String? {
        guard let slash = text.firstIndex(of: "/") else { return nil }
        return LogsSubscriptionIngestor.function(fromLogGroup: String(text[slash...]))
    }

    /// The file's readout, with the Logs Insights warnings.
    func finish() throws -> SourceReadout {
        var out = try sink.finish()
        if rows == Self.rowLimit {
            out.warnings.append(
                "exactly \(Self.rowLimit) rows: Logs Insights returns at most \(Self.rowLimit), so this export is probably cut short; query shorter time ranges")
        }
        if synthesizedIDs {
            out.warnings.append(
                "rows carry no @requestId or @message: overlapping exports are deduplicated by row content, not by request id")
        }
        return out
    }
}
