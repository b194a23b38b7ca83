import LambdaCostCore
import LambdaCostStore

/// Where every REPORT container (JSON log lines, filter/get-log-events, Logs Insights,
/// subscription messages) delivers its records: resolves the function, dates each record, drops
/// duplicates through ``InvocationAggregator`` and keeps the file's counts and warnings.
final class ReportEventSink {
    let context: IngestContext
    let aggregator: InvocationAggregator
    var out = SourceReadout()
    private let arch: Architecture
    private let defaultName: String?
    private var functionIDs: [String: Int64] = [:]
    private(set) var functionNames: [String] = []
    private let monthStartMs: Int64?
    private static let timedOutMarker = Array("Task timed out after".utf8)
    private static let platformReport = Array("\"platform.report\"".utf8)

    init(context: IngestContext) {
        self.context = context
        aggregator = InvocationAggregator(store: context.store)
        arch = context.options.arch ?? .x86_64
        defaultName = context.options.functionName ?? functionName(fromFileName: context.path)
        monthStartMs = context.options.month.map { $0.startEpochSeconds * 1000 }
    }

    /// The function id for records that name `logGroupFunction` (from a log group) or nothing;
    /// `--function` wins over the content, the file name comes last.
    func functionID(contentName: String?, line: Int) throws -> Int64 {
        guard let name = context.options.functionName ?? contentName ?? defaultName else {
            throw LambdaCostError.badInput(
                file: context.path, line: line, column: nil,
                expected: "a function name from --function, the log group or the file name",
                found: "a file whose name and content name no function")
        }
        if let id = functionIDs[name] { return id }
        let identity = FunctionIdentity(
            account: context.options.account ?? "", region: context.options.region ?? "us-east-1", name: name)
        let id = try context.store.functionID(identity)
        functionIDs[name] = id
        functionNames.append(name)
        return id
    }

    /// Reads one log event's message: its REPORT lines count (plain text, or a JSON-format
    /// `platform.report` record), `Task timed out` lines mark timeouts, the rest is skipped.
    func message(_ bytes: UnsafeRawBufferPointer, millis: Int64?, function: String?, line: Int) throws {
        var start = 0
        let n = bytes.count
        while start < n && (bytes[start] == 32 || bytes[start] == 9) { start += 1 }
        if start < n, bytes[start] == UInt8(ascii: "{"), Self.contains(bytes, Self.platformReport) {
            let value = try JSONValue.parse(bytes: Array(bytes), name: context.path)
            try platformRecord(value, millis: millis, function: function, line: line)
            return
        }
        var i = 0
        while i <= n {
            var end = i
            while end < n && bytes[end] != 10 && bytes[end] != 13 { end += 1 }
            if end > i { try textLine(UnsafeRawBufferPointer(rebasing: bytes[i..<end]), millis: millis, function: function, line: line) }
            i = end + 1
        }
    }

    private func textLine(_ text: UnsafeRawBufferPointer, millis: Int64?, function: String?, line: Int) throws {
        guard let offset = ReportLineParser.reportOffset(text) else {
            if let rid = ReportTextIngestor.timedOutRequestID(text, marker: Self.timedOutMarker) { aggregator.timedOut.insert(rid) }
            return
        }
        out.rowsRead += 1
        let record: ReportLine
        do {
            record = try ReportLineParser.parse(text, at: offset)
        } catch {
            try reject(line: line, column: error.column, expected: error.expected, found: error.found)
            return
        }
        let when = millis ?? ReportTextIngestor.leadingTimestamp(text, before: offset)
        try add(record, millis: when, function: function, line: line)
    }

    /// Reads a JSON log format record (`{"time","type","record"}`); types other than
    /// `platform.report` are skipped.
    func platformRecord(_ value: JSONValue, millis: Int64?, function: String?, line: Int) throws {
        guard value["type"]?.stringValue == "platform.report" else { return }
        out.rowsRead += 1
        let when = millis ?? value["time"]?.stringValue.flatMap { Timestamp.parseMillis($0) }
        let record: ReportLine
        do {
            record = try Self.reportLine(platformReport: value, at: when)
        } catch let failure as ReportLineParser.Failure {
            try reject(line: line, column: nil, expected: failure.expected, found: failure.found)
            return
        }
        try add(record, millis: when, function: function, line: line)
    }

    /// The facts of a `platform.report` record; a missing billed duration is modelled with
    /// ``BilledDurationRule`` for the record's date.
    static func reportLine(platformReport value: JSONValue, at millis: Int64?) throws -> ReportLine {
        let metrics = value.value(at: ["record", "metrics"])
        func centi(_ key: String) -> Int64? {
            metrics?[key]?.doubleValue.map { Int64(($0 * 100).rounded()) }
        }
        guard let requestID = value.value(at: ["record", "requestId"])?.stringValue, !requestID.isEmpty else {
            throw ReportLineParser.Failure(column: 1, expected: "record.requestId in a platform.report record", found: "none")
        }
        guard let duration = centi("durationMs"), let memory = metrics?["memorySizeMB"]?.doubleValue,
            let maxUsed = metrics?["maxMemoryUsedMB"]?.doubleValue
        else {
            throw ReportLineParser.Failure(
                column: 1, expected: "record.metrics with durationMs, memorySizeMB and maxMemoryUsedMB",
                found: "a platform.report record without them")
        }
        var r = ReportLine()
        r.requestIDHash = ReportLine.hashRequestID(requestID)
        r.durationCentiMs = duration
        r.memoryMB = Int(memory)
        r.maxMemoryUsedMB = Int(maxUsed)
        r.initCentiMs = centi("initDurationMs")
        r.restoreCentiMs = centi("restoreDurationMs")
        r.billedRestoreMs = metrics?["billedRestoreDurationMs"]?.doubleValue.map { Int64($0.rounded(.up)) }
        if let billed = metrics?["billedDurationMs"]?.doubleValue {
            r.billedMs = Int64(billed.rounded(.up))
        } else {
            r.billedMs = BilledDurationRule.billedMs(
                durationCentiMs: duration, initCentiMs: r.initCentiMs, billedRestoreMs: r.billedRestoreMs, atMillis: millis)
        }
        switch value.value(at: ["record", "status"])?.stringValue {
        case "timeout": r.status = .timeout
        case "error", "failure": r.status = .error
        default: r.status = .success
        }
        return r
    }

    /// Adds a parsed record dated `millis` (or the `--month` start for undated records).
    func add(_ record: ReportLine, millis: Int64?, function: String?, line: Int) throws {
        guard let when = millis ?? monthStartMs else {
            throw LambdaCostError.badInput(
                file: context.path, line: line, column: nil, expected: "a timestamp on the record, or --month",
                found: "a REPORT record with no date")
        }
        let id = try functionID(contentName: function, line: line)
        if try aggregator.add(record, functionID: id, millis: when, arch: arch) {
            out.rowsKept += 1
        } else {
            out.rowsDuplicate += 1
        }
    }

    /// A bad record: an error, or with `--skip-bad-rows` a counted and reported skip.
    func reject(line: Int, column: Int?, expected: String, found: String) throws {
        guard context.options.skipBadRows else {
            throw LambdaCostError.badInput(file: context.path, line: line, column: column, expected: expected, found: found)
        }
        out.rowsRejected += 1
        if out.warnings.count < 5 {
            out.warnings.append("\(context.path):\(line)\(column.map { ":\($0)" } ?? ""): expected \(expected), found \(found)")
        }
    }

    /// Writes the aggregates and returns the file's readout.
    func finish() throws -> SourceReadout {
        try aggregator.flush(sourceID: context.sourceID)
        out.coverageStartMs = aggregator.firstMs
        out.coverageEndMs = aggregator.lastMs
        let region = context.options.region ?? "us-east-1"
        out.coverage = functionNames.isEmpty ? "no REPORT lines" : "functions \(functionNames.joined(separator: ", ")) in \(region)"
        if out.rowsRead == 0 { out.warnings.append("no REPORT lines found (\(context.format.rawValue)): nothing stored") }
        return out
    }

    static func contains(_ haystack: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Bool {
        let n = haystack.count
        let m = needle.count
        guard n >= m else { return false }
        var i = 0
        while i + m <= n {
            if haystack[i] == needle[0] {
                var j = 1
                while j < m && haystack[i + j] == needle[j] { j += 1 }
                if j == m { return true }
            }
            i += 1
        }
        return false
    }
}
