import Foundation
import LambdaCostCore
import LambdaCostStore

/// Reads plain-text REPORT lines (bare, console `hh:mm:ss `-prefixed, or ISO-timestamp-prefixed
/// as a CloudWatch Logs export to S3 writes them). START, END, XRAY and application lines are
/// skipped; `Task timed out` lines mark their request as a timeout.
enum ReportTextIngestor: FormatIngestor {
    static func ingest(_ context: IngestContext) throws -> SourceReadout {
        let store = context.store
        let path = context.path
        let options = context.options
        guard let name = options.functionName ?? functionName(fromFileName: path) else {
            throw LambdaCostError.badInput(
                file: path, line: 0, column: nil, expected: "a function name from --function or the file name",
                found: "a file name that names no function")
        }
        let identity = FunctionIdentity(account: options.account ?? "", region: options.region ?? "us-east-1", name: name)
        let functionID = try store.functionID(identity)
        // REPORT lines do not say the architecture: a flag, else the ingested configuration, else x86_64.
        let arch = try options.arch ?? store.configuredArchitecture(functionID: functionID) ?? .x86_64
        let aggregator = InvocationAggregator(store: store)
        let reader = LineReader(source: context.source)
        var out = SourceReadout()
        var missingDateLine: Int?
        let monthStartMs = options.month.map { $0.startEpochSeconds * 1000 }
        let timedOutMarker = Array("Task timed out after".utf8)
        var timestamps = LeadingTimestampCache()

        try reader.forEachLine { line, lineNumber in
            guard let offset = ReportLineParser.reportOffset(line) else {
                if let rid = Self.timedOutRequestID(line, marker: timedOutMarker) { aggregator.timedOut.insert(rid) }
                return
            }
            out.rowsRead += 1
            let record: ReportLine
            do {
                record = try ReportLineParser.parse(line, at: offset)
            } catch let error as ReportLineParser.Failure {
                if options.skipBadRows {
                    out.rowsRejected += 1
                    if out.warnings.count < 5 { out.warnings.append("\(path):\(lineNumber):\(error.column): expected \(error.expected), found \(error.found)") }
                    return
                }
                throw LambdaCostError.badInput(file: path, line: lineNumber, column: error.column, expected: error.expected, found: error.found)
            }
            let millis: Int64
            if let ts = timestamps.leading(line, before: offset) {
                millis = ts
            } else if let monthStartMs {
                millis = monthStartMs
            } else {
                missingDateLine = missingDateLine ?? lineNumber
                throw LambdaCostError.badInput(
                    file: path, line: lineNumber, column: 1, expected: "a timestamp before the REPORT line, or --month for bare lines",
                    found: "a REPORT line with no date")
            }
            if try aggregator.add(record, functionID: functionID, millis: millis, arch: arch) {
                out.rowsKept += 1
            } else {
                out.rowsDuplicate += 1
            }
        }
        try aggregator.flush(sourceID: context.sourceID)
        out.coverageStartMs = aggregator.firstMs
        out.coverageEndMs = aggregator.lastMs
        out.coverage = "function \(identity)"
        if out.rowsRead == 0 { out.warnings.append("no REPORT lines found") }
        return out
    }

    /// The ISO-8601 timestamp that prefixes a line, if the text before the REPORT marker is one.
    static func leadingTimestamp(_ line: UnsafeRawBufferPointer, before offset: Int) -> Int64? {
        guard offset >= 10, line[0] >= 48, line[0] <= 57 else { return nil }
        var end = 0
        while end < offset, line[end] != 32, line[end] != 9 { end += 1 }
        return Timestamp.parseMillis(UnsafeRawBufferPointer(rebasing: line[0..<end]))
    }

    /// The request id of a `… <request-id> Task timed out after 3.00 seconds` line
    /// (or `RequestId: <id> Error: Task timed out …`), hashed; nil for other lines.
    static func timedOutRequestID(_ line: UnsafeRawBufferPointer, marker: [UInt8]) -> UInt64? {
        let n = line.count
        guard n > marker.count else { return nil }
        guard let base = line.baseAddress else { return nil }
        // memchr for the first byte, memcmp for the rest (glibc's memmem is not visible to Swift).
        var from = 0
        var found: Int?
        while found == nil, from + marker.count <= n, let hit = memchr(base + from, Int32(marker[0]), n - from - marker.count + 1) {
            let i = UnsafeRawPointer(hit) - base
            if marker.withUnsafeBytes({ memcmp(base + i, $0.baseAddress!, marker.count) }) == 0 { found = i }
            from = i + 1
        }
        guard let at = found else { return nil }
        // Tokens before the marker; the request id is the nearest one that is not a timestamp,
        // a level or a `Key:` label.
        let head = Array(UnsafeRawBufferPointer(rebasing: line[0..<at]))
        let tokens = head.split(whereSeparator: { $0 == 32 || $0 == 9 })
        for token in tokens.reversed() where !token.contains(UInt8(ascii: ":")) && !token.elementsEqual("ERROR".utf8) {
            return Array(token).withUnsafeBytes { ReportLine.hashRequestID($0) }
        }
        return nil
    }
}

/// Parses the ISO-8601 timestamps that prefix exported log lines, reusing the previous line's
/// date and time when only the milliseconds differ (consecutive lines share the second).
struct LeadingTimestampCache {
    private var prefix = [UInt8](repeating: 0, count: 19)
    private var prefixMillis: Int64?

    /// The line's leading timestamp (ms since 1970), if the text before `offset` is one.
    mutating func leading(_ line: UnsafeRawBufferPointer, before offset: Int) -> Int64? {
        // Fast path: `YYYY-MM-DDThh:mm:ss.mmmZ ` with the same first 19 bytes as before.
        if offset >= 25, line[19] == UInt8(ascii: "."), line[23] == UInt8(ascii: "Z"), line[24] == 32 || line[24] == 9,
            let base = line.baseAddress
        {
            let d0 = Int64(line[20]) - 48
            let d1 = Int64(line[21]) - 48
            let d2 = Int64(line[22]) - 48
            if (0...9).contains(d0), (0...9).contains(d1), (0...9).contains(d2) {
                let fraction = d0 * 100 + d1 * 10 + d2
                if let known = prefixMillis, memcmp(base, prefix, 19) == 0 { return known + fraction }
                if let parsed = Timestamp.parseMillis(UnsafeRawBufferPointer(rebasing: line[0..<19])) {
                    prefix.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: line[0..<19])) }
                    prefixMillis = parsed
                    return parsed + fraction
                }
            }
        }
        return ReportTextIngestor.leadingTimestamp(line, before: offset)
    }
}
