import Foundation
import LambdaCostCore
import LambdaCostStore

/// Ingests files into the store: one transaction per file, rolled back on any error, and a file
/// whose content was ingested before is reported and skipped.
public final class Ingester {
    let store: Store
    /// Called with progress messages when the caller wants them (a terminal).
    public var progress: ((String) -> Void)?

    public init(store: Store) {
        self.store = store
    }

    /// Ingests one file.
    /// - Throws: ``LambdaCostError`` (bad input → 65, missing file → 66, database → 74); nothing
    ///   from the file is stored then.
    public func ingest(path: String, options: IngestOptions) throws -> IngestResult {
        let started = Date()
        guard FileManager.default.isReadableFile(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw LambdaCostError.missingInput(path: path, reason: exists ? "not readable" : "no such file")
        }
        let source = try ByteSource(path: path)
        if let progress {
            let total = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            source.progress = { read in
                progress("\(path): \(read >> 20) of \(max(total, read) >> 20) MB read")
            }
        }
        let head = try source.peek(maxBytes: FormatDetector.peekBytes)
        let fileName = (path as NSString).lastPathComponent
        guard let format = options.inputFormat ?? FormatDetector.detect(head, fileName: fileName) else {
            throw LambdaCostError.badInput(
                file: path, line: 1, column: nil,
                expected: "a supported export (see 'lambdacost ingest --help' for the formats, or pass --input-format)",
                found: FormatDetector.describeStart(head))
        }
        var outcome = try store.inTransaction { () -> IngestResult in
            let pending = "pending:\(UUID().uuidString)"
            var record = SourceRecord(
                path: path, contentHash: pending, format: format.rawValue, sizeBytes: 0,
                ingestedAt: Timestamp.iso8601(millis: Int64(Date().timeIntervalSince1970 * 1000)), options: options.described)
            record.id = try store.insertSource(record)
            let context = IngestContext(store: store, path: path, options: options, sourceID: record.id, source: source, format: format)
            let read = try format.ingestor.ingest(context)
            let contentHash = try source.finishHashing()
            if let earlier = try store.source(contentHash: contentHash) {
                throw AlreadyIngested(earlier: earlier)
            }
            record.contentHash = contentHash
            record.sizeBytes = Int64(source.bytesRead)
            record.rowsRead = read.rowsRead
            record.rowsKept = read.rowsKept
            record.rowsDuplicate = read.rowsDuplicate
            record.rowsRejected = read.rowsRejected
            record.coverageStartMs = read.coverageStartMs
            record.coverageEndMs = read.coverageEndMs
            record.coverage = read.coverage
            try store.updateSource(record)
            return IngestResult(
                path: path, format: format.rawValue, status: .ingested, sourceID: record.id, rowsRead: read.rowsRead,
                rowsKept: read.rowsKept, rowsDuplicate: read.rowsDuplicate, rowsRejected: read.rowsRejected,
                warnings: read.warnings)
        } catchAlreadyIngested: { earlier in
            IngestResult(
                path: path, format: earlier.format, status: .alreadyIngested, sourceID: earlier.id,
                warnings: ["same content as source \(earlier.id) (\(earlier.path)), ingested \(earlier.ingestedAt): skipped"])
        }
        outcome.seconds = Date().timeIntervalSince(started)
        return outcome
    }

    struct AlreadyIngested: Error {
        let earlier: SourceRecord
    }
}

extension Store {
    /// Runs `body` in a transaction; when it throws ``Ingester/AlreadyIngested`` the transaction
    /// is rolled back and `handler` makes the result.
    func inTransaction<T>(_ body: () throws -> T, catchAlreadyIngested handler: (SourceRecord) -> T) throws -> T {
        do {
            return try inTransaction(body)
        } catch let already as Ingester.AlreadyIngested {
            return handler(already.earlier)
        }
    }
}

/// What a format reader found in one file.
struct SourceReadout {
    var rowsRead = 0
    var rowsKept = 0
    var rowsDuplicate = 0
    var rowsRejected = 0
    var coverageStartMs: Int64?
    var coverageEndMs: Int64?
    var coverage = ""
    var warnings: [String] = []
}

/// The function name a file name implies: `order-processor.log` → `order-processor`,
/// `get-function-concurrency-orders.json` → `orders`, `orders.filter-log-events.json` → `orders`;
/// nil for names AWS gives files (`000000.gz`), which carry no function.
func functionName(fromFileName path: String) -> String? {
    var name = (path as NSString).lastPathComponent
    for ext in [".gz", ".log", ".txt", ".json", ".csv", ".tsv"] where name.hasSuffix(ext) {
        name.removeLast(ext.count)
    }
    for ext in [".log", ".txt", ".json", ".csv"] where name.hasSuffix(ext) { name.removeLast(ext.count) }
    // The AWS CLI command that wrote the file, as export-script names files.
    for command in awsCommandNames {
        if name.hasPrefix(command + "-"), name.count > command.count + 1 { name.removeFirst(command.count + 1) }
        if name.hasSuffix("." + command), name.count > command.count + 1 { name.removeLast(command.count + 1) }
    }
    if name.isEmpty || name.allSatisfy(\.isNumber) { return nil }
    return name
}

/// AWS CLI commands whose names users put in export file names, longest first.
let awsCommandNames = [
    "list-provisioned-concurrency-configs", "get-function-configuration", "get-function-concurrency", "get-metric-statistics",
    "filter-log-events", "get-query-results", "get-metric-data", "get-log-events", "get-function",
]
